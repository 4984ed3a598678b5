/**
 * Batches of unique promotion codes (`prefix` + a random part), generated in the background by the
 * API. The rules here keep a guessed code a long shot: a batch may use at most 1 % of its code space.
 */
import { COUPON_CODE_ALPHABET, type RandomFill } from './codes';
import { ERROR_KEYS, type FieldErrors, addError, hasErrors } from './enums';
import { type FieldResult, checkIdentifier, settleField } from './field-rules';
import {
  type PromotionCodeCouponFacts,
  type PromotionCodeTerms,
  type ValidatedAttributes,
  buildPromotionCodeTerms,
} from './promotion-code-attributes';
import { PROMOTION_CODE_CHARACTERS, randomPromotionCodeSymbols } from './promotion-codes';

/**
 * Every batch code fits the promotion code rule: the longest is 20 + 32 = 52 ≤ 64 characters and
 * the shortest 4 ≥ 3, so the bounds below need no separate check of the total length.
 */
export const PROMOTION_CODE_BATCH_LIMITS = {
  countMin: 1,
  countMax: 1_000_000,
  prefixMaxLength: 20,
  lengthMin: 4,
  lengthMax: 32,
  lengthDefault: 10,
  /** A batch's codes are single-use unless the batch says otherwise. */
  maxRedemptionsDefault: 1,
  /** A batch may hold at most 1/100 of the codes its random part can spell. */
  codeSpaceShareDivisor: 100,
} as const;

export const PROMOTION_CODE_BATCH_STATUSES = ['pending', 'generating', 'completed', 'failed'] as const;
export type PromotionCodeBatchStatus = (typeof PROMOTION_CODE_BATCH_STATUSES)[number];

export interface PromotionCodeBatchAttributes extends PromotionCodeTerms {
  couponCode: string;
  count: number;
  prefix: string;
  length: number;
}

/** How many distinct random parts of `length` symbols exist: 31^length, exact (31^32 is far beyond 2^53). */
export function promotionCodeSpaceSize(length: number): bigint {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`Invalid code length: ${length}`);
  return BigInt(COUPON_CODE_ALPHABET.length) ** BigInt(length);
}

/** True when `count` codes stay within 1 % of the code space of `length` random symbols. */
export function fitsCodeSpace(count: number, length: number): boolean {
  return BigInt(count) * BigInt(PROMOTION_CODE_BATCH_LIMITS.codeSpaceShareDivisor) <= promotionCodeSpaceSize(length);
}

/** One code of a batch: the prefix as given, then `length` random symbols. */
export function generateBatchCode(prefix: string, length: number, fill?: RandomFill): string {
  return prefix + randomPromotionCodeSymbols(length, fill);
}

/** An integer in `min..max`, null when absent; a numeric string or a fraction is the wrong type. */
function parseIntegerInRange(value: unknown, min: number, max: number): FieldResult<number | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value !== 'number' || !Number.isInteger(value)) return { ok: false, error: ERROR_KEYS.value_is_invalid };
  return value >= min && value <= max ? { ok: true, value } : { ok: false, error: ERROR_KEYS.value_is_out_of_range };
}

/** "" or up to 20 code characters; too long is out of range, any other character invalid. */
function parsePrefix(value: unknown): FieldResult<string> {
  if (value === null || value === undefined) return { ok: true, value: '' };
  if (typeof value !== 'string' || !PROMOTION_CODE_CHARACTERS.test(value)) {
    return { ok: false, error: ERROR_KEYS.value_is_invalid };
  }
  return value.length <= PROMOTION_CODE_BATCH_LIMITS.prefixMaxLength
    ? { ok: true, value }
    : { ok: false, error: ERROR_KEYS.value_is_out_of_range };
}

/**
 * Validates a batch request (`{"promotion_code_batch": {...}}`'s object), collecting every field
 * error: `count` is mandatory (1…1 000 000 and within 1 % of 31^length), `length` defaults to 10,
 * `max_redemptions` to 1 per code; `expires_at`, `restrictions` and `metadata` follow the rules of a
 * single code. `coupon` is null when the coupon is not known yet (see `buildPromotionCodeTerms`).
 */
export function buildPromotionCodeBatchAttributes(
  input: Record<string, unknown>,
  coupon: PromotionCodeCouponFacts | null,
  now: Date,
): ValidatedAttributes<PromotionCodeBatchAttributes> {
  const errors: FieldErrors = {};
  const limits = PROMOTION_CODE_BATCH_LIMITS;
  const couponCode = checkIdentifier(input.coupon_code, 'coupon_code', errors);
  const count = settleField(errors, 'count', parseIntegerInRange(input.count, limits.countMin, limits.countMax), true);
  const lengthResult = parseIntegerInRange(input.length, limits.lengthMin, limits.lengthMax);
  const length = settleField(errors, 'length', lengthResult, false) ?? limits.lengthDefault;
  const prefix = settleField(errors, 'prefix', parsePrefix(input.prefix), false) ?? '';
  // Measured only against a usable length: a wrong one already has its own error.
  if (count !== null && lengthResult.ok && !fitsCodeSpace(count, length)) {
    addError(errors, 'count', ERROR_KEYS.value_is_out_of_range);
  }
  const terms = buildPromotionCodeTerms(input, coupon, now, errors, limits.maxRedemptionsDefault);

  if (hasErrors(errors) || couponCode === null || count === null) return { ok: false, errors };
  return { ok: true, attributes: { couponCode, count, prefix, length, ...terms } };
}
