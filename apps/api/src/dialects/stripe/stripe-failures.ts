import type { FieldErrors } from '@coupons/domain';
import type { Failure } from '../../common/result';
import type { DialectError } from '../dialect';
import { invalidRequest, noSuch } from './stripe-errors';

/** What a use case's failure means in one Stripe request's words. */
export interface FailureContext {
  /** Our field names and the Stripe parameter each came from, in the order errors are reported. */
  params: readonly (readonly [field: string, param: string])[];
  /** Each not-found code of the use case as Stripe's `No such …` (404 for the path's object, 400 for a parameter's). */
  notFound: Record<string, { resource: string; id: string; param: string; status: 400 | 404 }>;
  /** The parameter's value as sent: an empty one is `parameter_invalid_empty`, an absent one `parameter_missing`. */
  sent(param: string): unknown;
  /** Messages of particular errors, keyed `field:error_key`. */
  messages?: Record<string, string>;
}

/** Our error keys for which Stripe has a code of its own; the others keep our key, the one every dialect reports. */
const STRIPE_CODES: Record<string, string> = {
  value_already_exist: 'resource_already_exists',
  coupon_is_terminated: 'coupon_expired',
};

const MESSAGES: Record<string, (param: string) => string> = {
  value_already_exist: (param) => `An object with this ${param} already exists.`,
  value_is_out_of_range: (param) => `Invalid ${param}: the value is out of range.`,
  invalid_date: (param) => `Invalid ${param}: must be a timestamp in the future.`,
  value_is_locked: (param) => `${param} can no longer change: the coupon has been redeemed.`,
  coupon_is_terminated: () => 'This coupon is no longer valid.',
};

/** Stripe reports one error per request: the first of ours in the request's parameter order. */
function firstError(errors: FieldErrors, params: FailureContext['params']): [field: string, key: string, param: string] {
  for (const [field, param] of params) {
    if (Object.hasOwn(errors, field)) return [field, errors[field][0], param];
  }
  const [field, keys] = Object.entries(errors)[0];
  return [field, keys[0], field];
}

export function stripeFailure(failure: Failure, context: FailureContext): DialectError {
  switch (failure.kind) {
    case 'not_found': {
      const missing = context.notFound[failure.code];
      if (missing) return noSuch(missing.resource, missing.id, missing.param, missing.status);
      return invalidRequest(`Not found (${failure.code}).`, undefined, 'resource_missing', 404);
    }
    case 'not_allowed':
      return invalidRequest(`This request is not allowed (${failure.code}).`, undefined, failure.code);
    case 'validation': {
      const [field, key, param] = firstError(failure.errors, context.params);
      const message = context.messages?.[`${field}:${key}`];
      if (key === 'value_is_mandatory') {
        return context.sent(param) === ''
          ? invalidRequest(message ?? `You passed an empty string for '${param}'.`, param, 'parameter_invalid_empty')
          : invalidRequest(message ?? `Missing required param: ${param}.`, param, 'parameter_missing');
      }
      const text = message ?? MESSAGES[key]?.(param) ?? `Invalid ${param} (${key}).`;
      return invalidRequest(text, param, STRIPE_CODES[key] ?? key);
    }
  }
}
