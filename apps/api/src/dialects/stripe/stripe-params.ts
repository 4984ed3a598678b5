import { isPlainObject } from '@coupons/domain';
import { invalidRequest } from './stripe-errors';
import { parseStripeForm } from './stripe-form';

/**
 * Reading Stripe's parameters. A form body carries every value as a string (`amount_off=500`,
 * `active=true`), a JSON body typed values: both are read the same way. These readers only turn Stripe's
 * syntax into values; what the values may be is decided by the use cases' own rules.
 */
export type StripeParams = Record<string, unknown>;

/** The parameters of a request: its parsed body (form or JSON), or none. */
export function paramsOf(body: unknown): StripeParams {
  if (body === undefined || body === null) return {};
  if (!isPlainObject(body)) throw invalidRequest('Send parameters form-encoded (application/x-www-form-urlencoded).');
  return body;
}

/** The parameters of a GET or DELETE: its query string, with Stripe's bracket keys. */
export function queryParamsOf(url: string): StripeParams {
  const start = url.indexOf('?');
  if (start < 0) return {};
  try {
    return parseStripeForm(url.slice(start + 1));
  } catch {
    throw invalidRequest('The query string has too many parameters or too deep brackets.');
  }
}

/** Stripe refuses what it does not know: `Received unknown parameter: foo`. */
export function rejectUnknown(params: StripeParams, known: readonly string[], prefix = ''): void {
  for (const key of Object.keys(params)) {
    if (!known.includes(key)) {
      const param = prefix ? `${prefix}[${key}]` : key;
      throw invalidRequest(`Received unknown parameter: ${param}`, param, 'parameter_unknown');
    }
  }
}

/** The value sent for a bracketed parameter name such as `restrictions[minimum_amount]`. */
export function paramAt(params: StripeParams, param: string): unknown {
  let value: unknown = params;
  for (const key of param.split(/[[\]]+/).filter(Boolean)) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

const INTEGER = /^-?\d{1,20}$/;

/** An integer, or undefined when absent; `Invalid integer: abc` otherwise. */
export function integerParam(value: unknown, param: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && INTEGER.test(value)) return Number(value);
  if (value === '') throw invalidRequest(`Invalid integer: ${param} cannot be empty`, param, 'parameter_invalid_empty');
  throw invalidRequest(`Invalid integer: ${describe(value)}`, param, 'parameter_invalid_integer');
}

export function stringParam(value: unknown, param: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw invalidRequest(`Invalid string: ${param} must be a string`, param, 'value_is_invalid');
}

export function booleanParam(value: unknown, param: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw invalidRequest(`Invalid boolean: ${describe(value)}`, param, 'value_is_invalid');
}

/** Latest instant a date-time can hold (JavaScript's own bound); beyond it a timestamp means nothing. */
const MAX_MILLISECONDS = 8.64e15;

/**
 * A Unix timestamp in seconds as the ISO date-time the use cases read. One that no date can hold is
 * handed on as it came, so that the date rules refuse it with their own error.
 */
export function timestampParam(value: unknown, param: string): string | undefined {
  const seconds = integerParam(value, param);
  if (seconds === undefined) return undefined;
  const milliseconds = seconds * 1000;
  return Math.abs(milliseconds) <= MAX_MILLISECONDS ? new Date(milliseconds).toISOString() : String(seconds);
}

/** `expand[]=applies_to` or `expand[0]=…` (an array either way), or a single `expand=…`. */
export function expandParam(value: unknown): Set<string> {
  if (value === undefined) return new Set();
  const paths = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(paths) || !paths.every((path) => typeof path === 'string')) {
    throw invalidRequest('Invalid array: expand must be a list of strings', 'expand', 'value_is_invalid');
  }
  return new Set(paths);
}

/** Stripe refuses an expansion it does not offer: `This property cannot be expanded (foo).` */
export function rejectUnexpandable(expand: Set<string>, expandable: readonly string[]): void {
  for (const path of expand) {
    if (!expandable.includes(path)) throw invalidRequest(`This property cannot be expanded (${path}).`, 'expand', 'value_is_invalid');
  }
}

/**
 * Metadata as Stripe sends it: `metadata[k]=v`; on an update an empty value unsets its key and an empty
 * `metadata` unsets them all. Returns the map to store (`current` merged with the changes), or the value
 * as sent when it is not a map, for the metadata rules to refuse.
 */
export function metadataParam(value: unknown, current: Record<string, string>): unknown {
  if (value === undefined) return undefined;
  if (value === '') return {};
  if (!isPlainObject(value)) return value;
  // A Map, then Object.fromEntries: a `__proto__` key stays an ordinary key.
  const merged = new Map<string, unknown>(Object.entries(current));
  for (const [key, item] of Object.entries(value)) {
    if (item === '' || item === null) merged.delete(key);
    else merged.set(key, item);
  }
  return Object.fromEntries(merged);
}

/** Stripe writes currencies in lower case, ISO 4217 (and our use cases) in upper case. */
export const upperCurrency = (value: unknown): unknown => (typeof value === 'string' ? value.toUpperCase() : value);
export const lowerCurrency = (value: string | null): string | null => value && value.toLowerCase();

/** Seconds since the epoch, as Stripe's `created`, `redeem_by` and `expires_at` are. */
export const unixSeconds = (date: Date | null): number | null => (date === null ? null : Math.floor(date.getTime() / 1000));

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
