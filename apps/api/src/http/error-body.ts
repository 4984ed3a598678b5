import { HttpException } from '@nestjs/common';
import type { Failure } from '../common/result';

export interface ErrorBody {
  status: number;
  error: string;
  code?: string;
  error_details?: Record<string, string[]>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The JSON root key each resource expects, named in Lago's 400 text. */
const ROOT_KEYS: Record<string, string> = {
  coupons: 'coupon',
  applied_coupons: 'applied_coupon',
  plans: 'plan',
  billable_metrics: 'billable_metric',
  customers: 'customer',
  invoice_discounts: 'invoice',
  promotion_code_batches: 'promotion_code_batch',
  promotion_codes: 'promotion_code',
  webhook_endpoints: 'webhook_endpoint',
  users: 'user',
  invitations: 'invitation',
  api_keys: 'api_key',
};

/** Actions whose root key is not their resource's. */
const ACTION_ROOT_KEYS: Record<string, string> = {
  'promotion_codes/validate': 'validation',
};

/** The "not found" code of the resource a path names, for path segments that cannot be decoded. */
const NOT_FOUND_CODES: Record<string, string> = {
  coupons: 'coupon_not_found',
  applied_coupons: 'applied_coupon_not_found',
  plans: 'plan_not_found',
  billable_metrics: 'billable_metric_not_found',
  customers: 'customer_not_found',
  invoice_discounts: 'invoice_discount_not_found',
  promotion_code_batches: 'promotion_code_batch_not_found',
  promotion_codes: 'promotion_code_not_found',
  webhook_endpoints: 'webhook_endpoint_not_found',
  users: 'user_not_found',
  invitations: 'invitation_not_found',
  api_keys: 'api_key_not_found',
};

function resourceOf(url: string): string | undefined {
  const match = /^\/api\/v1\/([a-z_]+)/.exec(url);
  return match?.[1];
}

export function rootKeyFor(url: string): string {
  const action = /^\/api\/v1\/([a-z_]+\/[a-z_]+)(?:[/?#]|$)/.exec(url)?.[1];
  return ACTION_ROOT_KEYS[action ?? ''] ?? ROOT_KEYS[resourceOf(url) ?? ''] ?? 'body';
}

export function badRequestBody(rootKey: string): ErrorBody {
  return { status: 400, error: `BadRequest: param is missing or the value is empty or invalid: ${rootKey}` };
}

export function plainErrorBody(status: number): ErrorBody {
  return { status, error: STATUS_TEXT[status] ?? 'Error' };
}

export function failureBody(failure: Failure): ErrorBody {
  switch (failure.kind) {
    case 'not_found':
      return { status: 404, error: 'Not Found', code: failure.code };
    case 'not_allowed':
      return { status: 405, error: 'Method Not Allowed', code: failure.code };
    case 'validation':
      return { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: failure.errors };
  }
}

/** Thrown by controllers with a body already in the error shape (`{status, error[, code, error_details]}`). */
export class ApiError extends HttpException {
  constructor(readonly body: ErrorBody) {
    super(body, body.status);
  }
}

const DATABASE_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'POOL_CLOSED',
  'SQLITE_BUSY',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string }; name?: string; message?: string };
  const code = candidate?.code ?? candidate?.driverError?.code;
  if (code && DATABASE_UNAVAILABLE.has(code)) return true;
  return /connect ECONNREFUSED|Connection lost|Pool is closed|connection is in closed state/i.test(
    candidate?.message ?? '',
  );
}

/** A path segment that cannot be decoded, or longer than any code: nothing can be found there. */
const UNROUTABLE_PATH = new Set(['FST_ERR_BAD_URL', 'FST_ERR_MAX_PARAM_LENGTH']);

/** Every exception, whatever raised it (Nest, Fastify, Passport, the driver), in the one error shape. */
export function errorBodyFor(exception: unknown, url: string): ErrorBody {
  if (exception instanceof ApiError) return exception.body;
  if (exception instanceof HttpException) return bodyForStatus(exception.getStatus(), url);
  const fastifyStatus = (exception as { statusCode?: number; code?: string })?.statusCode;
  if (UNROUTABLE_PATH.has((exception as { code?: string })?.code ?? '')) return notFoundForUrl(url);
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return bodyForStatus(fastifyStatus, url);
  }
  if (isDatabaseUnavailable(exception)) return plainErrorBody(503);
  return plainErrorBody(500);
}

function bodyForStatus(status: number, url: string): ErrorBody {
  if (status === 400) return badRequestBody(rootKeyFor(url));
  return plainErrorBody(status);
}

function notFoundForUrl(url: string): ErrorBody {
  const code = NOT_FOUND_CODES[resourceOf(url) ?? ''];
  return code ? { status: 404, error: 'Not Found', code } : plainErrorBody(404);
}

/**
 * Requests Node's HTTP parser refuses before any framework sees them (headers or URL over 16 KiB, a
 * malformed request line, a client too slow to send its headers): the body still has the error shape.
 */
export function clientErrorBody(code: string | undefined): ErrorBody {
  if (code === 'HPE_HEADER_OVERFLOW') return plainErrorBody(431);
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return plainErrorBody(408);
  return badRequestBody('body');
}
