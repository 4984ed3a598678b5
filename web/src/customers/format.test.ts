import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { anAppliedCoupon } from './customer-fixtures';
import { appliedFrequency, appliedValue, applyErrorText, remainingValue } from './format';

describe('applied coupon values', () => {
  it('shows what is left in the currency’s own minor units', () => {
    expect(remainingValue(anAppliedCoupon({ amount_cents: 2000, amount_cents_remaining: 750, amount_currency: 'EUR' }))).toBe('€7.50');
    expect(remainingValue(anAppliedCoupon({ amount_cents: 1500, amount_cents_remaining: 1500, amount_currency: 'JPY' }))).toBe('¥1,500');
    expect(remainingValue(anAppliedCoupon({ amount_cents: 1005, amount_cents_remaining: 1005, amount_currency: 'KWD' }))).toMatch(/KWD\s1\.005/);
    expect(remainingValue(anAppliedCoupon({ amount_cents_remaining: 0 }))).toBe('€0.00');
  });

  it('counts the periods left of a recurring coupon, and says when nothing is counted', () => {
    const recurring = { amount_cents_remaining: null, frequency: 'recurring', frequency_duration: 3 } as const;
    expect(remainingValue(anAppliedCoupon({ ...recurring, frequency_duration_remaining: 2 }))).toBe('2 periods left');
    expect(remainingValue(anAppliedCoupon({ ...recurring, frequency_duration_remaining: 1 }))).toBe('1 period left');
    expect(remainingValue(anAppliedCoupon({ amount_cents_remaining: null, frequency: 'forever' }))).toBe('Unlimited');
    expect(remainingValue(anAppliedCoupon({ amount_cents: null, amount_cents_remaining: null, amount_currency: null, percentage_rate: '10' })))
      .toBe('Next invoice');
    expect(remainingValue(anAppliedCoupon({ status: 'terminated', terminated_at: '2026-03-05T00:00:00Z' }))).toBe('—');
  });

  it('shows the applied rate or amount and its frequency', () => {
    expect(appliedValue(anAppliedCoupon({ amount_cents: null, amount_currency: null, percentage_rate: '12.5' }))).toBe('12.5%');
    expect(appliedValue(anAppliedCoupon({ amount_cents: 1250, amount_currency: 'USD' }))).toBe('$12.50');
    expect(appliedFrequency(anAppliedCoupon({ frequency: 'recurring', frequency_duration: 1 }))).toBe('Recurring · 1 period');
    expect(appliedFrequency(anAppliedCoupon({ frequency: 'forever' }))).toBe('Forever');
  });
});

describe('applyErrorText', () => {
  const refused = (status: number, code: string | null, details = {}) => new ApiError(status, code, details, 'Refused');

  it('words a promotion code’s refusals as the checkout validation does', () => {
    expect(applyErrorText(refused(404, 'promotion_code_not_found'), 'promotion_code')).toBe('No promotion code matches (case does not matter).');
    expect(applyErrorText(refused(422, 'validation_errors', { promotion_code: ['first_time_only'] }), 'promotion_code'))
      .toBe('The code is for first-time customers only, and this customer already had a discount.');
    expect(applyErrorText(refused(422, 'validation_errors', { coupon: ['coupon_is_not_reusable'] }), 'promotion_code'))
      .toBe('The coupon is not reusable and the customer already had it.');
  });

  it('words a coupon code’s refusals as the coupon page does', () => {
    expect(applyErrorText(refused(404, 'coupon_not_found'), 'coupon_code')).toBe('This coupon does not exist, or it is terminated or expired.');
    expect(applyErrorText(refused(405, 'plan_overlapping'), 'coupon_code')).toMatch(/overlapping plan/);
    expect(applyErrorText(refused(422, 'validation_errors', { coupon: ['max_redemptions_reached'] }), 'coupon_code'))
      .toBe('This coupon has reached its maximum number of redemptions');
  });

  it('names any other field, and falls back to the server’s message', () => {
    expect(applyErrorText(refused(422, 'validation_errors', { amount_currency: ['value_is_invalid'] }), 'coupon_code'))
      .toBe('Amount currency: Pick a currency from the list');
    expect(applyErrorText(refused(400, null), 'coupon_code')).toBe('Refused');
    expect(applyErrorText(new Error('boom'), 'promotion_code')).toBe('Unexpected error. Please try again.');
  });
});
