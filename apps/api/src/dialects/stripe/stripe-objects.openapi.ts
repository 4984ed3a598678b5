import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, BOOLEAN, enumOf, INTEGER, nullable, STRING } from '../../http/common.openapi';
import { STRIPE_NAME_MAX_LENGTH } from './stripe-coupon.parser';

/** Schemas of the Stripe dialect's requests (form-encoded, bracket keys) and objects, for its own document. */
const UNIX = { type: 'integer', description: 'Seconds since the Unix epoch' } satisfies SchemaObject;
const CURRENCY = { type: 'string', description: 'ISO 4217, lower case', example: 'eur' } satisfies SchemaObject;
const METADATA = { type: 'object', additionalProperties: STRING } satisfies SchemaObject;
const EXPAND = { ...arrayOf(STRING), description: 'Fields to include or expand' } satisfies SchemaObject;
const form = (properties: Record<string, SchemaObject>, required: string[] = []): SchemaObject => ({ type: 'object', properties, required });

const coupon: SchemaObject = {
  type: 'object',
  properties: {
    id: { ...STRING, description: 'The coupon code' },
    object: enumOf(['coupon']),
    amount_off: nullable(INTEGER),
    applies_to: { type: 'object', properties: { products: arrayOf(STRING) }, description: 'Only with expand[]=applies_to: the plan codes' },
    created: UNIX,
    currency: nullable(CURRENCY),
    currency_options: { type: 'object', additionalProperties: { type: 'object', properties: { amount_off: INTEGER } }, description: 'Only with expand[]=currency_options' },
    duration: enumOf(['once', 'repeating', 'forever']),
    duration_in_months: nullable({ ...INTEGER, description: 'Billing periods of the subscription' }),
    livemode: BOOLEAN,
    max_redemptions: nullable(INTEGER),
    metadata: METADATA,
    name: nullable({ ...STRING, description: 'Null when the name is the id' }),
    percent_off: nullable({ type: 'number' }),
    redeem_by: nullable(UNIX),
    times_redeemed: INTEGER,
    valid: { ...BOOLEAN, description: 'Active, started, not expired, with redemptions left' },
  },
};

const promotionCode: SchemaObject = {
  type: 'object',
  properties: {
    id: { ...STRING, description: 'The code itself' },
    object: enumOf(['promotion_code']),
    active: BOOLEAN,
    code: STRING,
    coupon: { ...coupon, description: 'Only for Stripe-Version before 2025-09-30' },
    created: UNIX,
    customer: nullable({ ...STRING, description: "The external id of the only customer who may redeem it" }),
    customer_account: nullable(STRING),
    expires_at: nullable(UNIX),
    livemode: BOOLEAN,
    max_redemptions: nullable(INTEGER),
    metadata: METADATA,
    promotion: {
      type: 'object',
      description: 'From Stripe-Version 2025-09-30 on; `coupon` is the coupon id, or the coupon with expand[]=promotion.coupon',
      properties: { type: enumOf(['coupon']), coupon: { oneOf: [STRING, coupon] } },
    },
    restrictions: {
      type: 'object',
      properties: { first_time_transaction: BOOLEAN, minimum_amount: nullable(INTEGER), minimum_amount_currency: nullable(CURRENCY) },
    },
    times_redeemed: INTEGER,
  },
};

const list = (item: SchemaObject, url: string): SchemaObject => ({
  type: 'object',
  properties: { object: enumOf(['list']), data: arrayOf(item), has_more: BOOLEAN, url: { ...STRING, example: url } },
});

export const stripeCouponSchema = coupon;
export const stripeCouponListSchema = list(coupon, '/v1/coupons');
export const stripeDeletedCouponSchema = form({ id: STRING, object: enumOf(['coupon']), deleted: BOOLEAN });
export const stripePromotionCodeSchema = promotionCode;
export const stripePromotionCodeListSchema = list(promotionCode, '/v1/promotion_codes');

export const stripeCouponCreateSchema = form({
  id: { ...STRING, description: 'The coupon code; generated when omitted' },
  name: { ...STRING, maxLength: STRIPE_NAME_MAX_LENGTH, description: 'Defaults to the id' },
  percent_off: { type: 'number', description: 'Above 0, at most 100; or amount_off' },
  amount_off: { ...INTEGER, description: 'Minor units of `currency`; or percent_off' },
  currency: CURRENCY,
  'currency_options[<currency>][amount_off]': INTEGER,
  duration: { ...enumOf(['once', 'repeating', 'forever']), default: 'once' },
  duration_in_months: { ...INTEGER, description: 'With duration=repeating: billing periods' },
  max_redemptions: INTEGER,
  redeem_by: UNIX,
  'applies_to[products][]': { ...STRING, description: 'Plan codes' },
  'metadata[<key>]': STRING,
  'expand[]': EXPAND,
});
export const stripeCouponUpdateSchema = form({
  name: { ...STRING, maxLength: STRIPE_NAME_MAX_LENGTH, description: 'Empty: back to the id' },
  'metadata[<key>]': { ...STRING, description: 'An empty value unsets the key' },
  'currency_options[<currency>][amount_off]': INTEGER,
  'expand[]': EXPAND,
});
export const stripePromotionCodeCreateSchema = form({
  'promotion[type]': enumOf(['coupon']),
  'promotion[coupon]': { ...STRING, description: 'The coupon id (`coupon` before 2025-09-30)' },
  code: { ...STRING, pattern: '^[A-Za-z0-9-]{3,64}$', description: 'Generated when omitted' },
  active: BOOLEAN,
  customer: { ...STRING, description: "A customer's external id" },
  expires_at: UNIX,
  max_redemptions: INTEGER,
  'restrictions[first_time_transaction]': BOOLEAN,
  'restrictions[minimum_amount]': INTEGER,
  'restrictions[minimum_amount_currency]': CURRENCY,
  'metadata[<key>]': STRING,
  'expand[]': EXPAND,
});
export const stripePromotionCodeUpdateSchema = form({
  active: BOOLEAN,
  'metadata[<key>]': { ...STRING, description: 'An empty value unsets the key' },
  'expand[]': EXPAND,
});
