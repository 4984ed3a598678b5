/** Builders for the promotion code suites. */
import type { ApiClient, ApiResponse } from './api-client';
import { expectStatus, uniqueCode } from './factories';

type Json = Record<string, unknown>;

/** The promotion code's keys, in wire order. */
export const PROMOTION_CODE_KEYS = [
  'lago_id', 'code', 'lago_coupon_id', 'coupon_code', 'active', 'max_redemptions', 'redemptions_count', 'expires_at',
  'restrictions', 'metadata', 'lago_batch_id', 'created_at',
];

export const NO_RESTRICTIONS = {
  customer_external_id: null, first_time_transaction: false, minimum_amount_cents: null, minimum_amount_currency: null,
};

/** A fresh code of letters, digits and dashes, upper case. */
export const uniquePromotionCode = (prefix = 'PROMO') => uniqueCode(prefix).toUpperCase();

export function postPromotionCode(api: ApiClient, params: Json, headers: Record<string, string> = {}): Promise<ApiResponse> {
  return api.post('/api/v1/promotion_codes', { promotion_code: params }, headers);
}

export async function createPromotionCode(api: ApiClient, couponCode: string, overrides: Json = {}): Promise<any> {
  return expectStatus(await postPromotionCode(api, { coupon_code: couponCode, code: uniquePromotionCode(), ...overrides }), 200).body.promotion_code;
}

export async function promotionCodeByCode(api: ApiClient, code: string): Promise<any> {
  return expectStatus(await api.get(`/api/v1/promotion_codes/${encodeURIComponent(code)}`), 200).body.promotion_code;
}

export function postApplyByPromotionCode(api: ApiClient, externalCustomerId: string, promotionCode: unknown, overrides: Json = {}): Promise<ApiResponse> {
  return api.post('/api/v1/applied_coupons', { applied_coupon: { external_customer_id: externalCustomerId, promotion_code: promotionCode, ...overrides } });
}

export function postValidation(api: ApiClient, params: Json): Promise<ApiResponse> {
  return api.post('/api/v1/promotion_codes/validate', { validation: params });
}
