import { COUPON_STATUSES, COUPON_TYPES, EXPIRATIONS, FREQUENCIES, LIMITS } from '@coupons/domain';
import {
  arrayOf, BOOLEAN, CURRENCY, DATE_TIME, enumOf, INTEGER, MINOR_UNITS, nullable, objectSchema, paginationMeta, ref,
  STRING, UUID,
} from '../http/common.openapi';

/** Request schema for the OpenAPI document, built from the same enums and limits the validation uses. */
export const couponInputSchema = {
  type: 'object',
  required: ['coupon'],
  properties: {
    coupon: {
      type: 'object',
      required: ['name', 'coupon_type', 'frequency', 'expiration'],
      properties: {
        name: { type: 'string', maxLength: LIMITS.nameMaxLength },
        code: {
          type: 'string',
          maxLength: LIMITS.codeMaxLength,
          description: 'Generated when omitted; no whitespace, `/` or control characters',
        },
        description: { type: 'string', maxLength: LIMITS.descriptionMaxLength, nullable: true },
        coupon_type: enumOf(COUPON_TYPES),
        amount_cents: { type: 'integer', minimum: 1 },
        amount_currency: { type: 'string', example: 'EUR' },
        percentage_rate: { oneOf: [{ type: 'number' }, { type: 'string' }], example: '12.5' },
        frequency: enumOf(FREQUENCIES),
        frequency_duration: { type: 'integer', minimum: 1, maximum: LIMITS.frequencyDurationMax },
        expiration: enumOf(EXPIRATIONS),
        expiration_at: { type: 'string', format: 'date-time', nullable: true },
        reusable: { type: 'boolean', default: true },
        applies_to: {
          type: 'object',
          properties: {
            plan_codes: { type: 'array', items: { type: 'string' } },
            billable_metric_codes: { type: 'array', items: { type: 'string' } },
          },
        },
        max_redemptions: { type: 'integer', minimum: 1, nullable: true },
        starts_at: { type: 'string', format: 'date-time', nullable: true },
        metadata: {
          type: 'object',
          nullable: true,
          maxProperties: LIMITS.metadataMaxKeys,
          additionalProperties: { type: 'string', maxLength: LIMITS.metadataValueMaxLength },
        },
        currency_options: {
          type: 'object',
          additionalProperties: { type: 'object', properties: { amount_cents: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

/** The coupon as `serializeCoupon` writes it: Lago's keys in Lago's order, then ours. */
const coupon = objectSchema({
  lago_id: UUID,
  name: STRING,
  code: STRING,
  description: nullable(STRING),
  coupon_type: enumOf(COUPON_TYPES),
  amount_cents: nullable(MINOR_UNITS),
  amount_currency: nullable(CURRENCY),
  percentage_rate: nullable({ type: 'string', example: '12.5', description: 'Decimal as a string, at least one decimal' }),
  frequency: enumOf(FREQUENCIES),
  frequency_duration: nullable(INTEGER),
  reusable: BOOLEAN,
  limited_plans: BOOLEAN,
  limited_billable_metrics: BOOLEAN,
  plan_codes: arrayOf(STRING),
  billable_metric_codes: arrayOf(STRING),
  created_at: DATE_TIME,
  expiration: enumOf(EXPIRATIONS),
  expiration_at: nullable(DATE_TIME),
  terminated_at: nullable(DATE_TIME),
  status: enumOf(COUPON_STATUSES),
  max_redemptions: nullable(INTEGER),
  redemptions_count: INTEGER,
  starts_at: nullable(DATE_TIME),
  metadata: { type: 'object', additionalProperties: STRING },
  currency_options: {
    type: 'object',
    description: 'Currency code → the fixed amount in that currency',
    additionalProperties: objectSchema({ amount_cents: MINOR_UNITS }),
  },
});

/** Named schemas of the coupon endpoints (`components.schemas`). */
export const couponSchemas = {
  Coupon: coupon,
  CouponResponse: objectSchema({ coupon: ref('Coupon') }),
  CouponListResponse: objectSchema({ coupons: arrayOf(ref('Coupon')), meta: paginationMeta }),
};

export const couponResponse = ref('CouponResponse');
export const couponListResponse = ref('CouponListResponse');
