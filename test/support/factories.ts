/** Builders shared by the e2e suites: valid request bodies with overrides, and catalog fixtures created over HTTP. */
import type { ApiClient, ApiResponse } from './api-client';

let sequence = 0;
/** A code unique within a suite run, readable in failure output. */
export function uniqueCode(prefix = 'CPN'): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
}

type Json = Record<string, unknown>;

/** A valid fixed-amount, once, no-expiration coupon. */
export function couponParams(overrides: Json = {}): Json {
  return {
    name: 'Ten euros off',
    code: uniqueCode(),
    coupon_type: 'fixed_amount',
    amount_cents: 1000,
    amount_currency: 'EUR',
    frequency: 'once',
    expiration: 'no_expiration',
    ...overrides,
  };
}

/** A valid percentage, once, no-expiration coupon. */
export function percentageCouponParams(overrides: Json = {}): Json {
  return {
    name: 'Twelve and a half percent',
    code: uniqueCode('PCT'),
    coupon_type: 'percentage',
    percentage_rate: '12.5',
    frequency: 'once',
    expiration: 'no_expiration',
    ...overrides,
  };
}

/** The coupon object's keys, in Lago's order, then our additions. */
export const COUPON_KEYS = [
  'lago_id', 'name', 'code', 'description', 'coupon_type', 'amount_cents', 'amount_currency', 'percentage_rate',
  'frequency', 'frequency_duration', 'reusable', 'limited_plans', 'limited_billable_metrics', 'plan_codes',
  'billable_metric_codes', 'created_at', 'expiration', 'expiration_at', 'terminated_at',
  'status', 'max_redemptions', 'redemptions_count', 'starts_at', 'metadata', 'currency_options',
];

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Fails with the whole response in the message when the status is not the expected one. */
export function expectStatus<T>(response: ApiResponse<T>, status: number): ApiResponse<T> {
  if (response.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response;
}

export function badRequestBody(rootKey: string) {
  return { status: 400, error: `BadRequest: param is missing or the value is empty or invalid: ${rootKey}` };
}

export function notFoundBody(code: string) {
  return { status: 404, error: 'Not Found', code };
}

export function notAllowedBody(code: string) {
  return { status: 405, error: 'Method Not Allowed', code };
}

export function validationBody(details: Record<string, string[]>) {
  return { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: details };
}

export const UNAUTHORIZED_BODY = { status: 401, error: 'Unauthorized' };

/** An ISO instant `days` from now, at second precision (what the API returns). */
export function isoIn(days: number): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 19)}Z`;
}

export async function createCoupon(api: ApiClient, overrides: Json = {}): Promise<any> {
  return expectStatus(await api.post('/api/v1/coupons', { coupon: couponParams(overrides) }), 200).body.coupon;
}

export async function createPercentageCoupon(api: ApiClient, overrides: Json = {}): Promise<any> {
  return expectStatus(await api.post('/api/v1/coupons', { coupon: percentageCouponParams(overrides) }), 200).body.coupon;
}

/** How many live coupons the key's organization has (list `total_count`). */
export async function couponCount(api: ApiClient): Promise<number> {
  return expectStatus(await api.get('/api/v1/coupons?per_page=1'), 200).body.meta.total_count;
}

export async function createMetric(api: ApiClient, overrides: Json = {}): Promise<any> {
  const body = { billable_metric: { name: 'API calls', code: uniqueCode('metric'), aggregation_type: 'count_agg', ...overrides } };
  return expectStatus(await api.post('/api/v1/billable_metrics', body), 200).body.billable_metric;
}

/** A plan; `metricCodes` become its charges. */
export async function createPlan(api: ApiClient, overrides: Json = {}, metricCodes: string[] = []): Promise<any> {
  const body = {
    plan: {
      name: 'Starter',
      code: uniqueCode('plan'),
      interval: 'monthly',
      amount_cents: 1900,
      amount_currency: 'EUR',
      charges: metricCodes.map((code) => ({ billable_metric_code: code })),
      ...overrides,
    },
  };
  return expectStatus(await api.post('/api/v1/plans', body), 200).body.plan;
}

export async function createCustomer(api: ApiClient, overrides: Json = {}): Promise<any> {
  const body = { customer: { external_id: uniqueCode('cust'), name: 'Acme Corp', currency: 'EUR', ...overrides } };
  return expectStatus(await api.post('/api/v1/customers', body), 200).body.customer;
}
