/** Inputs shared by the promotion code specs (not part of the library's build). */
import type { PromotionCodeCouponFacts, StoredPromotionCode } from './promotion-code-attributes';

export const now = new Date('2026-06-01T12:00:00Z');

/** A coupon with neither a redemption limit nor an expiration. */
export const unlimitedCoupon: PromotionCodeCouponFacts = { maxRedemptions: null, expirationAt: null };

/** A coupon redeemable 100 times until 2027-01-01T00:00:00Z. */
export const limitedCoupon: PromotionCodeCouponFacts = {
  maxRedemptions: 100,
  expirationAt: new Date('2027-01-01T00:00:00Z'),
};

export const storedCode: StoredPromotionCode = {
  couponCode: 'SUMMER',
  code: 'Summer-10',
  active: true,
  maxRedemptions: 50,
  expiresAt: new Date('2026-12-01T00:00:00Z'),
  restrictions: {
    customerExternalId: 'cus_1',
    firstTimeTransaction: true,
    minimumAmountCents: 5000,
    minimumAmountCurrency: 'EUR',
  },
  metadata: { campaign: 'summer' },
};
