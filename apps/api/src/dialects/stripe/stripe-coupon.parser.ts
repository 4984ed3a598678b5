import { type Frequency, isPlainObject } from '@coupons/domain';
import type { CouponRecord } from '../../coupons/coupon-record';
import type { JsonObject } from '../../http/root-object';
import { invalidRequest } from './stripe-errors';
import type { FailureContext } from './stripe-failures';
import {
  expandParam, integerParam, metadataParam, paramAt, rejectUnexpandable, rejectUnknown, StripeParams, stringParam, timestampParam, upperCurrency,
} from './stripe-params';

const CREATE_PARAMS = [
  'id', 'name', 'percent_off', 'amount_off', 'currency', 'currency_options', 'duration', 'duration_in_months', 'max_redemptions',
  'redeem_by', 'applies_to', 'metadata', 'expand',
] as const;
/** Stripe edits only these; everything else about a coupon is fixed once created. */
const UPDATE_PARAMS = ['name', 'metadata', 'currency_options', 'expand'] as const;
/** Left out of a coupon unless asked for, as Stripe does. */
export const COUPON_EXPANDABLE = ['applies_to', 'currency_options'] as const;

/** Stripe's name is at most 40 characters (ours 255): a Stripe client gets Stripe's limit. */
export const STRIPE_NAME_MAX_LENGTH = 40;

const FREQUENCY_OF_DURATION: Record<string, Frequency> = { once: 'once', repeating: 'recurring', forever: 'forever' };

/** Our coupon fields and the Stripe parameters they come from, in the order Stripe would complain. */
const COUPON_PARAMS = [
  ['code', 'id'],
  ['name', 'name'],
  ['coupon_type', 'percent_off'],
  ['percentage_rate', 'percent_off'],
  ['amount_cents', 'amount_off'],
  ['amount_currency', 'currency'],
  ['currency_options', 'currency_options'],
  ['frequency', 'duration'],
  ['frequency_duration', 'duration_in_months'],
  ['expiration_at', 'redeem_by'],
  ['expiration', 'redeem_by'],
  ['max_redemptions', 'max_redemptions'],
  ['plan_codes', 'applies_to[products]'],
  ['applies_to', 'applies_to'],
  ['metadata', 'metadata'],
] as const;

/** How a coupon use case's failure reads for the Stripe request that caused it. */
export function couponFailureContext(params: StripeParams, id: string, idParam: 'id' | 'path'): FailureContext {
  const products = isPlainObject(params.applies_to) ? params.applies_to.products : undefined;
  return {
    params: COUPON_PARAMS,
    notFound: {
      coupon_not_found: { resource: 'coupon', id, param: 'id', status: idParam === 'path' ? 404 : 400 },
      plans_not_found: { resource: 'product', id: Array.isArray(products) ? products.join("', '") : '', param: 'applies_to[products]', status: 400 },
    },
    sent: (param) => paramAt(params, param),
    messages: {
      'coupon_type:value_is_mandatory': 'You must pass either amount_off or percent_off.',
      'code:value_already_exist': 'Coupon already exists.',
      'name:value_is_mandatory': 'You passed an empty string for name.',
    },
  };
}

function checkName(name: string | undefined): void {
  if (name !== undefined && Array.from(name).length > STRIPE_NAME_MAX_LENGTH) {
    throw invalidRequest(`Invalid name: must be at most ${STRIPE_NAME_MAX_LENGTH} characters`, 'name', 'value_is_out_of_range');
  }
}

/** `currency_options[eur][amount_off]=500` as `{EUR: {amount_cents: 500}}`; anything else is handed on for the rules to refuse. */
function currencyOptionsInput(value: unknown): unknown {
  if (value === undefined || value === '') return undefined;
  if (!isPlainObject(value)) return value;
  const options: [string, unknown][] = [];
  for (const [currency, option] of Object.entries(value)) {
    const param = `currency_options[${currency}]`;
    if (!isPlainObject(option)) return value;
    rejectUnknown(option, ['amount_off'], param);
    options.push([String(upperCurrency(currency)), { amount_cents: integerParam(option.amount_off, `${param}[amount_off]`) ?? null }]);
  }
  return Object.fromEntries(options);
}

function appliesToInput(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) return value;
  rejectUnknown(value, ['products'], 'applies_to');
  return { plan_codes: value.products === '' ? [] : value.products };
}

function durationInput(value: unknown): Frequency {
  if (value === undefined) return 'once';
  if (typeof value === 'string' && Object.hasOwn(FREQUENCY_OF_DURATION, value)) return FREQUENCY_OF_DURATION[value];
  throw invalidRequest('Invalid duration: must be one of forever, once, or repeating', 'duration', 'value_is_invalid');
}

export interface CouponCreateRequest {
  /** The create use case's input. */
  input: JsonObject;
  expand: Set<string>;
}

/**
 * POST /v1/coupons as the create use case's input. The id is the coupon's code and the name falls back
 * to it (ours is mandatory); `percent_off` or `amount_off` picks the type, `duration` defaults to once,
 * `redeem_by` makes a time-limited coupon.
 */
export function parseCouponCreate(params: StripeParams, id: string): CouponCreateRequest {
  rejectUnknown(params, CREATE_PARAMS);
  const expand = expandParam(params.expand);
  rejectUnexpandable(expand, COUPON_EXPANDABLE);
  if (params.percent_off !== undefined && params.amount_off !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: amount_off, percent_off.', 'amount_off', 'parameters_exclusive');
  }
  const name = stringParam(params.name, 'name');
  checkName(name);
  const input: JsonObject = { code: id, name: name || id, frequency: durationInput(params.duration), expiration: 'no_expiration' };
  if (params.percent_off !== undefined) Object.assign(input, { coupon_type: 'percentage', percentage_rate: params.percent_off });
  if (params.amount_off !== undefined) Object.assign(input, { coupon_type: 'fixed_amount', amount_cents: integerParam(params.amount_off, 'amount_off') });
  if (params.currency !== undefined) input.amount_currency = upperCurrency(stringParam(params.currency, 'currency'));
  const redeemBy = timestampParam(params.redeem_by, 'redeem_by');
  if (redeemBy !== undefined) Object.assign(input, { expiration: 'time_limit', expiration_at: redeemBy });
  const optional: JsonObject = {
    frequency_duration: integerParam(params.duration_in_months, 'duration_in_months'),
    max_redemptions: integerParam(params.max_redemptions, 'max_redemptions'),
    currency_options: currencyOptionsInput(params.currency_options),
    applies_to: appliesToInput(params.applies_to),
    metadata: metadataParam(params.metadata, {}),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) input[key] = value;
  return { input, expand };
}

/**
 * POST /v1/coupons/:id as the update use case's input: `name` (empty falls back to the id), `metadata`
 * and `currency_options` merged into what the coupon has, as Stripe merges them.
 */
export function parseCouponUpdate(params: StripeParams, current: CouponRecord): CouponCreateRequest {
  rejectUnknown(params, UPDATE_PARAMS);
  const expand = expandParam(params.expand);
  rejectUnexpandable(expand, COUPON_EXPANDABLE);
  const { coupon } = current;
  const input: JsonObject = {};
  const name = stringParam(params.name, 'name');
  checkName(name);
  if (name !== undefined) input.name = name || coupon.code;
  const metadata = metadataParam(params.metadata, coupon.metadata ?? {});
  if (metadata !== undefined) input.metadata = metadata;
  const options = currencyOptionsInput(params.currency_options);
  if (options !== undefined) {
    const stored = Object.entries(coupon.currencyOptions ?? {}).map(([currency, option]) => [currency, { amount_cents: Number(option.amountCents) }]);
    input.currency_options = isPlainObject(options) ? { ...Object.fromEntries(stored), ...options } : options;
  }
  return { input, expand };
}
