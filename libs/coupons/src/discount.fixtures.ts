/** Builders shared by the discount specs (not part of the library's build). */
import { DiscountableCoupon, computeInvoiceDiscount } from './discounts';
import { InvoiceFee } from './invoice';

export const fee = (
  id: string,
  amountCents: number,
  planCode: string | null = null,
  billableMetricCode: string | null = null,
): InvoiceFee => ({ id, amountCents, planCode, billableMetricCode });

/** A fixed, forever, unrestricted 1000 EUR cents coupon unless overridden. */
export const coupon = (id: string, overrides: Partial<DiscountableCoupon> = {}): DiscountableCoupon => ({
  id,
  couponCode: id.toUpperCase(),
  couponType: 'fixed_amount',
  amountCents: 1000,
  amountCurrency: 'EUR',
  percentageRate: null,
  frequency: 'forever',
  frequencyDurationRemaining: null,
  amountCentsRemaining: null,
  planCodes: [],
  billableMetricCodes: [],
  ...overrides,
});

export const percent = (id: string, rate: string, overrides: Partial<DiscountableCoupon> = {}): DiscountableCoupon =>
  coupon(id, { couponType: 'percentage', amountCents: null, amountCurrency: null, percentageRate: rate, ...overrides });

export const discount = (fees: InvoiceFee[], coupons: DiscountableCoupon[], currency = 'EUR') =>
  computeInvoiceDiscount({ currency, fees }, coupons);
