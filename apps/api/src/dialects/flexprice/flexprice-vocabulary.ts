import type { CouponStatus, CouponType, Frequency } from '@coupons/domain';

/** Flexprice's words for the engine's values; each map is read both ways. */
export const FLEXPRICE_TYPES = { fixed_amount: 'fixed', percentage: 'percentage' } as const satisfies Record<CouponType, string>;
export const FLEXPRICE_CADENCES = { once: 'once', recurring: 'repeated', forever: 'forever' } as const satisfies Record<Frequency, string>;
/** A deleted coupon is never shown, so `deleted` has no engine value. */
export const FLEXPRICE_STATUSES = { active: 'published', terminated: 'archived' } as const satisfies Record<CouponStatus, string>;

/** The engine value a Flexprice word stands for, or undefined when it is not one of the map's words. */
export function engineValue<K extends string>(map: Record<K, string>, word: unknown): K | undefined {
  return (Object.keys(map) as K[]).find((key) => map[key] === word);
}

/** The engine's (Lago's) field names as a Flexprice client knows them, for the `details` of an error. */
const FLEXPRICE_FIELD_NAMES: Record<string, string> = {
  code: 'coupon_code',
  coupon_type: 'type',
  amount_cents: 'amount_off',
  amount_currency: 'currency',
  percentage_rate: 'percentage_off',
  frequency: 'cadence',
  frequency_duration: 'duration_in_periods',
  expiration: 'redeem_before',
  expiration_at: 'redeem_before',
  starts_at: 'redeem_after',
};

export function flexpriceFieldName(engineField: string): string {
  return FLEXPRICE_FIELD_NAMES[engineField] ?? engineField;
}
