import { isPlainObject } from '@coupons/domain';
import type { JsonObject } from '../../http/root-object';
import type { PromotionCodeRecord } from '../../promotion-codes/promotion-code.serializer';
import { invalidRequest } from './stripe-errors';
import type { FailureContext } from './stripe-failures';
import {
  booleanParam, expandParam, integerParam, metadataParam, paramAt, rejectUnexpandable, rejectUnknown, StripeParams, stringParam,
  timestampParam, upperCurrency,
} from './stripe-params';

/** `coupon` is how API versions before 2025-09-30 name the coupon; `promotion[coupon]` how later ones do. */
const CREATE_PARAMS = ['promotion', 'coupon', 'code', 'active', 'customer', 'expires_at', 'max_redemptions', 'metadata', 'restrictions', 'expand'] as const;
const RESTRICTION_PARAMS = ['first_time_transaction', 'minimum_amount', 'minimum_amount_currency'] as const;
const UPDATE_PARAMS = ['active', 'metadata', 'expand'] as const;
export const PROMOTION_CODE_LIST_FILTERS = ['active', 'code', 'coupon', 'customer'] as const;

/** The code's coupon, in whichever place the client's API version puts it, and that coupon's own expansions. */
export const PROMOTION_CODE_EXPANDABLE = [
  'promotion.coupon', 'promotion.coupon.applies_to', 'promotion.coupon.currency_options', 'coupon.applies_to', 'coupon.currency_options',
] as const;

export function parsePromotionCodeExpand(params: StripeParams, prefix = ''): Set<string> {
  const expand = expandParam(params.expand);
  rejectUnexpandable(expand, PROMOTION_CODE_EXPANDABLE.map((path) => prefix + path));
  return expand;
}

/** The parameter that named the coupon: the one the client sent, else the one its API version expects. */
function couponParamOf(params: StripeParams, legacy: boolean): string {
  if (params.promotion !== undefined) return 'promotion[coupon]';
  return params.coupon !== undefined || legacy ? 'coupon' : 'promotion';
}

function couponInput(params: StripeParams): unknown {
  if (params.promotion === undefined) return stringParam(params.coupon, 'coupon');
  if (!isPlainObject(params.promotion)) throw invalidRequest('Invalid promotion: must be an object with type and coupon.', 'promotion', 'value_is_invalid');
  rejectUnknown(params.promotion, ['type', 'coupon'], 'promotion');
  if (params.promotion.type !== undefined && params.promotion.type !== 'coupon') {
    throw invalidRequest('Invalid promotion[type]: must be coupon.', 'promotion[type]', 'value_is_invalid');
  }
  return stringParam(params.promotion.coupon, 'promotion[coupon]');
}

function restrictionsInput(params: StripeParams): unknown {
  const { restrictions } = params;
  const customer = stringParam(params.customer, 'customer');
  if (restrictions !== undefined && !isPlainObject(restrictions)) return restrictions;
  if (restrictions) rejectUnknown(restrictions, RESTRICTION_PARAMS, 'restrictions');
  const input: JsonObject = {
    customer_external_id: customer,
    first_time_transaction: booleanParam(restrictions?.first_time_transaction, 'restrictions[first_time_transaction]'),
    minimum_amount_cents: integerParam(restrictions?.minimum_amount, 'restrictions[minimum_amount]'),
    minimum_amount_currency: upperCurrency(stringParam(restrictions?.minimum_amount_currency, 'restrictions[minimum_amount_currency]')),
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** POST /v1/promotion_codes as the create use case's input (`customer` is a restriction: our customers' external id). */
export function parsePromotionCodeCreate(params: StripeParams): { input: JsonObject; expand: Set<string> } {
  rejectUnknown(params, CREATE_PARAMS);
  const expand = parsePromotionCodeExpand(params);
  const optional: JsonObject = {
    coupon_code: couponInput(params),
    code: stringParam(params.code, 'code') || undefined,
    active: booleanParam(params.active, 'active'),
    max_redemptions: integerParam(params.max_redemptions, 'max_redemptions'),
    expires_at: timestampParam(params.expires_at, 'expires_at'),
    restrictions: restrictionsInput(params),
    metadata: metadataParam(params.metadata, {}),
  };
  return { input: Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)), expand };
}

/** POST /v1/promotion_codes/:id: `active`, and `metadata` merged into what the code has. */
export function parsePromotionCodeUpdate(params: StripeParams, current: PromotionCodeRecord): { input: JsonObject; expand: Set<string> } {
  rejectUnknown(params, UPDATE_PARAMS);
  const expand = parsePromotionCodeExpand(params);
  const input: JsonObject = {};
  const active = booleanParam(params.active, 'active');
  if (active !== undefined) input.active = active;
  const metadata = metadataParam(params.metadata, current.promotionCode.metadata ?? {});
  if (metadata !== undefined) input.metadata = metadata;
  return { input, expand };
}

/** How a promotion-code use case's failure reads for the Stripe request that caused it. */
export function promotionCodeFailureContext(params: StripeParams, legacy: boolean, id = ''): FailureContext {
  const couponParam = couponParamOf(params, legacy);
  const sentId = paramAt(params, couponParam);
  const couponId = typeof sentId === 'string' ? sentId : '';
  return {
    params: [
      ['coupon_code', couponParam],
      ['code', 'code'],
      ['active', 'active'],
      ['max_redemptions', 'max_redemptions'],
      ['expires_at', 'expires_at'],
      ['customer_external_id', 'customer'],
      ['first_time_transaction', 'restrictions[first_time_transaction]'],
      ['minimum_amount_cents', 'restrictions[minimum_amount]'],
      ['minimum_amount_currency', 'restrictions[minimum_amount_currency]'],
      ['restrictions', 'restrictions'],
      ['metadata', 'metadata'],
    ],
    notFound: {
      coupon_not_found: { resource: 'coupon', id: couponId, param: couponParam, status: 400 },
      customer_not_found: { resource: 'customer', id: typeof params.customer === 'string' ? params.customer : '', param: 'customer', status: 400 },
      promotion_code_not_found: { resource: 'promotion code', id, param: 'id', status: 404 },
    },
    sent: (param) => paramAt(params, param),
    messages: {
      'code:value_already_exist': 'A promotion code with this code already exists.',
      'code:value_is_invalid': 'Invalid code: 3 to 64 characters of a-z, A-Z, 0-9 and dashes.',
    },
  };
}
