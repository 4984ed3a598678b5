/**
 * The coupon validation table, used by create (no base) and update (base = stored coupon).
 * Every field error is collected (not just the first), as `{field: [error_key]}` with the snake_case
 * wire names, the shape Lago's 422 `validation_errors` uses.
 */
import {
  COUPON_TYPES,
  type CouponType,
  ERROR_KEYS,
  EXPIRATIONS,
  type Expiration,
  type FieldErrors,
  FREQUENCIES,
  type Frequency,
  addError,
} from './enums';
import { LIMITS } from './limits';
import { parseDateTime } from './dates';
import { samePercentageRate } from './percentage';
import {
  type CurrencyOptions,
  type FieldResult,
  parseBoolean,
  parseCurrency,
  parseCurrencyOptions,
  parseDateField,
  parseEnum,
  parseIdentifier,
  parseMetadata,
  parsePositiveInteger,
  parseRate,
  parseText,
} from './field-rules';

export interface CouponAttributes {
  name: string | null;
  code: string | null;
  description: string | null;
  couponType: CouponType | null;
  amountCents: number | null;
  amountCurrency: string | null;
  percentageRate: string | null;
  frequency: Frequency | null;
  frequencyDuration: number | null;
  expiration: Expiration | null;
  expirationAt: Date | null;
  reusable: boolean;
  maxRedemptions: number | null;
  startsAt: Date | null;
  metadata: Record<string, string>;
  currencyOptions: CurrencyOptions;
}

const CREATE_DEFAULTS: CouponAttributes = {
  name: null,
  code: null,
  description: null,
  couponType: null,
  amountCents: null,
  amountCurrency: null,
  percentageRate: null,
  frequency: null,
  frequencyDuration: null,
  expiration: null,
  expirationAt: null,
  reusable: true,
  maxRedemptions: null,
  startsAt: null,
  metadata: {},
  currencyOptions: {},
};

/**
 * The first check of a create or update (before the plan/metric lookups): an `expiration_at` that is given
 * must be a date-time strictly after `now`. Only the input is judged, never a stored value.
 */
export function checkExpirationAtInput(input: Record<string, unknown>, now: Date): 'invalid_date' | null {
  if (!Object.hasOwn(input, 'expiration_at') || input.expiration_at === null) return null;
  const date = parseDateTime(input.expiration_at);
  return date !== null && date.getTime() > now.getTime() ? null : ERROR_KEYS.invalid_date;
}

/**
 * Merges `input` over `base` (keys absent from the input keep the base value) and validates the
 * merged coupon as a whole, collecting every field error. Fields that do not apply to the merged
 * type, frequency or expiration are stored as null and their input is not judged.
 */
export function buildCouponAttributes(
  input: Record<string, unknown>,
  base: CouponAttributes | null,
): { attributes: CouponAttributes; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const start = base ?? CREATE_DEFAULTS;
  const given = (key: string): boolean => Object.hasOwn(input, key);
  const take = <T>(key: string, parse: (raw: unknown) => FieldResult<T>, current: T): FieldResult<T> =>
    given(key) ? parse(input[key]) : { ok: true, value: current };
  // Records a field's error, or its absence when required, and yields its value (null when unusable).
  const settle = <T>(key: string, result: FieldResult<T | null>, required: boolean): T | null => {
    if (!result.ok) {
      addError(errors, key, result.error);
      return null;
    }
    if (required && result.value === null) addError(errors, key, ERROR_KEYS.value_is_mandatory);
    return result.value;
  };
  const field = <T>(
    key: string,
    parse: (raw: unknown) => FieldResult<T | null>,
    current: T | null,
    required: boolean,
  ) => settle(key, take(key, parse, current), required);

  const name = field('name', (v) => parseText(v, LIMITS.nameMaxLength, true), start.name, true);
  // A create without a code gets a generated one from the API; an update cannot remove it.
  const code = field('code', parseIdentifier, start.code, base !== null);
  const description = field(
    'description',
    (v) => parseText(v, LIMITS.descriptionMaxLength, false),
    start.description,
    false,
  );
  const couponType = field('coupon_type', (v) => parseEnum(COUPON_TYPES, v), start.couponType, true);
  const frequency = field('frequency', (v) => parseEnum(FREQUENCIES, v), start.frequency, true);
  const expiration = field('expiration', (v) => parseEnum(EXPIRATIONS, v), start.expiration, true);

  const fixed = couponType === 'fixed_amount';
  const amountCents = fixed ? field('amount_cents', (v) => parsePositiveInteger(v), start.amountCents, true) : null;
  const amountCurrency = fixed ? field('amount_currency', parseCurrency, start.amountCurrency, true) : null;
  const percentageRate =
    couponType === 'percentage' ? field('percentage_rate', parseRate, start.percentageRate, true) : null;
  const frequencyDuration =
    frequency === 'recurring'
      ? field(
          'frequency_duration',
          (v) => parsePositiveInteger(v, LIMITS.frequencyDurationMax),
          start.frequencyDuration,
          true,
        )
      : null;
  const expirationAt =
    expiration === 'time_limit'
      ? field('expiration_at', (v) => parseDateField(v, ERROR_KEYS.invalid_date), start.expirationAt, true)
      : null;

  const reusable = field('reusable', parseBoolean, start.reusable, false) ?? start.reusable;
  const maxRedemptions = field('max_redemptions', (v) => parsePositiveInteger(v), start.maxRedemptions, false);
  const startsAt = field('starts_at', (v) => parseDateField(v, ERROR_KEYS.value_is_invalid), start.startsAt, false);
  const metadata = field('metadata', parseMetadata, start.metadata, false) ?? {};

  const options = take('currency_options', parseCurrencyOptions, start.currencyOptions);
  let currencyOptions: CurrencyOptions = {};
  if (fixed) {
    currencyOptions = settle('currency_options', options, false) ?? {};
    // An option in the main currency must agree with the main amount, or the amount would be ambiguous.
    const sameCurrency = amountCurrency !== null && Object.hasOwn(currencyOptions, amountCurrency);
    if (sameCurrency && amountCents !== null && currencyOptions[amountCurrency].amountCents !== amountCents) {
      addError(errors, 'currency_options', ERROR_KEYS.value_is_invalid);
    }
  } else if (couponType === 'percentage' && given('currency_options')) {
    // Sending options to a percentage coupon is a mistake worth reporting; an empty map is harmless.
    if (!options.ok || Object.keys(options.value).length > 0) {
      addError(errors, 'currency_options', ERROR_KEYS.value_is_invalid);
    }
  }

  return {
    attributes: {
      name,
      code,
      description,
      couponType,
      amountCents,
      amountCurrency,
      percentageRate,
      frequency,
      frequencyDuration,
      expiration,
      expirationAt,
      reusable,
      maxRedemptions,
      startsAt,
      metadata,
      currencyOptions,
    },
    errors,
  };
}

function sameCurrencyOptions(a: CurrencyOptions, b: CurrencyOptions): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && a[key].amountCents === b[key].amountCents);
}

/** Wire names of the fields frozen once a coupon has been applied, with their "same meaning" test. */
const LOCKED_FIELDS: readonly { field: string; same: (a: CouponAttributes, b: CouponAttributes) => boolean }[] = [
  { field: 'code', same: (a, b) => a.code === b.code },
  { field: 'coupon_type', same: (a, b) => a.couponType === b.couponType },
  { field: 'amount_cents', same: (a, b) => a.amountCents === b.amountCents },
  { field: 'amount_currency', same: (a, b) => a.amountCurrency === b.amountCurrency },
  { field: 'percentage_rate', same: (a, b) => samePercentageRate(a.percentageRate, b.percentageRate) },
  { field: 'frequency', same: (a, b) => a.frequency === b.frequency },
  { field: 'frequency_duration', same: (a, b) => a.frequencyDuration === b.frequencyDuration },
  { field: 'reusable', same: (a, b) => a.reusable === b.reusable },
  { field: 'currency_options', same: (a, b) => sameCurrencyOptions(a.currencyOptions, b.currencyOptions) },
];

export const LOCKED_COUPON_FIELDS: readonly string[] = LOCKED_FIELDS.map((entry) => entry.field);

/**
 * Locked fields whose value would change in meaning between `before` and `after` (the API
 * answers `value_is_locked` for each). Re-sending the same value, e.g. "12.50" for 12.5, is no change.
 */
export function lockedFieldChanges(before: CouponAttributes, after: CouponAttributes): string[] {
  return LOCKED_FIELDS.filter((entry) => !entry.same(before, after)).map((entry) => entry.field);
}
