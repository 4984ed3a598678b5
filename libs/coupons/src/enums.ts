/** Closed value sets of the coupon domain, shared by the API, the CLI and the admin UI. */

export const COUPON_TYPES = ['fixed_amount', 'percentage'] as const;
export type CouponType = (typeof COUPON_TYPES)[number];

export const FREQUENCIES = ['once', 'recurring', 'forever'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const EXPIRATIONS = ['no_expiration', 'time_limit'] as const;
export type Expiration = (typeof EXPIRATIONS)[number];

export const COUPON_STATUSES = ['active', 'terminated'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

export const APPLIED_COUPON_STATUSES = ['active', 'terminated'] as const;
export type AppliedCouponStatus = (typeof APPLIED_COUPON_STATUSES)[number];

/** Error keys as they appear on the wire (`error_details: {field: [key]}`). */
export const ERROR_KEYS = {
  value_is_mandatory: 'value_is_mandatory',
  value_already_exist: 'value_already_exist',
  value_is_invalid: 'value_is_invalid',
  value_is_out_of_range: 'value_is_out_of_range',
  invalid_date: 'invalid_date',
  coupon_is_not_reusable: 'coupon_is_not_reusable',
  value_is_locked: 'value_is_locked',
  max_redemptions_reached: 'max_redemptions_reached',
  coupon_not_yet_redeemable: 'coupon_not_yet_redeemable',
} as const;
export type ErrorKey = (typeof ERROR_KEYS)[keyof typeof ERROR_KEYS];

/** `{field: [error_key, …]}`, keyed by snake_case wire names. */
export type FieldErrors = Record<string, string[]>;

/** Records `key` under `field` once; a field reports each distinct problem a single time. */
export function addError(errors: FieldErrors, field: string, key: string): void {
  const existing = Object.hasOwn(errors, field) ? errors[field] : undefined;
  if (existing === undefined) {
    errors[field] = [key];
  } else if (!existing.includes(key)) {
    existing.push(key);
  }
}

/** True when `errors` holds no field at all. */
export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** Narrows an unknown wire value to one member of a closed value set. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
