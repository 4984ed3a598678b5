import { formatDateTime, formatPercentageRate } from '@coupons/domain';
import type { CouponRecord } from './coupon-record';

/** Lago's coupon wire shape, key order included, then our additions (`status` to `currency_options`). */
export function serializeCoupon({ coupon, planCodes, billableMetricCodes }: CouponRecord) {
  const currencyOptions: Record<string, { amount_cents: number }> = {};
  for (const [currency, option] of Object.entries(coupon.currencyOptions ?? {})) {
    currencyOptions[currency] = { amount_cents: Number(option.amountCents) };
  }
  return {
    lago_id: coupon.lagoId,
    name: coupon.name,
    code: coupon.code,
    description: coupon.description,
    coupon_type: coupon.couponType,
    amount_cents: coupon.amountCents,
    amount_currency: coupon.amountCurrency,
    percentage_rate: formatPercentageRate(coupon.percentageRate),
    frequency: coupon.frequency,
    frequency_duration: coupon.frequencyDuration,
    reusable: Boolean(coupon.reusable),
    limited_plans: planCodes.length > 0,
    limited_billable_metrics: billableMetricCodes.length > 0,
    plan_codes: planCodes,
    billable_metric_codes: billableMetricCodes,
    created_at: formatDateTime(coupon.createdAt),
    expiration: coupon.expiration,
    expiration_at: formatDateTime(coupon.expirationAt),
    terminated_at: formatDateTime(coupon.terminatedAt),
    status: coupon.status,
    max_redemptions: coupon.maxRedemptions,
    redemptions_count: coupon.redemptionsCount,
    starts_at: formatDateTime(coupon.startsAt),
    metadata: coupon.metadata ?? {},
    currency_options: currencyOptions,
  };
}
