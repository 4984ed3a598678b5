/**
 * The promotion code validation table, for a create (every field) and an update (`active`,
 * `metadata` and `expires_at` only). Errors are collected as `{field: [error_key]}` with the
 * snake_case wire names; the fields inside `restrictions` report under their own names.
 */
import { ERROR_KEYS, type FieldErrors, addError, hasErrors } from './enums';
import { LIMITS } from './limits';
import {
  type FieldResult,
  checkIdentifier,
  isPlainObject,
  parseBoolean,
  parseCurrency,
  parseDateField,
  parseIdentifier,
  parseMetadata,
  parsePositiveInteger,
  settleField,
} from './field-rules';
import { isValidPromotionCode } from './promotion-codes';

/** Who may redeem a code, and on which invoices its coupon gives a credit. */
export interface PromotionCodeRestrictions {
  customerExternalId: string | null;
  firstTimeTransaction: boolean;
  minimumAmountCents: number | null;
  minimumAmountCurrency: string | null;
}

export const NO_RESTRICTIONS: Readonly<PromotionCodeRestrictions> = Object.freeze({
  customerExternalId: null,
  firstTimeTransaction: false,
  minimumAmountCents: null,
  minimumAmountCurrency: null,
});

/** The limits and restrictions a single code and every code of a batch carry. */
export interface PromotionCodeTerms {
  maxRedemptions: number | null;
  expiresAt: Date | null;
  restrictions: PromotionCodeRestrictions;
  metadata: Record<string, string>;
}

export interface PromotionCodeAttributes extends PromotionCodeTerms {
  couponCode: string;
  /** Null on a create that gave none: the API generates one. */
  code: string | null;
  active: boolean;
}

export interface StoredPromotionCode extends PromotionCodeAttributes {
  code: string;
}

/**
 * What a code's own limits must fit inside: its coupon's. `expirationAt` is null when the coupon
 * never expires (`no_expiration`); a code may not outlive its coupon nor be redeemed more often.
 */
export interface PromotionCodeCouponFacts {
  maxRedemptions: number | null;
  expirationAt: Date | null;
}

export type ValidatedAttributes<T> = { ok: true; attributes: T } | { ok: false; errors: FieldErrors };

/** Error key for a create naming a coupon that exists but is terminated (on `coupon_code`). */
export const COUPON_IS_TERMINATED = 'coupon_is_terminated';

/** Wire names of the fields an update may not change (`value_is_locked` when it tries). */
export const LOCKED_PROMOTION_CODE_FIELDS = ['coupon_code', 'code', 'max_redemptions', 'restrictions'] as const;

const given = (input: Record<string, unknown>, key: string): boolean =>
  Object.hasOwn(input, key) && input[key] !== undefined;
const isAbsent = (value: unknown): boolean => value === null || value === undefined;

/**
 * The coupon code of a create when it is an acceptable code, so the API can look the coupon up
 * (404 or terminated) before validating the rest; null when missing or malformed, which the
 * builder then reports on `coupon_code`.
 */
export function couponCodeOf(input: Record<string, unknown>): string | null {
  const result = parseIdentifier(input.coupon_code);
  return result.ok ? result.value : null;
}

/** A JSON integer from 0 to 2^53 − 1; a minimum of 0 still limits the credit to its currency's invoices. */
function parseMinimumAmount(value: unknown): FieldResult<number | null> {
  if (isAbsent(value)) return { ok: true, value: null };
  if (typeof value !== 'number' || !Number.isInteger(value)) return { ok: false, error: ERROR_KEYS.value_is_invalid };
  return value >= 0 && value <= LIMITS.maxInteger
    ? { ok: true, value }
    : { ok: false, error: ERROR_KEYS.value_is_out_of_range };
}

/** Null (or absent) means no restriction; unknown keys are ignored, like everywhere on the wire. */
function parseRestrictions(value: unknown, errors: FieldErrors): PromotionCodeRestrictions {
  if (isAbsent(value)) return { ...NO_RESTRICTIONS };
  if (!isPlainObject(value)) {
    addError(errors, 'restrictions', ERROR_KEYS.value_is_invalid);
    return { ...NO_RESTRICTIONS };
  }
  const field = <T>(key: string, parse: (raw: unknown) => FieldResult<T | null>): T | null =>
    settleField(errors, key, parse(value[key]), false);
  const customerExternalId = field('customer_external_id', parseIdentifier);
  // Like every boolean on the wire, it refuses null; only leaving it out means false.
  const firstTimeTransaction = given(value, 'first_time_transaction')
    ? (field('first_time_transaction', parseBoolean) ?? false)
    : false;
  const minimumAmountCents = field('minimum_amount_cents', parseMinimumAmount);
  const minimumAmountCurrency = field('minimum_amount_currency', parseCurrency);
  // A minimum is an amount in a currency: one without the other cannot be honoured.
  const centsGiven = !isAbsent(value.minimum_amount_cents);
  const currencyGiven = !isAbsent(value.minimum_amount_currency);
  if (centsGiven && !currencyGiven) addError(errors, 'minimum_amount_currency', ERROR_KEYS.value_is_mandatory);
  if (currencyGiven && !centsGiven) addError(errors, 'minimum_amount_cents', ERROR_KEYS.value_is_mandatory);
  return { customerExternalId, firstTimeTransaction, minimumAmountCents, minimumAmountCurrency };
}

/**
 * `expires_at`: a date-time strictly after `now` (a past or unreadable one is `invalid_date`, as a
 * coupon's `expiration_at` is) and not after the coupon's own expiration (`value_is_out_of_range`).
 */
function parseExpiresAt(
  value: unknown,
  coupon: PromotionCodeCouponFacts | null,
  now: Date,
  errors: FieldErrors,
): Date | null {
  const result = parseDateField(value, ERROR_KEYS.invalid_date);
  if (!result.ok || (result.value !== null && result.value.getTime() <= now.getTime())) {
    addError(errors, 'expires_at', ERROR_KEYS.invalid_date);
    return null;
  }
  const expiresAt = result.value;
  if (expiresAt !== null && coupon?.expirationAt && expiresAt.getTime() > coupon.expirationAt.getTime()) {
    addError(errors, 'expires_at', ERROR_KEYS.value_is_out_of_range);
  }
  return expiresAt;
}

/** `max_redemptions`: an integer ≥ 1 or null, never above the coupon's own limit. */
function parseMaxRedemptions(
  value: unknown,
  coupon: PromotionCodeCouponFacts | null,
  errors: FieldErrors,
): number | null {
  const result = parsePositiveInteger(value);
  if (!result.ok) {
    addError(errors, 'max_redemptions', result.error);
    return null;
  }
  const limit = coupon?.maxRedemptions ?? null;
  if (result.value !== null && limit !== null && result.value > limit) {
    addError(errors, 'max_redemptions', ERROR_KEYS.value_is_out_of_range);
  }
  return result.value;
}

/** Like every boolean on the wire, `active` refuses null. */
function parseActive(input: Record<string, unknown>, fallback: boolean, errors: FieldErrors): boolean {
  if (!given(input, 'active')) return fallback;
  const result = parseBoolean(input.active);
  if (result.ok) return result.value;
  addError(errors, 'active', result.error);
  return fallback;
}

function parseMetadataField(value: unknown, errors: FieldErrors): Record<string, string> {
  const result = parseMetadata(value);
  if (result.ok) return result.value;
  addError(errors, 'metadata', result.error);
  return {};
}

/**
 * Parses the terms shared by a code and a batch into `errors`. `coupon` is null when the coupon
 * is not known (its code is missing or malformed): the checks against its limits are then skipped.
 * An absent `max_redemptions` takes `defaultMaxRedemptions` (a batch's codes are single-use by default;
 * 1 fits any coupon's limit).
 */
export function buildPromotionCodeTerms(
  input: Record<string, unknown>,
  coupon: PromotionCodeCouponFacts | null,
  now: Date,
  errors: FieldErrors,
  defaultMaxRedemptions: number | null = null,
): PromotionCodeTerms {
  return {
    maxRedemptions: given(input, 'max_redemptions')
      ? parseMaxRedemptions(input.max_redemptions, coupon, errors)
      : defaultMaxRedemptions,
    expiresAt: parseExpiresAt(input.expires_at, coupon, now, errors),
    restrictions: parseRestrictions(input.restrictions, errors),
    metadata: parseMetadataField(input.metadata, errors),
  };
}

/**
 * Validates a create (`{"promotion_code": {...}}`'s object), collecting every field error. A code
 * that is absent or null is left null for the API to generate; any other code must be 3–64 of
 * `A–Z a–z 0–9 -` (`value_is_invalid`). `active` defaults to true.
 */
export function buildPromotionCodeAttributes(
  input: Record<string, unknown>,
  coupon: PromotionCodeCouponFacts | null,
  now: Date,
): ValidatedAttributes<PromotionCodeAttributes> {
  const errors: FieldErrors = {};
  const couponCode = checkIdentifier(input.coupon_code, 'coupon_code', errors);
  let code: string | null = null;
  if (!isAbsent(input.code)) {
    if (isValidPromotionCode(input.code)) code = input.code;
    else addError(errors, 'code', ERROR_KEYS.value_is_invalid);
  }
  const active = parseActive(input, true, errors);
  const terms = buildPromotionCodeTerms(input, coupon, now, errors);
  if (hasErrors(errors) || couponCode === null) return { ok: false, errors };
  return { ok: true, attributes: { couponCode, code, active, ...terms } };
}

/** The stored restrictions as they are written on the wire, to compare a re-sent object with. */
function restrictionsOnWire(restrictions: PromotionCodeRestrictions): Record<string, unknown> {
  return {
    customer_external_id: restrictions.customerExternalId,
    first_time_transaction: restrictions.firstTimeTransaction,
    minimum_amount_cents: restrictions.minimumAmountCents,
    minimum_amount_currency: restrictions.minimumAmountCurrency,
  };
}

/** Null means no restrictions; in an object, the keys left out are not compared (they would not change). */
function sameRestrictions(value: unknown, stored: PromotionCodeRestrictions): boolean {
  const current = restrictionsOnWire(stored);
  const sent = isAbsent(value) ? restrictionsOnWire(NO_RESTRICTIONS) : value;
  if (!isPlainObject(sent)) return false;
  return Object.keys(current).every((key) => !given(sent, key) || sent[key] === current[key]);
}

type LockedField = (typeof LOCKED_PROMOTION_CODE_FIELDS)[number];

/** Whether re-sending `value` for a locked field leaves it as stored: the same value is no change. */
const UNCHANGED: Record<LockedField, (value: unknown, stored: StoredPromotionCode) => boolean> = {
  coupon_code: (value, stored) => value === stored.couponCode,
  // A different case is a different stored code even though it finds the same one.
  code: (value, stored) => value === stored.code,
  max_redemptions: (value, stored) => value === stored.maxRedemptions,
  restrictions: (value, stored) => sameRestrictions(value, stored.restrictions),
};

/**
 * Validates an update of `stored`: `active`, `metadata` and `expires_at` change (absent keys keep
 * their value, `expires_at: null` removes the expiry); any locked field sent with another value is
 * `value_is_locked`. Only what the input gives is judged, never a stored value.
 */
export function buildPromotionCodeUpdate(
  input: Record<string, unknown>,
  stored: StoredPromotionCode,
  coupon: PromotionCodeCouponFacts,
  now: Date,
): ValidatedAttributes<StoredPromotionCode> {
  const errors: FieldErrors = {};
  for (const field of LOCKED_PROMOTION_CODE_FIELDS) {
    if (given(input, field) && !UNCHANGED[field](input[field], stored)) {
      addError(errors, field, ERROR_KEYS.value_is_locked);
    }
  }
  const active = parseActive(input, stored.active, errors);
  const metadata = given(input, 'metadata') ? parseMetadataField(input.metadata, errors) : stored.metadata;
  const expiresAt = given(input, 'expires_at')
    ? parseExpiresAt(input.expires_at, coupon, now, errors)
    : stored.expiresAt;
  if (hasErrors(errors)) return { ok: false, errors };
  return { ok: true, attributes: { ...stored, active, metadata, expiresAt } };
}
