import type { CouponRecord } from '../../coupons/coupon-record';
import type { PromotionCodeRecord } from '../../promotion-codes/promotion-code.serializer';
import { expansionsUnder, serializeStripeCoupon } from './stripe-coupon.serializer';
import { lowerCurrency, unixSeconds } from './stripe-params';

/** The first API version whose promotion codes carry `promotion: {type, coupon}` instead of a `coupon` object. */
const PROMOTION_OBJECT_SINCE = '2025-09-30';

/**
 * Whether the client's `Stripe-Version` predates `promotion`: such clients read a `coupon` object on the
 * code. Without the header, the current shape (Stripe answers with the account's version; ours is the latest).
 */
export function isLegacyVersion(stripeVersion: unknown): boolean {
  return typeof stripeVersion === 'string' && /^\d{4}-\d{2}-\d{2}/.test(stripeVersion) && stripeVersion.slice(0, 10) < PROMOTION_OBJECT_SINCE;
}

export interface PromotionCodeView {
  record: PromotionCodeRecord;
  /** The code's coupon: needed when expanded, and always for clients of a legacy version. */
  coupon: CouponRecord | null;
}

/**
 * Stripe's promotion code object (keys in Stripe's order) for the client's API version. `id` is the code
 * itself (unique ignoring case, and never changed); `customer` is the external id of the customer it is
 * restricted to.
 */
export function serializeStripePromotionCode({ record, coupon }: PromotionCodeView, legacy: boolean, expand: ReadonlySet<string>) {
  const { promotionCode } = record;
  const { restrictions } = promotionCode;
  const couponObject = (prefix: string) => coupon && serializeStripeCoupon(coupon, expansionsUnder(expand, prefix));
  return {
    id: promotionCode.code,
    object: 'promotion_code' as const,
    active: promotionCode.active,
    code: promotionCode.code,
    ...(legacy ? { coupon: couponObject('coupon') } : {}),
    created: unixSeconds(promotionCode.createdAt),
    customer: restrictions.customerExternalId,
    customer_account: null,
    expires_at: unixSeconds(promotionCode.expiresAt),
    livemode: false,
    max_redemptions: promotionCode.maxRedemptions,
    metadata: promotionCode.metadata ?? {},
    ...(legacy
      ? {}
      : { promotion: { coupon: expand.has('promotion.coupon') ? couponObject('promotion.coupon') : record.couponCode, type: 'coupon' as const } }),
    restrictions: {
      first_time_transaction: restrictions.firstTimeTransaction,
      minimum_amount: restrictions.minimumAmountCents,
      minimum_amount_currency: lowerCurrency(restrictions.minimumAmountCurrency),
    },
    times_redeemed: promotionCode.redemptionsCount,
  };
}

/** Whether answering needs the codes' coupons loaded. */
export function needsCoupons(legacy: boolean, expand: ReadonlySet<string>, prefix = ''): boolean {
  return legacy || expand.has(`${prefix}promotion.coupon`);
}
