/** The "New promotion code" dialog's model, validated by the domain's own `buildPromotionCodeAttributes`. */
import { buildPromotionCodeAttributes } from '@coupons/domain';
import type { Coupon } from '../api/types';
import type { FormErrors } from '../coupons/coupon-form';
import { couponFacts, emptyTerms, mergeErrors, termsInput, TERMS_FIELDS, type TermsValues } from './terms-form';

export interface PromotionCodeFormValues extends TermsValues {
  /** Blank: the API generates one. */
  code: string;
}

export const PROMOTION_CODE_FORM_FIELDS: readonly string[] = ['code', ...TERMS_FIELDS];

export function emptyPromotionCodeForm(coupon: Coupon): PromotionCodeFormValues {
  return { code: '', ...emptyTerms(coupon) };
}

/** The wire payload of `{"promotion_code": …}` and every error the dialog can already see. */
export function buildPromotionCodeSubmission(
  values: PromotionCodeFormValues,
  coupon: Coupon,
  now: Date,
): { payload: Record<string, unknown>; errors: FormErrors } {
  const formErrors: FormErrors = {};
  const payload: Record<string, unknown> = { coupon_code: coupon.code, ...termsInput(values, formErrors) };
  const code = values.code.trim();
  if (code !== '') payload.code = code;
  const validated = buildPromotionCodeAttributes(payload, couponFacts(coupon), now);
  return { payload, errors: mergeErrors(validated.ok ? {} : validated.errors, formErrors) };
}
