/**
 * A stand-in for the REST API behind `fetch`: tests declare answers per "METHOD /path" and read
 * back the JSON bodies the dashboard sent, so they check the real wire payloads.
 */
import type { OperatorRole } from '@coupons/domain';
import { vi } from 'vitest';
import type { Coupon, PageMeta, PromotionCode, PromotionCodeBatch } from '../api/types';
import type { SessionBody } from '../auth/auth-types';

export interface Answer {
  status?: number;
  body: unknown;
  /** A file such as a CSV export: `body` is then sent as it is, not as JSON. */
  contentType?: string;
}
type Handler = Answer | ((body: unknown, url: URL) => Answer);

interface FakeRequest {
  method: string;
  path: string;
  url: URL;
  body: unknown;
  headers: Headers;
  /** Whether the browser would send the session cookie (`same-origin`). */
  credentials: RequestCredentials | undefined;
}

export interface FakeApi {
  /** Calls to the REST API, `path` without its `/api/v1` prefix. */
  requests: FakeRequest[];
  /** Calls to the sign-in routes, `path` in full (`/auth/sign_in`): kept apart so `requests` is the pages' own traffic. */
  authRequests: FakeRequest[];
  bodiesOf(method: string, path: string): unknown[];
}

export const TEST_CSRF_TOKEN = 'test-csrf-token';

export function aSession(role: OperatorRole = 'admin', email = `${role}@example.com`): SessionBody {
  return {
    user: { lago_id: `0a0b0c0d-0000-4000-8000-00000000000${role.length}`, email, name: 'Ada Operator', role, created_at: '2026-01-02T09:00:00Z' },
    organization: { name: 'Acme' },
    csrf_token: TEST_CSRF_TOKEN,
  };
}

/** Who `GET /auth/session` says is signed in; `renderApp` sets it before each render. */
let currentSession: SessionBody | null = aSession();

export function setFakeSession(session: SessionBody | null): void {
  currentSession = session;
}

/** The sign-in routes as the server answers a signed-in (or signed-out) browser, unless a test says otherwise. */
const SESSION_ROUTES: Record<string, Handler> = {
  'GET /auth/session': () =>
    currentSession
      ? { body: currentSession }
      : { status: 401, body: { status: 401, error: 'Unauthorized', code: 'session_required' } },
  'POST /auth/sign_out': { status: 204, body: null },
};

/**
 * Lists every coupon page loads besides the coupon, empty unless a test says otherwise, so that tests
 * about one card need not answer for the others.
 */
const EMPTY_COUPON_PAGE_LISTS: Record<string, Handler> = {
  'GET /promotion_codes': () => ({ body: { promotion_codes: [], meta: listMeta(0) } }),
  'GET /promotion_code_batches': () => ({ body: { promotion_code_batches: [], meta: listMeta(0) } }),
};

export function fakeApi(testRoutes: Record<string, Handler>): FakeApi {
  const routes = { ...SESSION_ROUTES, ...EMPTY_COUPON_PAGE_LISTS, ...testRoutes };
  const requests: FakeRequest[] = [];
  const authRequests: FakeRequest[] = [];
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const method = init.method ?? 'GET';
    const rest = url.pathname.startsWith('/api/v1/');
    const path = rest ? url.pathname.slice('/api/v1'.length) : url.pathname;
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    (rest ? requests : authRequests).push({ method, path, url, body, headers: new Headers(init.headers), credentials: init.credentials });
    const handler = routes[`${method} ${path}`];
    const answer = typeof handler === 'function' ? handler(body, url) : handler;
    const { status = 200, body: responseBody, contentType } = answer ?? { status: 404, body: { status: 404, error: 'Not Found' } };
    if (status === 204) return Promise.resolve(new Response(null, { status }));
    const payload = contentType ? String(responseBody) : JSON.stringify(responseBody);
    return Promise.resolve(new Response(payload, { status, headers: { 'Content-Type': contentType ?? 'application/json' } }));
  });
  const all = () => [...requests, ...authRequests];
  return {
    requests,
    authRequests,
    bodiesOf: (method, path) => all().filter((r) => r.method === method && r.path === path).map((r) => r.body),
  };
}

export const PLANS = { plans: [{ code: 'startup', name: 'Startup' }, { code: 'scale', name: 'Scale' }] };
export const METRICS = { billable_metrics: [{ code: 'api_calls', name: 'API calls' }] };

export function aCoupon(overrides: Partial<Coupon> = {}): Coupon {
  return {
    lago_id: '4f0c9b0e-0000-4000-8000-000000000001',
    name: 'Spring',
    code: 'SPRING',
    description: null,
    coupon_type: 'fixed_amount',
    amount_cents: 1250,
    amount_currency: 'EUR',
    percentage_rate: null,
    frequency: 'once',
    frequency_duration: null,
    reusable: true,
    limited_plans: false,
    limited_billable_metrics: false,
    plan_codes: [],
    billable_metric_codes: [],
    created_at: '2026-01-10T10:00:00Z',
    expiration: 'no_expiration',
    expiration_at: null,
    terminated_at: null,
    status: 'active',
    max_redemptions: null,
    redemptions_count: 0,
    starts_at: null,
    metadata: {},
    currency_options: {},
    ...overrides,
  };
}

export function aPromotionCode(overrides: Partial<PromotionCode> = {}): PromotionCode {
  return {
    lago_id: '7a1d2c3e-0000-4000-8000-000000000001',
    code: 'SPRING-AB12',
    lago_coupon_id: '4f0c9b0e-0000-4000-8000-000000000001',
    coupon_code: 'SPRING',
    active: true,
    max_redemptions: null,
    redemptions_count: 0,
    expires_at: null,
    restrictions: { customer_external_id: null, first_time_transaction: false, minimum_amount_cents: null, minimum_amount_currency: null },
    metadata: {},
    lago_batch_id: null,
    created_at: '2026-02-01T10:00:00Z',
    ...overrides,
  };
}

export function aBatch(overrides: Partial<PromotionCodeBatch> = {}): PromotionCodeBatch {
  return {
    lago_id: '5f0c1a2b-0000-4000-8000-000000000001',
    coupon_code: 'SPRING',
    status: 'completed',
    count: 100,
    generated_count: 100,
    prefix: 'SPRING-',
    length: 8,
    created_at: '2026-02-01T10:00:00Z',
    completed_at: '2026-02-01T10:00:05Z',
    ...overrides,
  };
}

/** `meta` of page `page` of a list of `totalCount` items. */
export function listMeta(totalCount: number, page = 1, perPage = 100): PageMeta {
  const totalPages = Math.ceil(totalCount / perPage);
  return {
    current_page: page,
    next_page: page < totalPages ? page + 1 : null,
    prev_page: page > 1 ? page - 1 : null,
    total_pages: totalPages,
    total_count: totalCount,
  };
}
