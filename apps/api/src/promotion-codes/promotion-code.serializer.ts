import { formatDateTime } from '@coupons/domain';
import type { PromotionCodeEntity } from '../database/entities';

/** A promotion code with the ids of its coupon and of the batch that made it (null for a single code). */
export interface PromotionCodeRecord {
  promotionCode: PromotionCodeEntity;
  couponLagoId: string;
  couponCode: string;
  batchLagoId: string | null;
}

/** The promotion code's wire shape, in this key order; `metadata` is `{}` when none. */
export function serializePromotionCode({ promotionCode, couponLagoId, couponCode, batchLagoId }: PromotionCodeRecord) {
  const { restrictions } = promotionCode;
  return {
    lago_id: promotionCode.lagoId,
    code: promotionCode.code,
    lago_coupon_id: couponLagoId,
    coupon_code: couponCode,
    active: promotionCode.active,
    max_redemptions: promotionCode.maxRedemptions,
    redemptions_count: promotionCode.redemptionsCount,
    expires_at: formatDateTime(promotionCode.expiresAt),
    restrictions: {
      customer_external_id: restrictions.customerExternalId,
      first_time_transaction: restrictions.firstTimeTransaction,
      minimum_amount_cents: restrictions.minimumAmountCents,
      minimum_amount_currency: restrictions.minimumAmountCurrency,
    },
    metadata: promotionCode.metadata ?? {},
    lago_batch_id: batchLagoId,
    created_at: formatDateTime(promotionCode.createdAt),
  };
}
