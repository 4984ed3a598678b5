/** Wire inputs shared by the coupon-attribute specs (not part of the library's build). */
import { buildCouponAttributes } from './coupon-attributes';

export const fixed = {
  name: 'Summer',
  code: 'SUMMER',
  coupon_type: 'fixed_amount',
  amount_cents: 1000,
  amount_currency: 'EUR',
  frequency: 'once',
  expiration: 'no_expiration',
};

export const percentage = {
  name: 'Ten',
  code: 'TEN',
  coupon_type: 'percentage',
  percentage_rate: '10',
  frequency: 'forever',
  expiration: 'no_expiration',
};

export const create = (input: Record<string, unknown>) => buildCouponAttributes(input, null);
export const errorsOf = (input: Record<string, unknown>) => create(input).errors;
