/** The only way the dashboard talks to the server: the public REST API with the operator's key. */
import type { FieldErrors } from '@coupons/domain';
import type { ErrorBody } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** Machine-readable code such as `coupon_not_found`; absent on 400/401. */
    readonly code: string | null,
    readonly details: FieldErrors,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | string[] | undefined>;

export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** A file the API streams (such as a CSV export), read whole. */
  download(path: string): Promise<Blob>;
}

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

/** Codes may hold dots, dashes or reserved characters: always encode them as one path segment. */
export const couponPath = (code: string): string => `/coupons/${encodeURIComponent(code)}`;

export function createApiClient(apiKey: string, onUnauthorized: () => void = () => {}): ApiClient {
  async function call(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${apiKey}`,
          Accept: accept,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network_error', {}, 'The server could not be reached.');
    }
    if (response.status === 401) onUnauthorized();
    if (!response.ok) throw await toError(response);
    return response;
  }
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
    (await (await call(method, path, body)).json()) as T;
  return {
    get: (path, query) => json('GET', path + queryString(query)),
    send: (method, path, body) => json(method, path, body),
    download: async (path) => (await call('GET', path, undefined, '*/*')).blob(),
  };
}
