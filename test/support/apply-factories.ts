/** Builders for the applied-coupon and discount-engine suites. */
import type { ApiClient, ApiResponse } from './api-client';
import { expectStatus, uniqueCode } from './factories';

type Json = Record<string, unknown>;

/** The applied coupon's keys, in Lago's order. */
export const APPLIED_COUPON_KEYS = [
  'lago_id', 'lago_coupon_id', 'coupon_code', 'promotion_code', 'coupon_name', 'coupon_description', 'coupon_status', 'coupon_deleted_at',
  'lago_customer_id', 'external_customer_id', 'status', 'amount_cents', 'amount_cents_remaining', 'amount_currency',
  'percentage_rate', 'frequency', 'frequency_duration', 'frequency_duration_remaining', 'expiration_at', 'created_at',
  'terminated_at',
];

export const INVOICE_DISCOUNT_KEYS = [
  'lago_id', 'external_invoice_id', 'external_customer_id', 'currency', 'status', 'fees_amount_cents',
  'coupons_amount_cents', 'sub_total_excluding_taxes_amount_cents', 'fees', 'credits', 'created_at',
];

export function postApply(api: ApiClient, externalCustomerId: string, couponCode: string, overrides: Json = {}, headers: Record<string, string> = {}): Promise<ApiResponse> {
  return api.post('/api/v1/applied_coupons', { applied_coupon: { external_customer_id: externalCustomerId, coupon_code: couponCode, ...overrides } }, headers);
}

/** Applies and returns the applied coupon, failing with the whole response otherwise. */
export async function applyCoupon(api: ApiClient, externalCustomerId: string, couponCode: string, overrides: Json = {}): Promise<any> {
  return expectStatus(await postApply(api, externalCustomerId, couponCode, overrides), 200).body.applied_coupon;
}

/** A customer's applied coupons (with credits), newest first. */
export async function appliedCouponsOf(api: ApiClient, externalCustomerId: string): Promise<any[]> {
  return expectStatus(await api.get(`/api/v1/customers/${externalCustomerId}/applied_coupons`), 200).body.applied_coupons;
}

/** One applied coupon as the customer list shows it (credits included). */
export async function appliedCoupon(api: ApiClient, externalCustomerId: string, lagoId: string): Promise<any> {
  const found = (await appliedCouponsOf(api, externalCustomerId)).find((applied) => applied.lago_id === lagoId);
  if (!found) throw new Error(`applied coupon ${lagoId} not listed for ${externalCustomerId}`);
  return found;
}

export function terminateApplied(api: ApiClient, externalCustomerId: string, lagoId: string): Promise<ApiResponse> {
  return api.delete(`/api/v1/customers/${externalCustomerId}/applied_coupons/${lagoId}`);
}

export interface FeeInput {
  id: string;
  amount_cents: unknown;
  plan_code?: string;
  billable_metric_code?: string;
}

export function fee(id: string, amountCents: unknown, extra: Omit<FeeInput, 'id' | 'amount_cents'> = {}): FeeInput {
  return { id, amount_cents: amountCents, ...extra };
}

/** `{"invoice": {...}}` with a fresh external_invoice_id, EUR, for the customer. */
export function invoiceBody(externalCustomerId: string, fees: FeeInput[], overrides: Json = {}): { invoice: Json } {
  return { invoice: { external_invoice_id: uniqueCode('inv'), external_customer_id: externalCustomerId, currency: 'EUR', fees, ...overrides } };
}

export async function commitInvoice(api: ApiClient, body: { invoice: Json }): Promise<any> {
  return expectStatus(await api.post('/api/v1/invoice_discounts', body), 200).body.invoice_discount;
}

export async function previewInvoice(api: ApiClient, body: { invoice: Json }): Promise<any> {
  return expectStatus(await api.post('/api/v1/invoice_discounts/preview', body), 200).body.invoice_discount;
}

export async function couponByCode(api: ApiClient, code: string): Promise<any> {
  return expectStatus(await api.get(`/api/v1/coupons/${encodeURIComponent(code)}`), 200).body.coupon;
}
