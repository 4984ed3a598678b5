import { addError, type FieldErrors, isCurrencyCode, isPlainObject, parseCurrency, parseMajorUnits } from '@coupons/domain';
import type { JsonObject } from '../../http/root-object';
import { flexpriceError } from './flexprice-errors';
import { engineValue, FLEXPRICE_CADENCES, FLEXPRICE_TYPES } from './flexprice-vocabulary';

/** Rules are opaque to the engine and stored as sent, within a text column's reach (and RULES_MAX_DEPTH deep). */
export const RULES_MAX_JSON_LENGTH = 10_000;

export type FlexpriceRules = Record<string, unknown>;

export interface ParsedCreate {
  /** Lago-shaped input for CreateCouponService. */
  input: JsonObject;
  rules: FlexpriceRules | null;
  /** Values outside Flexprice's vocabulary, refused before the shared rules run. */
  errors: FieldErrors;
}

/** Flexprice's request bodies are JSON objects; anything else is a 400, as its JSON binding answers. */
export function requestObject(body: unknown): JsonObject {
  if (isPlainObject(body)) return body;
  throw flexpriceError(400, 'validation_error', 'invalid request: the body must be a JSON object');
}

const given = (body: JsonObject, key: string) => body[key] !== undefined;

/**
 * A vocabulary word as its engine value. An unknown word is the dialect's error: passed on, a Lago word
 * such as `fixed_amount` would be accepted under Flexprice's name.
 */
function translate<K extends string>(map: Record<K, string>, body: JsonObject, key: string, errors: FieldErrors): K | null | undefined {
  if (!given(body, key) || body[key] === null) return body[key] as null | undefined;
  const value = engineValue(map, body[key]);
  if (value === undefined) addError(errors, key, 'value_is_invalid');
  return value;
}

/**
 * `amount_off` is in major units of `currency`, so the currency is read first; its other rules (required for a
 * fixed coupon, ISO 4217) stay the engine's. Flexprice clients often write currencies in lower case.
 */
function fixedAmount(body: JsonObject, input: JsonObject, errors: FieldErrors): void {
  const currency = typeof body.currency === 'string' ? body.currency.toUpperCase() : body.currency;
  input.amount_currency = currency;
  if (!given(body, 'amount_off') || body.amount_off === null) return;
  if (!isCurrencyCode(currency)) {
    const checked = parseCurrency(currency);
    addError(errors, 'currency', checked.ok ? 'value_is_mandatory' : checked.error);
    return;
  }
  const amount = parseMajorUnits(body.amount_off, currency);
  if (amount.ok) input.amount_cents = amount.value;
  else addError(errors, 'amount_off', amount.error);
}

/** Objects and arrays inside objects and arrays, at most this deep: every later JSON.stringify stays far from the stack's limit. */
const RULES_MAX_DEPTH = 32;

function nestedWithin(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return levels > 0 && Object.values(value).every((item) => nestedWithin(item, levels - 1));
}

function parseRules(body: JsonObject, errors: FieldErrors): FlexpriceRules | null {
  if (!given(body, 'rules') || body.rules === null) return null;
  if (!isPlainObject(body.rules)) {
    addError(errors, 'rules', 'value_is_invalid');
    return null;
  }
  if (!nestedWithin(body.rules, RULES_MAX_DEPTH) || JSON.stringify(body.rules).length > RULES_MAX_JSON_LENGTH) {
    addError(errors, 'rules', 'value_is_out_of_range');
  }
  return Object.keys(body.rules).length > 0 ? body.rules : null;
}

/** `POST /coupons`: Flexprice's create request as the engine's (Lago's) create input. */
export function parseCreateCoupon(requestBody: unknown): ParsedCreate {
  const body = requestObject(requestBody);
  const errors: FieldErrors = {};
  const input: JsonObject = { name: body.name };
  if (given(body, 'coupon_code')) input.code = body.coupon_code;
  const type = translate(FLEXPRICE_TYPES, body, 'type', errors);
  input.coupon_type = type;
  if (type === 'fixed_amount') fixedAmount(body, input, errors);
  if (type === 'percentage') input.percentage_rate = body.percentage_off;
  input.frequency = translate(FLEXPRICE_CADENCES, body, 'cadence', errors);
  input.frequency_duration = body.duration_in_periods;
  // Flexprice has no expiration kind: a coupon expires when it has a `redeem_before`.
  const expires = given(body, 'redeem_before') && body.redeem_before !== null;
  input.expiration = expires ? 'time_limit' : 'no_expiration';
  if (expires) input.expiration_at = body.redeem_before;
  input.starts_at = body.redeem_after;
  input.max_redemptions = body.max_redemptions;
  input.metadata = body.metadata;
  const rules = parseRules(body, errors);
  // Absent keys stay absent: the engine tells "not given" from an explicit null.
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  return { input, rules, errors };
}

/** `PUT /coupons/{id}`: Flexprice updates `name` and `metadata` only; other keys are ignored, as it does. */
export function parseUpdateCoupon(requestBody: unknown): JsonObject {
  const body = requestObject(requestBody ?? {});
  const input: JsonObject = {};
  if (given(body, 'name')) input.name = body.name;
  if (given(body, 'metadata')) input.metadata = body.metadata;
  return input;
}
