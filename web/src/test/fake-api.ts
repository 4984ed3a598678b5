/**
 * A stand-in for the REST API behind `fetch`: tests declare answers per "METHOD /path" and read
 * back the JSON bodies the dashboard sent, so they check the real wire payloads.
 */
import { vi } from 'vitest';
import type { Coupon } from '../api/types';

export interface Answer {
  status?: number;
  body: unknown;
}
type Handler = Answer | ((body: unknown, url: URL) => Answer);

export interface FakeApi {
  requests: { method: string; path: string; url: URL; body: unknown; headers: Headers }[];
  bodiesOf(method: string, path: string): unknown[];
}

export function fakeApi(routes: Record<string, Handler>): FakeApi {
  const requests: FakeApi['requests'] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const method = init.method ?? 'GET';
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ method, path, url, body, headers: new Headers(init.headers) });
    const handler = routes[`${method} ${path}`];
    const answer = typeof handler === 'function' ? handler(body, url) : handler;
    const { status = 200, body: responseBody } = answer ?? { status: 404, body: { status: 404, error: 'Not Found' } };
    return new Response(JSON.stringify(responseBody), { status, headers: { 'Content-Type': 'application/json' } });
  });
  return {
    requests,
    bodiesOf: (method, path) => requests.filter((r) => r.method === method && r.path === path).map((r) => r.body),
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
