/**
 * Words for the domain's enums. The value lists come from `@coupons/domain`; the `Record` types make the
 * compiler insist on a label for every value the server knows.
 */
import { COUPON_STATUSES, COUPON_TYPES, EXPIRATIONS, FREQUENCIES } from '@coupons/domain';
import type { CouponStatus, CouponType, Expiration, Frequency } from '@coupons/domain';

export const COUPON_TYPE_LABELS: Record<CouponType, string> = { fixed_amount: 'Fixed amount', percentage: 'Percentage' };
export const FREQUENCY_LABELS: Record<Frequency, string> = { once: 'Once', recurring: 'Recurring', forever: 'Forever' };
export const EXPIRATION_LABELS: Record<Expiration, string> = { no_expiration: 'No expiration', time_limit: 'Expires on a date' };
export const STATUS_LABELS: Record<CouponStatus, string> = { active: 'Active', terminated: 'Terminated' };

const optionsOf = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export const COUPON_TYPE_OPTIONS = optionsOf(COUPON_TYPES, COUPON_TYPE_LABELS);
export const FREQUENCY_OPTIONS = optionsOf(FREQUENCIES, FREQUENCY_LABELS);
export const EXPIRATION_OPTIONS = optionsOf(EXPIRATIONS, EXPIRATION_LABELS);
export const STATUS_OPTIONS = optionsOf(COUPON_STATUSES, STATUS_LABELS);
