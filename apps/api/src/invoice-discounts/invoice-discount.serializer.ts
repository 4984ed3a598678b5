import { formatDateTime } from '@coupons/domain';

/** What a preview computes and a committed discount stores, before it becomes wire JSON. */
export interface InvoiceDiscountView {
  lagoId: string | null;
  externalInvoiceId: string | null;
  externalCustomerId: string;
  currency: string;
  status: 'preview' | 'committed' | 'voided';
  feesAmountCents: number;
  couponsAmountCents: number;
  fees: { id: string; amountCents: number; couponsAmountCents: number }[];
  /** Null for the credit of a coupon not applied yet (a checkout validation's "as if applied now"). */
  credits: { appliedCouponLagoId: string | null; couponCode: string; amountCents: number; amountCurrency: string; fees: { id: string; amountCents: number }[] }[];
  createdAt: Date | null;
}

/** The discount engine's `invoice_discount` wire shape, in a fixed key order (documented in docs/invoice-discounts.md). */
export function serializeInvoiceDiscount(view: InvoiceDiscountView) {
  return {
    lago_id: view.lagoId,
    external_invoice_id: view.externalInvoiceId,
    external_customer_id: view.externalCustomerId,
    currency: view.currency,
    status: view.status,
    fees_amount_cents: view.feesAmountCents,
    coupons_amount_cents: view.couponsAmountCents,
    sub_total_excluding_taxes_amount_cents: view.feesAmountCents - view.couponsAmountCents,
    fees: view.fees.map((fee) => ({ id: fee.id, amount_cents: fee.amountCents, coupons_amount_cents: fee.couponsAmountCents })),
    credits: view.credits.map((credit) => ({
      lago_applied_coupon_id: credit.appliedCouponLagoId,
      coupon_code: credit.couponCode,
      amount_cents: credit.amountCents,
      amount_currency: credit.amountCurrency,
      fees: credit.fees.map((fee) => ({ id: fee.id, amount_cents: fee.amountCents })),
    })),
    created_at: formatDateTime(view.createdAt),
  };
}
