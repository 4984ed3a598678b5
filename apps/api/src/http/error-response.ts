import { DialectError } from '../dialects/dialect';
import { dialectFor } from '../dialects/dialects';
import { errorBodyFor, plainErrorBody } from './error-body';

export interface ErrorResponse {
  status: number;
  body: unknown;
}

/** Every exception as the response its path expects: a dialect's shape under its prefix, Lago's elsewhere. */
export function errorResponseFor(exception: unknown, url: string): ErrorResponse {
  if (exception instanceof DialectError) return { status: exception.getStatus(), body: exception.body };
  const lago = errorBodyFor(exception, url);
  const dialect = dialectFor(url);
  return { status: lago.status, body: dialect ? dialect.bodyForStatus(lago.status) : lago };
}

/** An error known only by its status (deadline, rate limit) in the shape its path expects. */
export function statusBodyFor(status: number, url: string): unknown {
  const dialect = dialectFor(url);
  return dialect ? dialect.bodyForStatus(status) : plainErrorBody(status);
}

/** Paths of the API in any dialect: authenticated, rate-limited, answered in an error shape. */
export function isApiPath(url: string): boolean {
  return url.startsWith('/api/v1/') || dialectFor(url) !== undefined;
}
