/**
 * Per-field parsers shared by the coupon and applied-coupon tables. Each turns one raw wire value
 * into a typed value or an error key; null means "not given" and requiredness is decided by the caller.
 */
import { ERROR_KEYS, type ErrorKey, type FieldErrors, addError, isOneOf } from './enums';
import { LIMITS, charLength } from './limits';
import { isCurrencyCode } from './currencies';
import { parseDateTime } from './dates';
import { parsePercentageRate } from './percentage';
import { identifierError, isBlank } from './codes';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: ErrorKey };

export type CurrencyOptions = Record<string, { amountCents: number }>;

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = <T>(error: ErrorKey): FieldResult<T> => ({ ok: false, error });

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON integer in 1..max; a numeric string or a fraction is the wrong type, not a wrong value. */
export function parsePositiveInteger(value: unknown, max: number = LIMITS.maxInteger): FieldResult<number | null> {
  if (value === null || value === undefined) return ok(null);
  if (typeof value !== 'number' || !Number.isInteger(value)) return fail(ERROR_KEYS.value_is_invalid);
  return value >= 1 && value <= max ? ok(value) : fail(ERROR_KEYS.value_is_out_of_range);
}

/** A string of at most `max` characters; `required` strings must also not be blank. */
export function parseText(value: unknown, max: number, required: boolean): FieldResult<string | null> {
  if (value === null || value === undefined) return ok(null);
  if (typeof value !== 'string') return fail(ERROR_KEYS.value_is_invalid);
  if (required && isBlank(value)) return fail(ERROR_KEYS.value_is_mandatory);
  return charLength(value) <= max ? ok(value) : fail(ERROR_KEYS.value_is_out_of_range);
}

export function parseEnum<T extends string>(values: readonly T[], value: unknown): FieldResult<T | null> {
  if (value === null || value === undefined) return ok(null);
  return isOneOf(values, value) ? ok(value) : fail(ERROR_KEYS.value_is_invalid);
}

/** Upper-case ISO 4217 code with a minor unit. */
export function parseCurrency(value: unknown): FieldResult<string | null> {
  if (value === null || value === undefined) return ok(null);
  return isCurrencyCode(value) ? ok(value) : fail(ERROR_KEYS.value_is_invalid);
}

export function parseRate(value: unknown): FieldResult<string | null> {
  const result = parsePercentageRate(value);
  if (result.ok) return ok(result.value);
  return result.error === ERROR_KEYS.value_is_mandatory ? ok(null) : fail(result.error);
}

/** A date-time for `errorKey`'s field: `invalid_date` for expiration_at, `value_is_invalid` elsewhere. */
export function parseDateField(value: unknown, errorKey: ErrorKey): FieldResult<Date | null> {
  if (value === null || value === undefined) return ok(null);
  const date = parseDateTime(value);
  return date === null ? fail(errorKey) : ok(date);
}

export function parseBoolean(value: unknown): FieldResult<boolean> {
  return typeof value === 'boolean' ? ok(value) : fail(ERROR_KEYS.value_is_invalid);
}

/**
 * String → string map within the metadata limits; null means none. Built with Object.fromEntries,
 * so a `__proto__` key becomes an ordinary own key and never swaps the prototype.
 */
export function parseMetadata(value: unknown): FieldResult<Record<string, string>> {
  if (value === null || value === undefined) return ok({});
  if (!isPlainObject(value)) return fail(ERROR_KEYS.value_is_invalid);
  const entries = Object.entries(value);
  if (entries.length > LIMITS.metadataMaxKeys) return fail(ERROR_KEYS.value_is_invalid);
  for (const [key, item] of entries) {
    const keyLength = charLength(key);
    if (keyLength < 1 || keyLength > LIMITS.metadataKeyMaxLength) return fail(ERROR_KEYS.value_is_invalid);
    if (typeof item !== 'string' || charLength(item) > LIMITS.metadataValueMaxLength) {
      return fail(ERROR_KEYS.value_is_invalid);
    }
  }
  return ok(Object.fromEntries(entries as [string, string][]));
}

/** `{"EUR": {"amount_cents": 4500}}`: ISO codes with a minor unit, positive integer minor-unit amounts. */
export function parseCurrencyOptions(value: unknown): FieldResult<CurrencyOptions> {
  if (value === null || value === undefined) return ok({});
  if (!isPlainObject(value)) return fail(ERROR_KEYS.value_is_invalid);
  const parsed: [string, { amountCents: number }][] = [];
  for (const [code, option] of Object.entries(value)) {
    if (!isCurrencyCode(code) || !isPlainObject(option) || !Object.hasOwn(option, 'amount_cents')) {
      return fail(ERROR_KEYS.value_is_invalid);
    }
    const amount = parsePositiveInteger(option.amount_cents);
    if (!amount.ok || amount.value === null) return fail(ERROR_KEYS.value_is_invalid);
    parsed.push([code, { amountCents: amount.value }]);
  }
  return ok(Object.fromEntries(parsed));
}

/** An identifier (coupon, plan or metric code, customer external id): see `identifierError` for its rule. */
export function parseIdentifier(value: unknown): FieldResult<string | null> {
  if (value === null || value === undefined) return ok(null);
  if (typeof value !== 'string') return fail(ERROR_KEYS.value_is_invalid);
  const error = identifierError(value);
  return error === null ? ok(value) : fail(error);
}

/**
 * Records a field's error under `field` — or `value_is_mandatory` when a required value is not given —
 * and yields its value (null when unusable), so a validator collects every field's errors in one pass.
 */
export function settleField<T>(errors: FieldErrors, field: string, result: FieldResult<T | null>, required: boolean): T | null {
  if (!result.ok) {
    addError(errors, field, result.error);
    return null;
  }
  if (required && result.value === null) addError(errors, field, ERROR_KEYS.value_is_mandatory);
  return result.value;
}

/** A mandatory identifier of a request body: its value, or null with the field's error recorded. */
export function checkIdentifier(value: unknown, field: string, errors: FieldErrors): string | null {
  return settleField(errors, field, parseIdentifier(value), true);
}
