/**
 * Whether a customer may redeem a promotion code now. Judged before any check on the code's coupon,
 * and shared by the apply and the side-effect-free validation at checkout, so both give the same reason.
 */

/** Refusals in the order they are checked; the first that applies is the answer (on `promotion_code`). */
export const PROMOTION_CODE_REFUSALS = [
  'promotion_code_inactive',
  'promotion_code_expired',
  'customer_not_eligible',
  'first_time_only',
  'max_redemptions_reached',
] as const;
export type PromotionCodeRefusal = (typeof PROMOTION_CODE_REFUSALS)[number];

/** The code as stored, with the redemptions counted so far. */
export interface RedeemablePromotionCode {
  active: boolean;
  expiresAt: Date | null;
  maxRedemptions: number | null;
  redemptionsCount: number;
  restrictions: { customerExternalId: string | null; firstTimeTransaction: boolean };
}

export interface RedeemingCustomer {
  externalId: string;
  /** Any applied coupon (whatever its status) or any committed invoice discount means a returning customer. */
  hasAppliedCouponOrCommittedDiscount: boolean;
}

/**
 * The first reason `customer` may not redeem `code` at `now`, or null. A code is expired from the
 * exact instant of its `expires_at`, as a coupon is; external ids compare exactly (case-sensitive).
 */
export function promotionCodeRefusal(
  code: RedeemablePromotionCode,
  customer: RedeemingCustomer,
  now: Date,
): PromotionCodeRefusal | null {
  if (!code.active) return 'promotion_code_inactive';
  if (code.expiresAt !== null && code.expiresAt.getTime() <= now.getTime()) return 'promotion_code_expired';
  const { customerExternalId, firstTimeTransaction } = code.restrictions;
  if (customerExternalId !== null && customerExternalId !== customer.externalId) return 'customer_not_eligible';
  if (firstTimeTransaction && customer.hasAppliedCouponOrCommittedDiscount) return 'first_time_only';
  if (code.maxRedemptions !== null && code.redemptionsCount >= code.maxRedemptions) return 'max_redemptions_reached';
  return null;
}
