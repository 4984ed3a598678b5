/** How a customer's applied coupons read, and why an apply was refused, in an operator's words. */
import { ApiError } from '../api/client';
import { codeMessage, fieldErrorText, humanizeField } from '../coupons/error-messages';
import { formatMoney, formatPercentage } from '../coupons/money';
import { FREQUENCY_LABELS } from '../coupons/labels';
import { REFUSAL_REASONS } from '../promotion-codes/messages';
import type { CustomerAppliedCoupon } from './customer-types';

const periods = (count: number) => `${count} ${count === 1 ? 'period' : 'periods'}`;

/** The discount as applied to this customer: its own amount or rate, which may differ from the coupon's. */
export function appliedValue(applied: CustomerAppliedCoupon): string {
  if (applied.percentage_rate !== null) return formatPercentage(applied.percentage_rate);
  if (applied.amount_cents !== null && applied.amount_currency) return formatMoney(applied.amount_cents, applied.amount_currency);
  return '—';
}

export function appliedFrequency(applied: CustomerAppliedCoupon): string {
  if (applied.frequency !== 'recurring') return FREQUENCY_LABELS[applied.frequency];
  return `${FREQUENCY_LABELS.recurring} · ${periods(applied.frequency_duration ?? 0)}`;
}

/**
 * What is left of the discount: the unused part of a fixed amount given once, the billing periods left of a
 * recurring coupon, or the next invoice for a rate given once. A terminated coupon has nothing left.
 */
export function remainingValue(applied: CustomerAppliedCoupon): string {
  if (applied.status === 'terminated') return '—';
  if (applied.amount_cents_remaining !== null && applied.amount_currency) {
    return formatMoney(applied.amount_cents_remaining, applied.amount_currency);
  }
  if (applied.frequency === 'recurring' && applied.frequency_duration_remaining !== null) {
    return `${periods(applied.frequency_duration_remaining)} left`;
  }
  return applied.frequency === 'forever' ? 'Unlimited' : 'Next invoice';
}

export type ApplyBy = 'coupon_code' | 'promotion_code';

/**
 * The sentence under the code field for a refused apply. On a known customer every refusal is about the
 * code: unknown, not redeemable by this customer, or its coupon's limits. A promotion code's refusals read as
 * the checkout validation words them; a coupon code's as on the coupon's own page.
 */
export function applyErrorText(error: unknown, by: ApplyBy): string {
  if (!(error instanceof ApiError)) return 'Unexpected error. Please try again.';
  const reasons: Record<string, string> = by === 'promotion_code' ? REFUSAL_REASONS : {};
  if (error.code && error.code !== 'validation_errors') return reasons[error.code] ?? codeMessage(error.code, error.message);
  const sentences = Object.entries(error.details).map(([field, keys]) => {
    const text = reasons[keys[0]] ?? fieldErrorText(error.details, field);
    return field === by || field === 'coupon' ? text : `${humanizeField(field)}: ${text}`;
  });
  return sentences.length ? sentences.join(' ') : error.message;
}
