import type { StoredInvoiceDiscount } from './invoice-discounts.repository';
import { InvoiceDiscountView } from './invoice-discount.serializer';

/** A recorded invoice discount as it was computed, credits in the order they were applied. */
export function storedView({ invoice, customer, credits }: StoredInvoiceDiscount): InvoiceDiscountView {
  return {
    lagoId: invoice.lagoId,
    externalInvoiceId: invoice.externalInvoiceId,
    externalCustomerId: customer.externalId,
    currency: invoice.currency,
    status: invoice.status,
    feesAmountCents: invoice.feesAmountCents,
    couponsAmountCents: invoice.couponsAmountCents,
    fees: invoice.fees,
    credits: credits.map(({ credit, applied, coupon }) => ({
      appliedCouponLagoId: applied.lagoId,
      couponCode: coupon.code,
      amountCents: credit.amountCents,
      amountCurrency: credit.amountCurrency,
      fees: credit.fees,
    })),
    createdAt: invoice.createdAt,
  };
}
