import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../../apps/api/src/app.factory';
import { ApiKeysService } from '../../apps/api/src/organizations/api-keys.service';
import { ApiClient, ApiResponse } from '../support/api-client';
import { createTestDatabase, testConfig } from '../support/test-app';
import { couponParams, createCoupon, createCustomer, createPlan, expectStatus, uniqueCode } from '../support/factories';
import { postApply } from '../support/apply-factories';
import { targetOf, TcpProxy, viaProxy } from '../support/tcp-proxy';

/** A bound on hangs, not a performance target: a request during an outage must not wait for a TCP timeout. */
const FAIL_FAST_MS = 3000;
/** How long the service may take to notice the database is back. */
const RECOVERY_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sample {
  kind: 'create' | 'apply' | 'get';
  code: string;
  customer?: string;
  startedAt: number;
  ms: number;
  response: ApiResponse;
}

function expectUnavailable(sample: Pick<Sample, 'kind' | 'ms' | 'response'>): void {
  const { response } = sample;
  const context = `${sample.kind} → ${response.status} ${JSON.stringify(response.body)} in ${sample.ms} ms`;
  if (response.status !== 503) throw new Error(`expected 503 during the outage, got ${context}`);
  const { code, ...rest } = response.body ?? {};
  expect(rest).toEqual({ status: 503, error: 'Service Unavailable' });
  if (code !== undefined) expect(typeof code).toBe('string');
  if (sample.ms >= FAIL_FAST_MS) throw new Error(`request hung during the outage: ${context}`);
}

/**
 * The database cut off mid-load through a loopback TCP proxy: requests
 * fail fast with 503 in the API's error shape, /health says so, nothing is half-written, and the service
 * recovers by itself once the database is reachable again. The shared MariaDB itself is never touched.
 */
describe('database outage (TCP proxy between app and MariaDB)', () => {
  let database: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let app: NestFastifyApplication;
  let api: ApiClient;
  let customers: string[];
  let planCode: string;
  let limitedCode: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = targetOf(database.url);
    proxy = new TcpProxy(target.host, target.port);
    await proxy.start();
    // ROBUSTNESS_LOG=1 shows the app's error log (what a 5xx was) when this suite fails.
    app = await createApp(testConfig(viaProxy(database.url, proxy.port), { logLevel: process.env.ROBUSTNESS_LOG ? 'error' : 'silent' }));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { apiKey } = await app.get(ApiKeysService).create('Outage organization');
    api = new ApiClient(`http://127.0.0.1:${port}`, apiKey);
    customers = [];
    for (let i = 0; i < 4; i++) customers.push(...(await Promise.all(Array.from({ length: 10 }, () => createCustomer(api)))).map((c) => c.external_id));
    planCode = (await createPlan(api)).code;
    limitedCode = (await createCoupon(api, { max_redemptions: 1000 })).code;
  });

  afterAll(async () => {
    proxy?.restore();
    await app?.close();
    await proxy?.stop();
    await database?.drop();
  });

  async function timed(kind: Sample['kind'], code: string, run: () => Promise<ApiResponse>, customer?: string): Promise<Sample> {
    const startedAt = Date.now();
    const response = await run();
    return { kind, code, customer, startedAt, ms: Date.now() - startedAt, response };
  }

  /**
   * One client of the load. Clients 0 and 1 create plan-limited coupons (coupon row + target row in one
   * transaction, so a half-write would show), the others apply and read.
   */
  async function worker(id: number, until: () => boolean, samples: Sample[]): Promise<void> {
    for (let i = 0; !until(); i++) {
      if (id <= 1) {
        const code = uniqueCode('OUT');
        const body = { coupon: couponParams({ code, applies_to: { plan_codes: [planCode] } }) };
        samples.push(await timed('create', code, () => api.post('/api/v1/coupons', body)));
      } else if ((id + i) % 2 === 0) {
        const customer = customers[(id * 7 + i) % customers.length];
        samples.push(await timed('apply', limitedCode, () => postApply(api, customer, limitedCode), customer));
      } else {
        samples.push(await timed('get', limitedCode, () => api.get(`/api/v1/coupons/${limitedCode}`)));
      }
    }
  }

  async function dbQuery<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const connection = await createConnection(database.url);
    try {
      return (await connection.query(sql, params))[0] as T[];
    } finally {
      await connection.end();
    }
  }

  it('fails fast with 503 while the database is away, writes nothing by halves, and recovers alone', async () => {
    const samples: Sample[] = [];
    let stop = false;
    const load = Promise.all(Array.from({ length: 6 }, (_, id) => worker(id, () => stop, samples)));

    await sleep(1500);
    const cutAt = Date.now();
    proxy.cut();
    await sleep(3000);

    const health = await timed('get', 'health', () => new ApiClient(api.baseUrl, null).get('/health'));
    expectUnavailable(health);

    const restoredAt = Date.now();
    proxy.restore();
    // Let the load run on against the restored database, then stop it.
    let recovered = false;
    const deadline = Date.now() + RECOVERY_MS;
    while (Date.now() < deadline) {
      const probe = await api.get(`/api/v1/coupons/${limitedCode}`);
      if (probe.status === 200) {
        recovered = true;
        break;
      }
      await sleep(200);
    }
    await sleep(1000);
    stop = true;
    await load;

    expect(recovered).toBe(true);
    expect((await new ApiClient(api.baseUrl, null).get('/health')).status).toBe(200);

    // The load actually met the outage, and succeeded on both sides of it.
    const before = samples.filter((s) => s.startedAt < cutAt);
    const during = samples.filter((s) => s.startedAt >= cutAt + 50 && s.startedAt + s.ms < restoredAt);
    const after = samples.filter((s) => s.startedAt > restoredAt && s.response.status === 200);
    expect(before.some((s) => s.response.status === 200)).toBe(true);
    expect(during.length).toBeGreaterThan(10);
    expect(after.length).toBeGreaterThan(0);

    // Anything the outage touched is a fast 503 in the API error shape; nothing else than 200 or 503 at all.
    for (const sample of samples) {
      if (sample.response.status === 200) continue;
      expectUnavailable(sample);
    }
    for (const sample of during) expectUnavailable(sample);

    // No half-written rows: a create that started during the outage is absent; every stored coupon has its
    // plan target; redemptions_count equals the applied rows; every 200 apply is stored.
    for (const sample of during.filter((s) => s.kind === 'create')) {
      expectStatus(await api.get(`/api/v1/coupons/${sample.code}`), 404);
    }
    const failedCreates = samples.filter((s) => s.kind === 'create' && s.response.status !== 200);
    const okCreates = samples.filter((s) => s.kind === 'create' && s.response.status === 200);
    const coupons = await dbQuery<{ code: string; limited: number; targets: number }>(
      'SELECT c.code, c.limited_plans AS limited, (SELECT COUNT(*) FROM coupon_targets t WHERE t.coupon_id = c.id) AS targets ' +
        "FROM coupons c WHERE c.code LIKE 'OUT-%'",
    );
    const stored = new Map(coupons.map((c) => [c.code, Number(c.targets)]));
    for (const sample of okCreates) expect(stored.has(sample.code)).toBe(true);
    for (const { code, limited, targets } of coupons) expect({ code, limited: Number(limited), targets: Number(targets) }).toEqual({ code, limited: 1, targets: 1 });
    // A create cut between COMMIT and its acknowledgement may be stored whole; all others failed entirely.
    const ambiguous = failedCreates.filter((s) => stored.has(s.code));
    for (const sample of ambiguous) expect(sample.startedAt).toBeLessThan(cutAt);

    const [limited] = await dbQuery<{ redemptions_count: number; applied: number }>(
      'SELECT c.redemptions_count, (SELECT COUNT(*) FROM applied_coupons a WHERE a.coupon_id = c.id) AS applied FROM coupons c WHERE c.code = ?',
      [limitedCode],
    );
    expect(Number(limited.redemptions_count)).toBe(Number(limited.applied));
    const okApplies = samples.filter((s) => s.kind === 'apply' && s.response.status === 200);
    expect(Number(limited.applied)).toBeGreaterThanOrEqual(okApplies.length);
    expect(Number(limited.applied)).toBeLessThanOrEqual(okApplies.length + samples.filter((s) => s.kind === 'apply' && s.startedAt < cutAt && s.response.status !== 200).length);
  }, 90_000);

  it('answers 503 at once when the database is unreachable from the first request, and recovers', async () => {
    proxy.cut();
    try {
      const requests = [
        () => api.get('/api/v1/coupons'),
        () => api.post('/api/v1/coupons', { coupon: couponParams() }),
        () => postApply(api, customers[0], limitedCode),
        () => api.put(`/api/v1/coupons/${limitedCode}`, { coupon: { name: 'Renamed' } }),
        () => api.delete(`/api/v1/coupons/${limitedCode}`),
        () => api.post('/api/v1/customers', { customer: { external_id: uniqueCode('c'), name: 'X' } }),
        () => api.post('/api/v1/coupons', { coupon: couponParams() }, { 'Idempotency-Key': uniqueCode('idem') }),
        () => new ApiClient(api.baseUrl, null).get('/health'),
      ];
      for (const run of requests) expectUnavailable(await timed('get', '-', run));
      // Many at once: the pool must not queue them behind one another until a timeout.
      const burst = await Promise.all(Array.from({ length: 40 }, () => timed('get', '-', () => api.get('/api/v1/coupons'))));
      for (const sample of burst) expectUnavailable(sample);
    } finally {
      proxy.restore();
    }
    let status = 0;
    const deadline = Date.now() + RECOVERY_MS;
    while (Date.now() < deadline && status !== 200) {
      status = (await api.get(`/api/v1/coupons/${limitedCode}`)).status;
      if (status !== 200) await sleep(200);
    }
    expect(status).toBe(200);
    expect((await api.get(`/api/v1/coupons/${limitedCode}`)).body.coupon.name).not.toBe('Renamed');
  }, 60_000);
});
