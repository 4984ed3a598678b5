import { DialectError, type DialectErrors } from '../dialect';

/**
 * Stripe's error envelope. stripe-node picks its error class from the HTTP status (400 and 404 →
 * StripeInvalidRequestError, or StripeIdempotencyError when `type` is `idempotency_error`; 401 →
 * StripeAuthenticationError; 429 → StripeRateLimitError; anything else → StripeAPIError) and exposes
 * `type`, `code`, `message` and `param` as they are.
 */
export interface StripeErrorBody {
  error: { type: string; code?: string; message: string; param?: string };
}

export function stripeErrorBody(type: string, message: string, code?: string, param?: string): StripeErrorBody {
  return { error: { type, ...(code === undefined ? {} : { code }), message, ...(param === undefined ? {} : { param }) } };
}

/** A 400 (or another status) of type `invalid_request_error`, naming the parameter at fault. */
export function invalidRequest(message: string, param?: string, code?: string, status = 400): DialectError {
  return new DialectError(status, stripeErrorBody('invalid_request_error', message, code, param));
}

/** `No such coupon: 'X'`: 404 for the object a path names, 400 for one a parameter names. */
export function noSuch(resource: string, id: string, param: string, status: 400 | 404): DialectError {
  return invalidRequest(`No such ${resource}: '${id}'`, param, 'resource_missing', status);
}

/** What the framework and the platform answer with (unknown routes, bad bodies, auth, limits, deadline). */
function bodyForStatus(status: number): StripeErrorBody {
  switch (status) {
    case 401:
      return stripeErrorBody('authentication_error', 'Invalid API Key provided.');
    case 403:
      return stripeErrorBody('permission_error', 'The provided key does not have access to this resource.');
    case 404:
      return stripeErrorBody('invalid_request_error', 'Unrecognized request URL.');
    case 405:
      return stripeErrorBody('invalid_request_error', 'This HTTP method is not supported on this URL.');
    case 413:
      return stripeErrorBody('invalid_request_error', 'The request body is too large.');
    case 415:
      return stripeErrorBody('invalid_request_error', 'Send parameters form-encoded (application/x-www-form-urlencoded).');
    case 429:
      return stripeErrorBody('rate_limit_error', 'Too many requests hit the API too quickly; retry later.', 'rate_limit');
    case 503:
      return stripeErrorBody('api_error', 'The service is temporarily unavailable; retry later.');
    default:
      if (status >= 500) return stripeErrorBody('api_error', 'An unexpected error occurred on our side.');
      return stripeErrorBody('invalid_request_error', 'The request could not be read: check its parameters.');
  }
}

export const stripeErrors: DialectErrors = { pathPrefix: '/v1/', bodyForStatus };
