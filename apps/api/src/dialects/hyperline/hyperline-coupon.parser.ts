import { type FieldErrors, isPlainObject, LIMITS, withdrawnCurrency } from '@coupons/domain';
import type { JsonObject } from '../../http/root-object';
import { DialectError } from '../dialect';
import { hyperlineError, hyperlineValidationError } from './hyperline-errors';

/** Hyperline's coupon fields and the engine's (Lago's) input keys they map to. */
const LAGO_KEYS = {
  name: 'name',
  description: 'description',
  expiration_date: 'expiration_at',
  redemption_limit: 'max_redemptions',
  type: 'coupon_type',
  discount_amount: 'amount_cents',
  currency: 'amount_currency',
  discount_percent: 'percentage_rate',
} as const;

const HYPERLINE_FIELDS: Record<string, string> = Object.fromEntries(Object.entries(LAGO_KEYS).map(([hyperline, lago]) => [lago, hyperline]));

const COUPON_TYPES = { amount: 'fixed_amount', percent: 'percentage' } as const;
type HyperlineCouponType = keyof typeof COUPON_TYPES;
export const HYPERLINE_COUPON_TYPES = Object.keys(COUPON_TYPES) as HyperlineCouponType[];

/**
 * A Hyperline create-coupon body as the engine's input. Hyperline chooses how long a coupon lasts when it
 * is applied to a subscription, not on the coupon: ours last `forever` unless the application says
 * otherwise. Fields Hyperline marks required but nullable may also be left out.
 */
export function parseHyperlineCoupon(body: unknown): JsonObject {
  if (!isPlainObject(body)) throw hyperlineError(400, 'The request body must be a JSON object');
  const given = (field: string) => Object.hasOwn(body, field);

  // The type decides which other fields apply: without it they cannot be judged, so its error comes alone.
  if (!given('type') || body.type === null) throw hyperlineValidationError({ type: ['value_is_mandatory'] });
  if (typeof body.type !== 'string' || !Object.hasOwn(COUPON_TYPES, body.type)) throw hyperlineValidationError({ type: ['value_is_invalid'] });
  const type = body.type as HyperlineCouponType;

  const withdrawn = type === 'amount' ? withdrawnCurrency(body.currency) : null;
  if (withdrawn) {
    const { code, successor, replacedIn } = withdrawn;
    throw new DialectError(400, {
      message: `Invalid coupon: currency ${code} was withdrawn from ISO 4217 and replaced by ${successor} in ${replacedIn}; use ${successor}`,
      errors: { currency: ['value_is_invalid'] },
    });
  }

  const expires = given('expiration_date') && body.expiration_date !== null;
  const input: JsonObject = {
    coupon_type: COUPON_TYPES[type],
    frequency: 'forever',
    expiration: expires ? 'time_limit' : 'no_expiration',
  };
  const fields = type === 'amount' ? ['discount_amount', 'currency'] : ['discount_percent'];
  for (const field of ['name', 'description', 'expiration_date', 'redemption_limit', ...fields] as (keyof typeof LAGO_KEYS)[]) {
    if (given(field)) input[LAGO_KEYS[field]] = body[field];
  }
  return input;
}

/** The engine's field errors under Hyperline's field names. */
export function toHyperlineFields(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, keys]) => [HYPERLINE_FIELDS[field] ?? field, keys]));
}

export const LIST_TAKE = { default: 50, max: 100 } as const;

/** A query parameter of digits only, within [0, max]; absent → `fallback`. */
function queryInteger(query: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const raw = query[name];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!(value <= max)) throw hyperlineError(400, `${name} must be an integer from 0 to ${max}`);
  return value;
}

/** `take` (0–100, default 50) and `skip` (default 0): Hyperline's list window, out-of-range values refused. */
export function parseHyperlineListQuery(query: Record<string, unknown>): { take: number; skip: number } {
  return {
    take: queryInteger(query, 'take', LIST_TAKE.default, LIST_TAKE.max),
    skip: queryInteger(query, 'skip', 0, LIMITS.maxInteger),
  };
}
