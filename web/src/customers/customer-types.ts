/** The customer endpoints' wire shapes, from the generated OpenAPI types like every other page's. */
import type { components } from '../api/openapi';

type Schemas = components['schemas'];

export type Customer = Schemas['Customer'];
export type CustomerResponse = Schemas['CustomerResponse'];
export type CustomerListResponse = Schemas['CustomerListResponse'];
/** As a customer's applied coupon list returns it: with the credits it gave. */
export type CustomerAppliedCoupon = Schemas['AppliedCouponWithCredits'];
export type CustomerAppliedCouponListResponse = Schemas['AppliedCouponListResponse'];
export type AppliedCouponCredit = Schemas['AppliedCouponCredit'];
