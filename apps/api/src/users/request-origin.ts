import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../http/error-body';

export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isSafeMethod = (method: string): boolean => SAFE_METHODS.has(method.toUpperCase());

export const csrfTokenInvalid = () => new ApiError({ status: 403, error: 'Forbidden', code: 'csrf_token_invalid' });

/**
 * Whether the `Origin` names the host the request was sent to. A proxy that forwards the host name without
 * its port (nginx's `$host`) leaves only the names to compare.
 */
function sameHost(origin: string, host: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.host === host || (!host.includes(':') && url.hostname === host);
}

/**
 * Browsers say where a request comes from: a page of another site (`Sec-Fetch-Site: cross-site`) or another
 * origin's host (`Origin`) may not act with the operator's cookie. Requests without these headers (older
 * browsers, scripts) still need the CSRF token to write.
 */
export function assertSameOrigin(request: FastifyRequest): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw csrfTokenInvalid();
  const origin = request.headers.origin;
  if (origin !== undefined && !sameHost(origin, request.headers.host ?? '')) throw csrfTokenInvalid();
}

/** Writes carry the session's CSRF token in `X-CSRF-Token`, which a page of another site cannot read. */
export function assertCsrfToken(request: FastifyRequest, expected: string): void {
  if (isSafeMethod(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) throw csrfTokenInvalid();
}
