/**
 * The API's wire shapes, as the dashboard reads them. They are generated from the committed OpenAPI
 * document (`docs/openapi.json` → `openapi.d.ts`, by `npm run openapi:types`), so a field renamed or
 * retyped by the API breaks the dashboard's type check instead of its screens.
 */
import type { components } from './openapi';

type Schemas = components['schemas'];

export type ErrorBody = Schemas['ErrorBody'];
export type PageMeta = Schemas['PaginationMeta'];

export type Coupon = Schemas['Coupon'];
export type CouponResponse = Schemas['CouponResponse'];
export type CouponListResponse = Schemas['CouponListResponse'];

/** As listed: with the credits it gave. */
export type AppliedCoupon = Schemas['AppliedCouponWithCredits'];
export type AppliedCouponListResponse = Schemas['AppliedCouponListResponse'];

export type PromotionCode = Schemas['PromotionCode'];
export type PromotionCodeResponse = Schemas['PromotionCodeResponse'];
export type PromotionCodeListResponse = Schemas['PromotionCodeListResponse'];
export type PromotionCodeValidation = Schemas['PromotionCodeValidation'];
export type PromotionCodeValidationResponse = Schemas['PromotionCodeValidationResponse'];

export type PromotionCodeBatch = Schemas['PromotionCodeBatch'];
export type PromotionCodeBatchResponse = Schemas['PromotionCodeBatchResponse'];
export type PromotionCodeBatchListResponse = Schemas['PromotionCodeBatchListResponse'];

export type PlanListResponse = Schemas['PlanListResponse'];
export type BillableMetricListResponse = Schemas['BillableMetricListResponse'];

/** What the coupon form shows of a plan or a billable metric. */
export type NamedResource = Pick<Schemas['Plan'] | Schemas['BillableMetric'], 'code' | 'name'>;
