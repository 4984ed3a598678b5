import { APPLIED_COUPON_STATUSES, COUPON_STATUSES, FREQUENCIES } from '@coupons/domain';
import {
  arrayOf, BOOLEAN, CURRENCY, DATE_TIME, enumOf, INTEGER, MINOR_UNITS, nullable, objectSchema, paginationMeta, ref,
  STRING, UUID,
} from '../http/common.openapi';

/** Request schema of POST /applied_coupons: the coupon's own values unless overridden here. */
export const applyCouponInputSchema = {
  type: 'object',
  required: ['applied_coupon'],
  properties: {
    applied_coupon: {
      type: 'object',
      required: ['external_customer_id'],
      properties: {
        external_customer_id: { type: 'string' },
        coupon_code: { type: 'string', description: 'The coupon to apply; or name it by `promotion_code` instead (not both)' },
        promotion_code: {
          type: 'string',
          description: 'A promotion code of the coupon, ignoring case, instead of `coupon_code`: its own restrictions and limit apply too',
          example: 'SPRING-AB12',
        },
        frequency: enumOf(FREQUENCIES),
        frequency_duration: { type: 'integer', minimum: 1 },
        amount_cents: { type: 'integer', minimum: 1 },
        amount_currency: { type: 'string' },
        percentage_rate: { oneOf: [{ type: 'number' }, { type: 'string' }] },
      },
    },
  },
};

/** Lago's applied coupon, as `serializeAppliedCoupon` writes it. */
const appliedCouponProperties = {
  lago_id: UUID,
  lago_coupon_id: UUID,
  coupon_code: STRING,
  promotion_code: nullable({ ...STRING, description: 'The promotion code it was redeemed through, as stored' }),
  coupon_name: STRING,
  coupon_description: nullable(STRING),
  coupon_status: enumOf(COUPON_STATUSES),
  coupon_deleted_at: nullable(DATE_TIME),
  lago_customer_id: UUID,
  external_customer_id: STRING,
  status: enumOf(APPLIED_COUPON_STATUSES),
  amount_cents: nullable(MINOR_UNITS),
  amount_cents_remaining: nullable({ ...MINOR_UNITS, description: 'What is left of a fixed amount applied once' }),
  amount_currency: nullable(CURRENCY),
  percentage_rate: nullable({ type: 'string', example: '12.5' }),
  frequency: enumOf(FREQUENCIES),
  frequency_duration: nullable(INTEGER),
  frequency_duration_remaining: nullable({ ...INTEGER, description: 'Billing periods left of a recurring coupon' }),
  expiration_at: nullable(DATE_TIME),
  created_at: DATE_TIME,
  terminated_at: nullable(DATE_TIME),
};

/** A credit this applied coupon gave on an invoice discount that still stands (not voided). */
const credit = objectSchema({
  lago_id: UUID,
  amount_cents: MINOR_UNITS,
  amount_currency: CURRENCY,
  before_taxes: BOOLEAN,
  item: objectSchema({
    lago_item_id: UUID,
    type: enumOf(['coupon']),
    code: STRING,
    name: STRING,
    description: nullable(STRING),
  }),
  invoice: objectSchema({ lago_id: UUID, external_invoice_id: STRING }),
});

/** Named schemas of the applied-coupon endpoints (`components.schemas`). */
export const appliedCouponSchemas = {
  AppliedCoupon: objectSchema(appliedCouponProperties),
  AppliedCouponCredit: credit,
  AppliedCouponWithCredits: objectSchema({ ...appliedCouponProperties, credits: arrayOf(ref('AppliedCouponCredit')) }),
  AppliedCouponResponse: objectSchema({ applied_coupon: ref('AppliedCoupon') }),
  AppliedCouponListResponse: objectSchema({
    applied_coupons: arrayOf(ref('AppliedCouponWithCredits')),
    meta: paginationMeta,
  }),
};

export const appliedCouponResponse = ref('AppliedCouponResponse');
export const appliedCouponListResponse = ref('AppliedCouponListResponse');
