import type { CouponRecord } from '../coupons/coupon-record';
import { serializeCoupon } from '../coupons/coupon.serializer';
import { InvoiceDiscountView, serializeInvoiceDiscount } from '../invoice-discounts/invoice-discount.serializer';
import { PromotionCodeRecord, serializePromotionCode } from './promotion-code.serializer';

/** A checkout's answer: would the code work, why not, and what it would take off the invoice. */
export interface PromotionCodeValidation {
  valid: boolean;
  /** The error key an apply would give; null when valid. */
  reason: string | null;
  promotionCode: PromotionCodeRecord | null;
  coupon: CouponRecord | null;
  /** The preview as if the code's coupon were applied now; null without an invoice or when not valid. */
  invoiceDiscount: InvoiceDiscountView | null;
}

export function serializePromotionCodeValidation(validation: PromotionCodeValidation) {
  return {
    valid: validation.valid,
    reason: validation.reason,
    promotion_code: validation.promotionCode && serializePromotionCode(validation.promotionCode),
    coupon: validation.coupon && serializeCoupon(validation.coupon),
    invoice_discount: validation.invoiceDiscount && serializeInvoiceDiscount(validation.invoiceDiscount),
  };
}
