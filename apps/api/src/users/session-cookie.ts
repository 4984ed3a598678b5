import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'coupons_session';

/** The session token the browser sent, if any. */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    return value.length > 0 ? value : null;
  }
  return null;
}

/**
 * Out of reach of scripts (HttpOnly), not sent with cross-site subrequests (SameSite=Lax), HTTPS-only when the
 * request came over HTTPS. No Max-Age: the server's idle timeout decides how long a session lives.
 */
function attributes(request: FastifyRequest): string {
  return `Path=/; HttpOnly; SameSite=Lax${request.protocol === 'https' ? '; Secure' : ''}`;
}

export function sessionCookie(request: FastifyRequest, token: string): string {
  return `${SESSION_COOKIE}=${token}; ${attributes(request)}`;
}

export function clearedSessionCookie(request: FastifyRequest): string {
  return `${SESSION_COOKIE}=; ${attributes(request)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}
