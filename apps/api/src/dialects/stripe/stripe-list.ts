import { invalidRequest } from './stripe-errors';
import { integerParam, StripeParams, stringParam } from './stripe-params';

/** Stripe's page sizes: 10 unless asked, at most 100. */
const LIMIT = { default: 10, min: 1, max: 100 } as const;

export interface StripeListParams {
  limit: number;
  startingAfter?: string;
  endingBefore?: string;
}

/** `limit`, `starting_after` and `ending_before` (one cursor at most: they page in opposite directions). */
export function parseListParams(params: StripeParams): StripeListParams {
  const limit = integerParam(params.limit, 'limit') ?? LIMIT.default;
  if (limit < LIMIT.min || limit > LIMIT.max) {
    throw invalidRequest(`Invalid limit: must be between ${LIMIT.min} and ${LIMIT.max}.`, 'limit', 'parameter_invalid_integer');
  }
  const startingAfter = stringParam(params.starting_after, 'starting_after') || undefined;
  const endingBefore = stringParam(params.ending_before, 'ending_before') || undefined;
  if (startingAfter !== undefined && endingBefore !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.', 'ending_before', 'parameters_exclusive');
  }
  return { limit, startingAfter, endingBefore };
}

/** The list parameters every list takes. */
export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'expand'] as const;

/** Stripe's list envelope. */
export function stripeList<T>(url: string, data: T[], hasMore: boolean) {
  return { object: 'list' as const, data, has_more: hasMore, url };
}
