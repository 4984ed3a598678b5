/**
 * Overrides given when a coupon is applied to a customer: each defaults to the
 * coupon's own value and is checked with the same rules as on the coupon.
 */
import { ERROR_KEYS, type FieldErrors, FREQUENCIES, type Frequency, addError } from './enums';
import { LIMITS } from './limits';
import type { CouponAttributes } from './coupon-attributes';
import { type FieldResult, parseCurrency, parseEnum, parsePositiveInteger, parseRate } from './field-rules';

export interface AppliedCouponOverrides {
  amountCents: number | null;
  amountCurrency: string | null;
  percentageRate: string | null;
  frequency: Frequency;
  frequencyDuration: number | null;
}

/**
 * Resolves the applied coupon's terms. A null override counts as absent, as in Lago
 * (`params[:x] || coupon.x`). For a fixed coupon whose amount is not overridden, a
 * `currency_options` entry in the requested currency (or else the customer's) supplies
 * the amount, so a EUR customer gets the coupon's EUR price.
 */
export function buildAppliedCouponOverrides(
  input: Record<string, unknown>,
  coupon: CouponAttributes,
  customerCurrency: string | null = null,
): { attributes: AppliedCouponOverrides; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const given = (key: string): boolean => Object.hasOwn(input, key) && input[key] !== null && input[key] !== undefined;
  const resolve = <T>(key: string, parse: (raw: unknown) => FieldResult<T | null>, fallback: T | null): T | null => {
    if (!given(key)) return fallback;
    const result = parse(input[key]);
    if (result.ok) return result.value;
    addError(errors, key, result.error);
    return null;
  };
  const mandatory = <T>(key: string, value: T | null): T | null => {
    if (value === null && !Object.hasOwn(errors, key)) addError(errors, key, ERROR_KEYS.value_is_mandatory);
    return value;
  };

  const frequencyValue = mandatory(
    'frequency',
    resolve('frequency', (v) => parseEnum(FREQUENCIES, v), coupon.frequency),
  );
  const frequency: Frequency = frequencyValue ?? 'once';
  const frequencyDuration =
    frequency === 'recurring'
      ? mandatory(
          'frequency_duration',
          resolve(
            'frequency_duration',
            (v) => parsePositiveInteger(v, LIMITS.frequencyDurationMax),
            coupon.frequencyDuration,
          ),
        )
      : null;

  let amountCents: number | null = null;
  let amountCurrency: string | null = null;
  let percentageRate: string | null = null;
  if (coupon.couponType === 'fixed_amount') {
    amountCurrency = resolve('amount_currency', parseCurrency, coupon.amountCurrency);
    amountCents = resolve('amount_cents', (v) => parsePositiveInteger(v), coupon.amountCents);
    const optionCurrency = given('amount_currency') ? amountCurrency : customerCurrency;
    if (!given('amount_cents') && optionCurrency !== null && Object.hasOwn(coupon.currencyOptions, optionCurrency)) {
      amountCents = coupon.currencyOptions[optionCurrency].amountCents;
      amountCurrency = optionCurrency;
    }
    mandatory('amount_cents', amountCents);
    mandatory('amount_currency', amountCurrency);
  } else if (coupon.couponType === 'percentage') {
    percentageRate = mandatory('percentage_rate', resolve('percentage_rate', parseRate, coupon.percentageRate));
  }

  return { attributes: { amountCents, amountCurrency, percentageRate, frequency, frequencyDuration }, errors };
}
