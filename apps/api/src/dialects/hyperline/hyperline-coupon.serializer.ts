import { formatDateTime, formatPercentageRate } from '@coupons/domain';
import type { CouponRecord } from '../../coupons/coupon-record';

/**
 * Hyperline's coupon, key order included: an amount coupon carries `discount_amount` (minor units) and
 * `currency`, a percent coupon `discount_percent`. Whatever Hyperline has no field for (code, frequency,
 * plan limits, metadata…) stays visible in the other dialects only.
 */
export function serializeHyperlineCoupon({ coupon }: CouponRecord) {
  const common = {
    id: coupon.lagoId,
    name: coupon.name,
    description: coupon.description,
    expiration_date: formatDateTime(coupon.expirationAt),
    redemption_limit: coupon.maxRedemptions,
    created_at: formatDateTime(coupon.createdAt),
  };
  if (coupon.couponType === 'percentage') {
    return { ...common, type: 'percent' as const, discount_percent: Number(formatPercentageRate(coupon.percentageRate)) };
  }
  return { ...common, type: 'amount' as const, discount_amount: coupon.amountCents, currency: coupon.amountCurrency };
}

/** Hyperline's list envelope: the page and how it was cut. */
export function serializeHyperlineCouponList(records: CouponRecord[], total: number, skip: number) {
  return { meta: { total, taken: records.length, skipped: skip }, data: records.map(serializeHyperlineCoupon) };
}
