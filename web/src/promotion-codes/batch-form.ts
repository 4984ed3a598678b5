/**
 * The "Generate codes" dialog's model, validated by the domain's own `buildPromotionCodeBatchAttributes`,
 * and the guessability limit it shows: how many codes a random part of a given length may hold.
 */
import {
  buildPromotionCodeBatchAttributes, PROMOTION_CODE_BATCH_LIMITS, promotionCodeSpaceSize,
} from '@coupons/domain';
import type { Coupon } from '../api/types';
import { wholeNumber, type FormErrors } from '../coupons/coupon-form';
import { couponFacts, emptyTerms, mergeErrors, termsInput, TERMS_FIELDS, type TermsValues } from './terms-form';

const limits = PROMOTION_CODE_BATCH_LIMITS;

export interface BatchFormValues extends TermsValues {
  count: string;
  prefix: string;
  /** Symbols of the random part. */
  length: string;
}

export const BATCH_FORM_FIELDS: readonly string[] = ['count', 'prefix', 'length', ...TERMS_FIELDS];

export function emptyBatchForm(coupon: Coupon): BatchFormValues {
  return {
    count: '',
    prefix: '',
    length: String(limits.lengthDefault),
    ...emptyTerms(coupon, limits.maxRedemptionsDefault),
  };
}

/** The random part's length as typed, when the API would accept it. */
export function usableLength(text: string): number | null {
  const length = wholeNumber(text);
  return typeof length === 'number' && length >= limits.lengthMin && length <= limits.lengthMax ? length : null;
}

/** The most codes one batch may hold with `length` random symbols: its share of the code space, within the count limit. */
export function maxBatchCount(length: number): number {
  const share = promotionCodeSpaceSize(length) / BigInt(limits.codeSpaceShareDivisor);
  return share >= BigInt(limits.countMax) ? limits.countMax : Number(share);
}

/** The wire payload of `{"promotion_code_batch": …}` and every error the dialog can already see. */
export function buildBatchSubmission(
  values: BatchFormValues,
  coupon: Coupon,
  now: Date,
): { payload: Record<string, unknown>; errors: FormErrors } {
  const formErrors: FormErrors = {};
  const payload: Record<string, unknown> = { coupon_code: coupon.code, prefix: values.prefix.trim() };
  for (const field of ['count', 'length'] as const) {
    const number = wholeNumber(values[field]);
    if (number === 'invalid') formErrors[field] = 'Enter a whole number';
    else if (number !== null) payload[field] = number;
  }
  Object.assign(payload, termsInput(values, formErrors));
  const validated = buildPromotionCodeBatchAttributes(payload, couponFacts(coupon), now);
  return { payload, errors: mergeErrors(validated.ok ? {} : validated.errors, formErrors) };
}
