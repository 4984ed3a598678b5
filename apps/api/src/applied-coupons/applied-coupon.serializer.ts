import { formatDateTime, formatPercentageRate } from '@coupons/domain';
import type { AppliedCouponEntity, CouponEntity, CreditEntity, CustomerEntity, InvoiceDiscountEntity } from '../database/entities';

export interface AppliedCouponRecord {
  applied: AppliedCouponEntity;
  coupon: CouponEntity;
  customer: CustomerEntity;
  /** The promotion code it was redeemed through, as stored; null when applied by coupon code. */
  promotionCode: string | null;
}

export interface CreditRecord {
  credit: CreditEntity;
  invoice: InvoiceDiscountEntity;
}

/** An applied coupon as the lists show it: with the credits it has given and that still stand. */
export interface AppliedCouponWithCredits extends AppliedCouponRecord {
  credits: CreditRecord[];
}

/**
 * Lago's applied-coupon wire shape, keys in Lago's order, so Lago clients read it unchanged; our
 * `promotion_code` comes right after `coupon_code`.
 */
export function serializeAppliedCoupon({ applied, coupon, customer, promotionCode }: AppliedCouponRecord) {
  return {
    lago_id: applied.lagoId,
    lago_coupon_id: coupon.lagoId,
    coupon_code: coupon.code,
    promotion_code: promotionCode,
    coupon_name: coupon.name,
    coupon_description: coupon.description,
    coupon_status: coupon.status,
    coupon_deleted_at: formatDateTime(coupon.deletedAt),
    lago_customer_id: customer.lagoId,
    external_customer_id: customer.externalId,
    status: applied.status,
    amount_cents: applied.amountCents,
    amount_cents_remaining: applied.amountCentsRemaining,
    amount_currency: applied.amountCurrency,
    percentage_rate: formatPercentageRate(applied.percentageRate),
    frequency: applied.frequency,
    frequency_duration: applied.frequencyDuration,
    frequency_duration_remaining: applied.frequencyDurationRemaining,
    expiration_at: formatDateTime(coupon.expirationAt),
    created_at: formatDateTime(applied.createdAt),
    terminated_at: formatDateTime(applied.terminatedAt),
  };
}

export function serializeCredit({ credit, invoice }: CreditRecord, coupon: CouponEntity) {
  return {
    lago_id: credit.lagoId,
    amount_cents: credit.amountCents,
    amount_currency: credit.amountCurrency,
    before_taxes: true,
    item: { lago_item_id: coupon.lagoId, type: 'coupon', code: coupon.code, name: coupon.name, description: coupon.description },
    invoice: { lago_id: invoice.lagoId, external_invoice_id: invoice.externalInvoiceId },
  };
}

export function serializeAppliedCouponWithCredits(record: AppliedCouponWithCredits) {
  return { ...serializeAppliedCoupon(record), credits: record.credits.map((credit) => serializeCredit(credit, record.coupon)) };
}
