import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { ApiClient, ApiResponse } from '../support/api-client';
import { createTestDatabase, startTestApp, TestApp } from '../support/test-app';
import { couponCount, couponParams, createCoupon, createCustomer, createPlan, expectStatus, uniqueCode, validationBody } from '../support/factories';
import { couponByCode, postApply } from '../support/apply-factories';
import { ApiProcess, createKeyWithCli, ensureBuilt, spawnApi } from './support/processes';

const CREATES = 30;
const APPLIES = 30;
const LIMIT = 7;
const RETRIES = 20;

/** Status and body, for comparing a whole set of racing responses at once. */
const tally = (responses: ApiResponse[]) => {
  const counts: Record<string, number> = {};
  for (const { status, body } of responses) {
    const key = status === 200 ? '200' : `${status} ${JSON.stringify(body)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

async function countRows(databaseUrl: string, sql: string, params: unknown[]): Promise<number> {
  const connection = await createConnection(databaseUrl);
  try {
    const [rows] = await connection.query(sql, params);
    return Number((rows as { n: number }[])[0].n);
  } finally {
    await connection.end();
  }
}

/**
 * The race rules (unique codes, max_redemptions, reusable, idempotency), first in one process, then
 * across two API processes started from the build on one database: requests are split between them,
 * so only what lives in the database (unique codes, conditional redemption counts, idempotency
 * claims) can keep them right.
 */
function raceRules(setup: () => { clients: ApiClient[]; databaseUrl: string }) {
  let clients: ApiClient[];
  let databaseUrl: string;
  let customers: string[];
  const client = (i: number) => clients[i % clients.length];

  beforeAll(async () => {
    ({ clients, databaseUrl } = setup());
    customers = [];
    for (let i = 0; i < APPLIES; i += 10) {
      customers.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => createCustomer(client(i + j))))).map((c) => c.external_id));
    }
  });

  it(`${CREATES} parallel creates with one code → exactly one coupon`, async () => {
    const code = uniqueCode('RACE');
    const responses = await Promise.all(Array.from({ length: CREATES }, (_, i) => client(i).post('/api/v1/coupons', { coupon: couponParams({ code }) })));
    expect(tally(responses)).toEqual({ 200: 1, [`422 ${JSON.stringify(validationBody({ code: ['value_already_exist'] }))}`]: CREATES - 1 });
    expect(await countRows(databaseUrl, 'SELECT COUNT(*) AS n FROM coupons WHERE code = ?', [code])).toBe(1);
    expect((await couponByCode(client(1), code)).lago_id).toBe(responses.find((r) => r.status === 200)!.body.coupon.lago_id);
  });

  it(`${APPLIES} parallel applies of a coupon limited to ${LIMIT} redemptions → exactly ${LIMIT}`, async () => {
    const coupon = await createCoupon(client(0), { max_redemptions: LIMIT });
    const responses = await Promise.all(customers.map((customer, i) => postApply(client(i), customer, coupon.code)));
    expect(tally(responses)).toEqual({ 200: LIMIT, [`422 ${JSON.stringify(validationBody({ coupon: ['max_redemptions_reached'] }))}`]: APPLIES - LIMIT });
    expect((await couponByCode(client(1), coupon.code)).redemptions_count).toBe(LIMIT);
    const applied = 'SELECT COUNT(*) AS n FROM applied_coupons a JOIN coupons c ON c.id = a.coupon_id WHERE c.lago_id = ?';
    expect(await countRows(databaseUrl, applied, [coupon.lago_id])).toBe(LIMIT);
  });

  it(`${RETRIES} parallel POSTs with one Idempotency-Key → one effect, identical responses`, async () => {
    const before = await couponCount(client(0));
    const key = `idem-${randomBytes(8).toString('hex')}`;
    // No code: without the key every request would create a coupon of its own, under a generated code.
    const { code: _omitted, ...params } = couponParams();
    const responses = await Promise.all(Array.from({ length: RETRIES }, (_, i) => client(i).post('/api/v1/coupons', { coupon: params }, { 'Idempotency-Key': key })));
    expect(tally(responses)).toEqual({ 200: RETRIES });
    for (const response of responses) expect(response.body).toEqual(responses[0].body);
    expect(await couponCount(client(1))).toBe(before + 1);
    // A later retry still replays; the same key with another body is refused.
    expect((await client(1).post('/api/v1/coupons', { coupon: params }, { 'Idempotency-Key': key })).body).toEqual(responses[0].body);
    const other = await client(0).post('/api/v1/coupons', { coupon: { ...params, name: 'Other' } }, { 'Idempotency-Key': key });
    expect(other.body).toEqual(validationBody({ idempotency_key: ['value_is_invalid'] }));
  });

  it(`${RETRIES} parallel idempotent applies → one applied coupon, one redemption`, async () => {
    const coupon = await createCoupon(client(0), { max_redemptions: 100 });
    const key = `idem-${randomBytes(8).toString('hex')}`;
    const responses = await Promise.all(Array.from({ length: RETRIES }, (_, i) => postApply(client(i), customers[0], coupon.code, {}, { 'Idempotency-Key': key })));
    expect(tally(responses)).toEqual({ 200: RETRIES });
    expect(new Set(responses.map((r) => r.body.applied_coupon.lago_id)).size).toBe(1);
    expect((await couponByCode(client(1), coupon.code)).redemptions_count).toBe(1);
  });

  // Regression: CouponTargetsService.replace used to DELETE a new coupon's (absent) targets first; the gap
  // lock that takes made concurrent plan-limited creates deadlock on their INSERTs, and the create did not
  // retry → 11 of 12 answered 500 before the fix.
  it('parallel creates of plan-limited coupons (distinct codes) all succeed', async () => {
    const plan = await createPlan(client(0));
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => client(i).post('/api/v1/coupons', { coupon: couponParams({ applies_to: { plan_codes: [plan.code] } }) })),
    );
    expect(tally(responses)).toEqual({ 200: 12 });
  });
}

describe('races in one API process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());
  raceRules(() => ({ clients: [t.api], databaseUrl: t.databaseUrl }));
});

describe('races across two API processes (node dist/apps/api/src/main.js ×2) on one database', () => {
  let database: { url: string; drop(): Promise<void> };
  let processes: ApiProcess[] = [];
  let clients: ApiClient[];

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase();
    // Started together: their migrations race too, and must not trip over each other.
    processes = await Promise.all([0, 1].map(() => spawnApi({ DATABASE_URL: database.url, RATE_LIMIT_PER_MINUTE: '0' })));
    const key = await createKeyWithCli(database.url, `Scale-out ${randomBytes(4).toString('hex')}`);
    clients = processes.map((p) => new ApiClient(p.baseUrl, key));
    expectStatus(await clients[1].get('/api/v1/coupons'), 200);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await database?.drop();
  });

  raceRules(() => ({ clients, databaseUrl: database.url }));
});
