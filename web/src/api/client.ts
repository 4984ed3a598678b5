/**
 * The only way the dashboard talks to the server: the public REST API under `/api/v1` and the sign-in
 * routes under `/auth`, both with the operator's session cookie. The browser sends the cookie itself
 * (`credentials: 'same-origin'`); every state-changing request also carries the session's CSRF token,
 * which a page on another site cannot read.
 */
import type { FieldErrors } from '@coupons/domain';
import type { ErrorBody } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** Machine-readable code such as `coupon_not_found`; absent on some 400/401 answers. */
    readonly code: string | null,
    readonly details: FieldErrors,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | string[] | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** A file the API streams (such as a CSV export), read whole. */
  download(path: string): Promise<Blob>;
}

export const CSRF_HEADER = 'X-CSRF-Token';

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function toError(response: Response): Promise<ApiError> {
  // Partial: a proxy or a crashed server may answer something else entirely.
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  return new ApiError(
    response.status,
    body?.code ?? null,
    body?.error_details ?? {},
    body?.error ?? `HTTP ${response.status}`,
  );
}

/** One request with the session cookie; a non-2xx answer becomes an ApiError. */
export async function request(
  method: Method,
  url: string,
  { body, csrfToken, accept = 'application/json' }: { body?: unknown; csrfToken?: string; accept?: string } = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: accept,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(csrfToken && method !== 'GET' ? { [CSRF_HEADER]: csrfToken } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', {}, 'The server could not be reached.');
  }
  if (!response.ok) throw await toError(response);
  return response;
}

/** The JSON body of a 2xx answer; a 204 has none. */
export async function readJson<T>(response: Response): Promise<T> {
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Codes may hold dots, dashes or reserved characters: always encode them as one path segment. */
export const couponPath = (code: string): string => `/coupons/${encodeURIComponent(code)}`;

/**
 * The REST API as the signed-in operator. `onUnauthorized` runs when the server no longer knows the
 * session (signed out elsewhere, idle too long, password changed, account removed).
 */
export function createApiClient(csrfToken: string, onUnauthorized: () => void = () => {}): ApiClient {
  async function call(method: Method, path: string, body?: unknown, accept?: string): Promise<Response> {
    try {
      return await request(method, `/api/v1${path}`, { body, csrfToken, accept });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized();
      throw error;
    }
  }
  return {
    get: async (path, query) => readJson(await call('GET', path + queryString(query))),
    send: async (method, path, body) => readJson(await call(method, path, body)),
    download: async (path) => (await call('GET', path, undefined, '*/*')).blob(),
  };
}
