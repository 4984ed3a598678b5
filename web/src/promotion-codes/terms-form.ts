/**
 * The limits and restrictions a single promotion code and every code of a batch carry, as the
 * dialogs hold them (strings, major units, local times), and how they become wire fields.
 */
import { parseDateTime, type PromotionCodeCouponFacts } from '@coupons/domain';
import { ApiError } from '../api/client';
import type { Coupon } from '../api/types';
import { metadataObject, wholeNumber, type FormErrors, type KeyValueRow } from '../coupons/coupon-form';
import { localInputToUtc } from '../coupons/datetime';
import { codeMessage, fieldErrorText, humanizeField } from '../coupons/error-messages';
import { parseMajorAmount } from '../coupons/money';
import { PROMOTION_CODE_MESSAGES } from './messages';

export interface TermsValues {
  max_redemptions: string;
  /** Local wall time of a datetime-local input. */
  expires_at: string;
  customer_external_id: string;
  first_time_transaction: boolean;
  minimum_amount: string;
  minimum_amount_currency: string;
  metadata: KeyValueRow[];
}

/** Wire fields of the terms, restrictions included: their errors land on the matching inputs. */
export const TERMS_FIELDS = [
  'max_redemptions', 'expires_at', 'customer_external_id', 'first_time_transaction', 'minimum_amount_cents',
  'minimum_amount_currency', 'metadata',
] as const;

export function emptyTerms(coupon: Coupon, maxRedemptions: number | null = null): TermsValues {
  return {
    max_redemptions: maxRedemptions === null ? '' : String(maxRedemptions),
    expires_at: '',
    customer_external_id: '',
    first_time_transaction: false,
    minimum_amount: '',
    minimum_amount_currency: coupon.amount_currency ?? 'USD',
    metadata: [],
  };
}

/** What a code's own limits must fit inside, for the domain's validation. */
export function couponFacts(coupon: Coupon): PromotionCodeCouponFacts {
  return { maxRedemptions: coupon.max_redemptions, expirationAt: parseDateTime(coupon.expiration_at) };
}

/** A minimum of zero is allowed: it limits the credit to invoices in that currency. */
function minimumCents(text: string, currency: string): { cents: number } | { error: string } {
  if (/^0+(?:[.,]0*)?$/.test(text.trim())) return { cents: 0 };
  const amount = parseMajorAmount(text, currency);
  return amount.ok ? { cents: amount.cents } : { error: amount.error };
}

/** Wire fields `max_redemptions`, `expires_at`, `restrictions` and `metadata`; typing errors go into `errors`. */
export function termsInput(values: TermsValues, errors: FormErrors): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const maxRedemptions = wholeNumber(values.max_redemptions);
  if (maxRedemptions === 'invalid') errors.max_redemptions = 'Enter a whole number';
  // Blank means no limit of the code's own, even for a batch whose default is single-use.
  else input.max_redemptions = maxRedemptions;

  const expiresAt = values.expires_at.trim();
  input.expires_at = expiresAt === '' ? null : localInputToUtc(expiresAt);
  if (expiresAt !== '' && input.expires_at === null) errors.expires_at = 'Pick a valid date and time';

  const restrictions: Record<string, unknown> = {
    customer_external_id: values.customer_external_id.trim() || null,
    first_time_transaction: values.first_time_transaction,
  };
  if (values.minimum_amount.trim() !== '') {
    const minimum = minimumCents(values.minimum_amount, values.minimum_amount_currency);
    if ('cents' in minimum) {
      restrictions.minimum_amount_cents = minimum.cents;
      restrictions.minimum_amount_currency = values.minimum_amount_currency;
    } else {
      errors.minimum_amount_cents = minimum.error;
    }
  }
  input.restrictions = restrictions;
  input.metadata = metadataObject(values.metadata, errors);
  return input;
}

/** The domain's field errors as sentences, with the form's own typing errors on top. */
export function mergeErrors(domainErrors: Record<string, string[]>, formErrors: FormErrors): FormErrors {
  const errors: FormErrors = {};
  for (const field of Object.keys(domainErrors)) {
    errors[field] = fieldErrorText(domainErrors, field, PROMOTION_CODE_MESSAGES) ?? '';
  }
  return Object.assign(errors, formErrors);
}

/**
 * Splits a failed create into messages on the dialog's fields and one sentence for the rest: a 422's
 * fields, and an unknown restriction customer (404) on the customer field, as the apply dialog does.
 */
export function describeFailure(error: unknown, fields: readonly string[]): { errors: FormErrors; formError: string | null } {
  if (!(error instanceof ApiError)) return { errors: {}, formError: 'Unexpected error. Please try again.' };
  const failure = error;
  if (failure.code === 'customer_not_found') {
    return { errors: { customer_external_id: codeMessage(failure.code, failure.message) }, formError: null };
  }
  const errors: FormErrors = {};
  const elsewhere: string[] = [];
  for (const field of Object.keys(failure.details)) {
    const text = fieldErrorText(failure.details, field, PROMOTION_CODE_MESSAGES) ?? '';
    if (fields.includes(field)) errors[field] = text;
    else elsewhere.push(`${humanizeField(field)}: ${text}`);
  }
  if (failure.status === 422) {
    return { errors, formError: elsewhere.length ? elsewhere.join('. ') : 'Some fields need your attention.' };
  }
  return { errors, formError: codeMessage(failure.code, failure.message) };
}
