import fc from 'fast-check';
import {
  PROMOTION_CODE_REFUSALS,
  type PromotionCodeRefusal,
  type RedeemablePromotionCode,
  type RedeemingCustomer,
  promotionCodeRefusal,
} from './promotion-code-eligibility';

const now = new Date('2026-06-01T12:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

const openCode: RedeemablePromotionCode = {
  active: true,
  expiresAt: null,
  maxRedemptions: null,
  redemptionsCount: 0,
  restrictions: { customerExternalId: null, firstTimeTransaction: false },
};
const newCustomer: RedeemingCustomer = { externalId: 'cus_1', hasAppliedCouponOrCommittedDiscount: false };
const returningCustomer: RedeemingCustomer = { externalId: 'cus_1', hasAppliedCouponOrCommittedDiscount: true };

const refusal = (code: Partial<RedeemablePromotionCode>, customer: RedeemingCustomer = newCustomer) =>
  promotionCodeRefusal({ ...openCode, ...code }, customer, now);
const restricted = (customerExternalId: string | null, firstTimeTransaction = false) => ({
  restrictions: { customerExternalId, firstTimeTransaction },
});

describe('promotionCodeRefusal', () => {
  it('lets anyone redeem an active code without limits', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({}, returningCustomer)).toBeNull();
  });

  it('checks in this order', () => {
    expect(PROMOTION_CODE_REFUSALS).toEqual([
      'promotion_code_inactive',
      'promotion_code_expired',
      'customer_not_eligible',
      'first_time_only',
      'max_redemptions_reached',
    ]);
  });

  it('refuses an inactive code', () => {
    expect(refusal({ active: false })).toBe('promotion_code_inactive');
  });

  describe('expiry', () => {
    it.each<[string, Date | null, PromotionCodeRefusal | null]>([
      ['no expiry', null, null],
      ['one millisecond before it expires', at(1), null],
      ['a year before it expires', at(365 * 86_400_000), null],
      ['the exact instant it expires', at(0), 'promotion_code_expired'],
      ['one millisecond after it expired', at(-1), 'promotion_code_expired'],
      ['long after it expired', new Date('2000-01-01T00:00:00Z'), 'promotion_code_expired'],
    ])('%s → %s', (_, expiresAt, expected) => {
      expect(refusal({ expiresAt })).toBe(expected);
    });
  });

  describe('customer restriction', () => {
    it.each<[string | null, string, PromotionCodeRefusal | null]>([
      [null, 'cus_1', null],
      ['cus_1', 'cus_1', null],
      ['cus_2', 'cus_1', 'customer_not_eligible'],
      ['CUS_1', 'cus_1', 'customer_not_eligible'],
      ['cus_1 ', 'cus_1', 'customer_not_eligible'],
    ])('restricted to %j, redeemed by %j → %s', (restriction, externalId, expected) => {
      expect(refusal(restricted(restriction), { ...newCustomer, externalId })).toBe(expected);
    });
  });

  describe('first transaction only', () => {
    it.each<[boolean, boolean, PromotionCodeRefusal | null]>([
      [false, false, null],
      [false, true, null],
      [true, false, null],
      [true, true, 'first_time_only'],
    ])('first_time_transaction %s, returning customer %s → %s', (firstTime, returning, expected) => {
      const customer = { externalId: 'cus_1', hasAppliedCouponOrCommittedDiscount: returning };
      expect(refusal(restricted(null, firstTime), customer)).toBe(expected);
    });
  });

  describe('redemption limit', () => {
    it.each<[number | null, number, PromotionCodeRefusal | null]>([
      [null, 0, null],
      [null, 1_000_000, null],
      [1, 0, null],
      [1, 1, 'max_redemptions_reached'],
      [5, 4, null],
      [5, 5, 'max_redemptions_reached'],
      [5, 6, 'max_redemptions_reached'],
    ])('limit %j with %i redemptions → %s', (maxRedemptions, redemptionsCount, expected) => {
      expect(refusal({ maxRedemptions, redemptionsCount })).toBe(expected);
    });
  });

  it('gives the first failing check, whatever else fails too', () => {
    const failures = fc.record({
      inactive: fc.boolean(),
      expired: fc.boolean(),
      otherCustomer: fc.boolean(),
      returning: fc.boolean(),
      exhausted: fc.boolean(),
    });
    const firstTimeOnly = fc.boolean();
    fc.assert(
      fc.property(failures, firstTimeOnly, (fail, firstTime) => {
        const code: RedeemablePromotionCode = {
          active: !fail.inactive,
          expiresAt: fail.expired ? at(0) : at(1),
          maxRedemptions: 3,
          redemptionsCount: fail.exhausted ? 3 : 2,
          restrictions: {
            customerExternalId: fail.otherCustomer ? 'cus_2' : 'cus_1',
            firstTimeTransaction: firstTime,
          },
        };
        const customer = { externalId: 'cus_1', hasAppliedCouponOrCommittedDiscount: fail.returning };
        const expected: PromotionCodeRefusal | null = fail.inactive
          ? 'promotion_code_inactive'
          : fail.expired
            ? 'promotion_code_expired'
            : fail.otherCustomer
              ? 'customer_not_eligible'
              : firstTime && fail.returning
                ? 'first_time_only'
                : fail.exhausted
                  ? 'max_redemptions_reached'
                  : null;
        expect(promotionCodeRefusal(code, customer, now)).toBe(expected);
      }),
    );
  });
});
