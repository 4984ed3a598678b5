import { COUPON_TYPES, EXPIRATIONS, FREQUENCIES } from '@coupons/domain';

/** Request schema for the OpenAPI document, built from the same enums the validation uses. */
export const couponInputSchema = {
  type: 'object',
  required: ['coupon'],
  properties: {
    coupon: {
      type: 'object',
      required: ['name', 'coupon_type', 'frequency', 'expiration'],
      properties: {
        name: { type: 'string', maxLength: 255 },
        code: { type: 'string', maxLength: 255, description: 'Generated when omitted' },
        description: { type: 'string', nullable: true },
        coupon_type: { type: 'string', enum: [...COUPON_TYPES] },
        amount_cents: { type: 'integer', minimum: 1 },
        amount_currency: { type: 'string', example: 'EUR' },
        percentage_rate: { oneOf: [{ type: 'number' }, { type: 'string' }], example: '12.5' },
        frequency: { type: 'string', enum: [...FREQUENCIES] },
        frequency_duration: { type: 'integer', minimum: 1 },
        expiration: { type: 'string', enum: [...EXPIRATIONS] },
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
        metadata: { type: 'object', additionalProperties: { type: 'string' } },
        currency_options: {
          type: 'object',
          additionalProperties: { type: 'object', properties: { amount_cents: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};
