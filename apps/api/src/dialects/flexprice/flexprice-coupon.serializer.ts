import { formatDateTime, formatMinorUnits, formatPercentageRate } from '@coupons/domain';
import type { CouponRecord } from '../../coupons/coupon-record';
import type { FlexpriceRules } from './flexprice-coupon.parser';
import { FLEXPRICE_CADENCES, FLEXPRICE_STATUSES, FLEXPRICE_TYPES } from './flexprice-vocabulary';


/**
 * Flexprice's coupon: `id` is our `lago_id`, amounts are decimal strings in major units of a lower-case
 * currency, `status` is `published` or `archived` (terminated). `coupon_code` is the code every other
 * dialect knows the coupon by. Every key is always present, absent values as null: the SDK's validation
 * refuses a missing key and reads a null as "no value". Flexprice's environment, tenant and author fields
 * have no counterpart here.
 */
export function serializeFlexpriceCoupon({ coupon }: CouponRecord, rules: FlexpriceRules | null) {
  const fixed = coupon.couponType === 'fixed_amount' && coupon.amountCents !== null && coupon.amountCurrency !== null;
  return {
    id: coupon.lagoId,
    name: coupon.name,
    coupon_code: coupon.code,
    redeem_after: formatDateTime(coupon.startsAt),
    redeem_before: formatDateTime(coupon.expirationAt),
    max_redemptions: coupon.maxRedemptions,
    total_redemptions: coupon.redemptionsCount,
    rules,
    amount_off: fixed ? formatMinorUnits(coupon.amountCents!, coupon.amountCurrency!) : null,
    percentage_off: formatPercentageRate(coupon.percentageRate),
    type: FLEXPRICE_TYPES[coupon.couponType],
    cadence: FLEXPRICE_CADENCES[coupon.frequency],
    duration_in_periods: coupon.frequencyDuration,
    currency: fixed ? coupon.amountCurrency!.toLowerCase() : null,
    metadata: coupon.metadata ?? {},
    environment_id: null,
    tenant_id: null,
    status: FLEXPRICE_STATUSES[coupon.status],
    created_at: formatDateTime(coupon.createdAt)!,
    updated_at: formatDateTime(coupon.updatedAt)!,
    created_by: null,
    updated_by: null,
  };
}

export function serializeFlexpriceCouponList(
  items: ReturnType<typeof serializeFlexpriceCoupon>[],
  page: { total: number; limit: number; offset: number },
) {
  return { items, pagination: page };
}
