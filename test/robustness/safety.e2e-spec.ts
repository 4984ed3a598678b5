import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../../apps/api/src/app.factory';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp, testConfig } from '../support/test-app';
import { couponParams, expectStatus, UNAUTHORIZED_BODY } from '../support/factories';
import { createKeyWithCli, ensureBuilt, spawnApi } from './support/processes';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const TOO_MANY = { status: 429, error: 'Too Many Requests' };

/**
 * Safe by default: per-key rate limits with the headers the Lago client
 * reads, shared through Redis across processes; helmet headers; CORS closed unless configured; a body
 * size limit; API keys never stored in clear and revocable; request ids and no secrets in the logs;
 * Prometheus metrics.
 */
describe('safety', () => {
  let t: TestApp;
  const extra: NestFastifyApplication[] = [];

  /** Another app instance on the suite's database (same organizations and keys), with other settings. */
  async function boot(overrides: Partial<AppConfig>, apiKey: string): Promise<ApiClient> {
    const app = await createApp(testConfig(t.databaseUrl, overrides));
    extra.push(app);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    return new ApiClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, apiKey);
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const app of extra) await app.close();
    await t?.close();
  });

  describe('rate limit per API key', () => {
    it('answers the 6th request of a minute with 429, Retry-After and x-ratelimit-*; another key still passes', async () => {
      const key = await t.newApiKey(`rl-${randomBytes(4).toString('hex')}`);
      const api = await boot({ rateLimitPerMinute: 5 }, key);
      const first = expectStatus(await api.get('/api/v1/coupons'), 200);
      expect(first.headers.get('x-ratelimit-limit')).toBe('5');
      expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
      for (let i = 0; i < 4; i++) expectStatus(await api.get('/api/v1/coupons'), 200);
      const limited = await api.post('/api/v1/coupons', { coupon: couponParams() });
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual(TOO_MANY);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('x-ratelimit-limit')).toBe('5');
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
      expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeLessThanOrEqual(60);
      // Nothing was created by the refused request; the counter is per key, not per address.
      expectStatus(await api.withKey(await t.newApiKey()).get('/api/v1/coupons'), 200);
      expect((await t.api.withKey(key).get('/api/v1/coupons?per_page=1')).body.meta.total_count).toBe(0);
      // Probes are never limited.
      expectStatus(await new ApiClient(api.baseUrl, null).get('/health'), 200);
    });

    it('counts per process without Redis, but shares the count through Redis across two instances', async () => {
      const alone = await t.newApiKey(`rl-mem-${randomBytes(4).toString('hex')}`);
      const [a, b] = [await boot({ rateLimitPerMinute: 5 }, alone), await boot({ rateLimitPerMinute: 5 }, alone)];
      for (let i = 0; i < 5; i++) expectStatus(await a.get('/api/v1/coupons'), 200);
      expectStatus(await b.get('/api/v1/coupons'), 200);

      const shared = await t.newApiKey(`rl-redis-${randomBytes(6).toString('hex')}`);
      const [c, d] = [await boot({ rateLimitPerMinute: 5, redisUrl: REDIS_URL }, shared), await boot({ rateLimitPerMinute: 5, redisUrl: REDIS_URL }, shared)];
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? d : c).get('/api/v1/coupons')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const refused = await c.get('/api/v1/coupons');
      expect(refused.body).toEqual(TOO_MANY);
      expect(refused.headers.get('retry-after')).toBeTruthy();
    });
  });

  it('sends helmet security headers', async () => {
    for (const response of [await t.api.get('/api/v1/coupons'), await t.api.get('/api/v1/coupons/NOPE'), await new ApiClient(t.baseUrl, null).get('/health')]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  describe('CORS', () => {
    const preflight = (baseUrl: string, origin: string) =>
      fetch(`${baseUrl}/api/v1/coupons`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });

    it('is closed by default: no origin is allowed, preflight or not', async () => {
      const response = await preflight(t.baseUrl, 'https://evil.example');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const simple = await fetch(`${t.baseUrl}/api/v1/coupons`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${t.apiKey}` } });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('is open to a configured origin only', async () => {
      const api = await boot({ corsOrigins: ['https://dashboard.example'] }, t.apiKey);
      const allowed = await preflight(api.baseUrl, 'https://dashboard.example');
      expect(allowed.status).toBeLessThan(300);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example');
      expect((allowed.headers.get('access-control-allow-methods') ?? '').toUpperCase()).toContain('POST');
      expect((await preflight(api.baseUrl, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('refuses a body over 1 MiB with 413 in the API error shape, and keeps serving', async () => {
    const body = { coupon: { ...couponParams(), description: 'x'.repeat(1024 * 1024) } };
    const response = await t.api.post('/api/v1/coupons', body);
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ status: 413, error: 'Payload Too Large' });
    expectStatus(await t.api.post('/api/v1/coupons', { coupon: couponParams() }), 200);
  });

  it('stores API keys only as salted hashes', async () => {
    const keys = [t.apiKey, await t.newApiKey(), await t.newApiKey()];
    const connection = await createConnection(t.databaseUrl);
    try {
      const [rows] = await connection.query('SELECT * FROM api_keys');
      const cells = (rows as Record<string, unknown>[]).flatMap((row) => Object.values(row).map((value) => String(value)));
      for (const key of keys) {
        const [, publicId, secret] = /^cpn_([A-Za-z0-9]{16})_(.+)$/.exec(key)!;
        expect(cells.some((cell) => cell.includes(publicId))).toBe(true); // the lookup id, by design
        for (const cell of cells) {
          expect(cell.includes(key)).toBe(false);
          expect(cell.includes(secret)).toBe(false);
          expect(cell.includes(Buffer.from(secret, 'base64url').toString('hex'))).toBe(false);
        }
      }
      const salts = (rows as { salt: string }[]).map((row) => row.salt);
      expect(new Set(salts).size).toBe(salts.length);
    } finally {
      await connection.end();
    }
    // A key with the right public id and a wrong secret is refused like any other.
    const forged = `cpn_${/^cpn_([A-Za-z0-9]{16})_/.exec(t.apiKey)![1]}_${randomBytes(32).toString('base64url')}`;
    expect((await t.api.withKey(forged).get('/api/v1/coupons')).body).toEqual(UNAUTHORIZED_BODY);
  });

  it('exposes Prometheus metrics with http_request_duration_seconds per route', async () => {
    await t.api.get('/api/v1/coupons');
    const response = await fetch(`${t.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/coupons"[^}]*\}/);
  });

  describe('a spawned API process (LOG_LEVEL=info)', () => {
    it('logs JSON lines with a request id, never the bearer key or its secret; keys are revocable from the CLI', async () => {
      ensureBuilt();
      const api = await spawnApi({ DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0' });
      try {
        const key = await createKeyWithCli(t.databaseUrl, `Logs ${randomBytes(4).toString('hex')}`);
        const secret = key.split('_').slice(2).join('_');
        const client = new ApiClient(api.baseUrl, key);
        const requestId = `robustness-${randomBytes(6).toString('hex')}`;
        const idempotencyKey = `idem-${randomBytes(8).toString('hex')}`;
        expectStatus(await client.post('/api/v1/coupons', { coupon: couponParams() }, { 'x-request-id': requestId, 'Idempotency-Key': idempotencyKey }), 200);
        expectStatus(await client.get('/api/v1/coupons/NOPE'), 404);
        expectStatus(await client.withKey(`${key}x`).get('/api/v1/coupons'), 401);

        await promisify(execFile)(process.execPath, [join(__dirname, '../../dist/apps/cli/src/main.js'), 'api-keys:revoke', key], {
          env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' },
        });
        expect((await client.get('/api/v1/coupons')).body).toEqual(UNAUTHORIZED_BODY);
        await new Promise((resolve) => setTimeout(resolve, 300));

        const output = api.stdout() + api.stderr();
        expect(output).not.toContain(secret);
        expect(output).not.toContain(idempotencyKey);
        const lines = api.stdout().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>);
        const requestLines = lines.filter((line) => line.req || line.res || line.responseTime !== undefined);
        expect(requestLines.length).toBeGreaterThanOrEqual(8);
        for (const line of requestLines) expect(typeof line.reqId).toBe('string');
        expect(requestLines.filter((line) => line.reqId === requestId).length).toBeGreaterThanOrEqual(2);
        const incoming = requestLines.filter((line) => line.req?.url === '/api/v1/coupons/NOPE');
        expect(incoming).toHaveLength(1);
      } finally {
        await api.stop();
      }
    }, 120_000);
  });
});
