import type { FieldErrors } from '@coupons/domain';
import type { Failure } from '../../common/result';
import { DialectError, type DialectErrors } from '../dialect';

/** Hyperline's error body: a `message` to show; `errors` (field → error keys) on a rejected coupon. */
export interface HyperlineErrorBody {
  message: string;
  errors?: FieldErrors;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The request is malformed: send a JSON object',
  401: 'Missing or invalid authentication token',
  403: 'Forbidden',
  404: 'The requested resource was not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'A request with this Idempotency-Key is still being processed',
  413: 'The request body is too large',
  415: 'Unsupported content type: send application/json',
  // The only 422 under Hyperline's paths (coupons report their own errors as 400).
  422: 'Invalid Idempotency-Key: over 255 characters, or already used with another request body',
  429: 'Too many requests',
  431: 'Request headers too large',
  500: 'Internal server error',
  503: 'Service unavailable, retry later',
};

export const hyperlineErrors: DialectErrors = {
  pathPrefix: '/hyperline/v1/',
  bodyForStatus: (status): HyperlineErrorBody => ({ message: STATUS_MESSAGES[status] ?? `HTTP ${status}` }),
};

/** Phrases for the engine's error keys, to build a readable `message`. */
const PHRASES: Record<string, string> = {
  value_is_mandatory: 'is required',
  value_is_invalid: 'is invalid',
  value_is_out_of_range: 'is out of range',
  value_already_exist: 'already exists',
  invalid_date: 'must be a date-time in the future',
};

/** A 400 listing every field error, as Hyperline reports invalid parameters. */
export function hyperlineValidationError(errors: FieldErrors): DialectError {
  const parts = Object.entries(errors).map(([field, keys]) => `${field} ${keys.map((key) => PHRASES[key] ?? key).join(' and ')}`);
  return new DialectError(400, { message: `Invalid coupon: ${parts.join(', ')}`, errors });
}

export function hyperlineError(status: number, message: string): DialectError {
  return new DialectError(status, { message });
}

/** A use case's failure in Hyperline's shape, its field names already translated by the caller. */
export function hyperlineFailure(failure: Failure): DialectError {
  switch (failure.kind) {
    case 'not_found':
      return hyperlineError(404, 'Coupon not found');
    case 'not_allowed':
      return hyperlineError(400, `The coupon cannot be created: ${failure.code}`);
    case 'validation':
      return hyperlineValidationError(failure.errors);
  }
}
