import { hasErrors, type FieldErrors } from '@coupons/domain';
import type { Failure, Result } from '../../common/result';
import { DialectError, type DialectErrors } from '../dialect';
import { flexpriceFieldName } from './flexprice-vocabulary';

/** Flexprice's error codes (its `ErrorCode` enum), the ones this dialect answers with. */
export type FlexpriceErrorCode = 'validation_error' | 'already_exists' | 'not_found' | 'invalid_operation' | 'permission_denied' | 'system_error';

/**
 * Flexprice's error body: the `{success, error: {message, internal_error}}` envelope its SDK parses into
 * typed errors, and the flat `code`, `message`, `http_status_code` and `details` of its newer API beside it.
 */
export function flexpriceErrorBody(status: number, code: FlexpriceErrorCode, message: string, details?: FieldErrors) {
  return {
    success: false,
    error: { message, internal_error: `${code}: ${message}`, ...(details ? { details } : {}) },
    code,
    message,
    http_status_code: status,
    ...(details ? { details } : {}),
  };
}

export const flexpriceError = (status: number, code: FlexpriceErrorCode, message: string, details?: FieldErrors) =>
  new DialectError(status, flexpriceErrorBody(status, code, message, details));

const STATUS_ERRORS: Record<number, [FlexpriceErrorCode, string]> = {
  400: ['validation_error', 'invalid request: the body must be a JSON object'],
  401: ['permission_denied', 'invalid API key: send it in the x-api-key header'],
  403: ['permission_denied', 'permission denied'],
  404: ['not_found', 'resource not found'],
  405: ['invalid_operation', 'method not allowed'],
  409: ['invalid_operation', 'a request with this idempotency key is still in progress'],
  413: ['validation_error', 'request body too large'],
  415: ['validation_error', 'unsupported content type: send application/json'],
  422: ['validation_error', 'idempotency key already used with another request body'],
  429: ['invalid_operation', 'too many requests'],
  503: ['system_error', 'service unavailable'],
};

/** Every error under `/flexprice/v1/` that the dialect did not shape itself (the framework's, the platform's). */
export const flexpriceErrors: DialectErrors = {
  pathPrefix: '/flexprice/v1/',
  bodyForStatus: (status) => {
    const [code, message] = STATUS_ERRORS[status] ?? (status < 500 ? ['validation_error', 'invalid request'] : ['system_error', 'internal error']);
    return flexpriceErrorBody(status, code, message);
  },
};

/** Field errors in Flexprice's field names, each field's problems together. */
export function flexpriceDetails(errors: FieldErrors): FieldErrors {
  const details: FieldErrors = {};
  for (const [field, keys] of Object.entries(errors)) {
    const name = flexpriceFieldName(field);
    details[name] = [...new Set([...(details[name] ?? []), ...keys])];
  }
  return details;
}

/** Field errors as a 400, the status Flexprice gives every validation error (a taken code included). */
export function validationError(errors: FieldErrors): DialectError {
  const details = flexpriceDetails(errors);
  const summary = Object.entries(details).map(([field, keys]) => `${field}: ${keys.join(', ')}`).join('; ');
  const taken = Object.values(details).every((keys) => keys.every((key) => key === 'value_already_exist'));
  return flexpriceError(400, taken ? 'already_exists' : 'validation_error', `validation failed: ${summary}`, details);
}

function failureError(failure: Failure): DialectError {
  switch (failure.kind) {
    case 'not_found':
      return flexpriceError(404, 'not_found', failure.code.replace(/_/g, ' '));
    case 'not_allowed':
      return flexpriceError(400, 'invalid_operation', failure.code.replace(/_/g, ' '));
    case 'validation':
      return validationError(failure.errors);
  }
}

/** A use case's value, or its failure thrown in Flexprice's shape. */
export function unwrapFlexprice<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw failureError(result.failure);
}

/** Throws the dialect's own field errors (values outside Flexprice's vocabulary) before any use case runs. */
export function throwIfInvalid(errors: FieldErrors): void {
  if (hasErrors(errors)) throw validationError(errors);
}
