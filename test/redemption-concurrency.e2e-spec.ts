import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/app.factory';
import { ApiClient, ApiResponse } from './support/api-client';
import { startTestApp, TestApp, testConfig } from './support/test-app';
import { couponCount, couponParams, createCoupon, createCustomer, expectStatus, validationBody } from './support/factories';
import { appliedCouponsOf, applyCoupon, couponByCode, fee, invoiceBody, postApply } from './support/apply-factories';

const PARALLEL = 200;

/**
 * Redemption rules and Idempotency-Key under concurrency: hundreds of simultaneous
 * requests, served by one API process and then by two processes sharing the database.
 */
describe('concurrency', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let secondApi: ApiClient;
  let customers: string[];

  beforeAll(async () => {
    t = await startTestApp();
    second = await createApp(testConfig(t.databaseUrl));
    await second.listen(0, '127.0.0.1');
    const address = second.getHttpServer().address();
    secondApi = new ApiClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, t.apiKey);
    customers = [];
    for (let i = 0; i < PARALLEL; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => createCustomer(t.api)));
      customers.push(...batch.map((customer) => customer.external_id));
    }
  }, 120_000);
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  /** Rows in applied_coupons for the coupon, counted in the database itself. */
  async function appliedRows(lagoCouponId: string): Promise<number> {
    const connection = await createConnection(t.databaseUrl);
    try {
      const [rows] = await connection.query(
        'SELECT COUNT(*) AS n FROM applied_coupons a JOIN coupons c ON c.id = a.coupon_id WHERE c.lago_id = ?',
        [lagoCouponId],
      );
      return Number((rows as { n: number }[])[0].n);
    } finally {
      await connection.end();
    }
  }

  const tally = (responses: ApiResponse[]) => {
    const counts: Record<string, number> = {};
    for (const { status, body } of responses) {
      const key = status === 200 ? '200' : `${status} ${JSON.stringify(body?.error_details ?? body?.code ?? body)}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  };

  describe.each([
    ['one API process', () => [t.api]],
    ['two app instances (two connection pools) on one database', () => [t.api, secondApi]],
  ])('%s', (_label, apis: () => ApiClient[]) => {
    it(`never exceeds max_redemptions: ${PARALLEL} customers race for 50 redemptions`, async () => {
      const coupon = await createCoupon(t.api, { max_redemptions: 50 });
      const clients = apis();
      const responses = await Promise.all(customers.map((customer, i) => postApply(clients[i % clients.length], customer, coupon.code)));
      expect(tally(responses)).toEqual({ 200: 50, [`422 ${JSON.stringify({ coupon: ['max_redemptions_reached'] })}`]: PARALLEL - 50 });
      for (const response of responses.filter(({ status }) => status !== 200)) {
        expect(response.body).toEqual(validationBody({ coupon: ['max_redemptions_reached'] }));
      }
      expect((await couponByCode(t.api, coupon.code)).redemptions_count).toBe(50);
      expect(await appliedRows(coupon.lago_id)).toBe(50);
      const winners = new Set(responses.filter(({ status }) => status === 200).map(({ body }) => body.applied_coupon.external_customer_id));
      expect(winners.size).toBe(50);
    });

    it(`applies a reusable:false coupon once when ${PARALLEL} applies for one customer race`, async () => {
      const coupon = await createCoupon(t.api, { reusable: false });
      const clients = apis();
      const customer = customers[0];
      const responses = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => postApply(clients[i % clients.length], customer, coupon.code)));
      expect(tally(responses)).toEqual({ 200: 1, [`422 ${JSON.stringify({ coupon: ['coupon_is_not_reusable'] })}`]: PARALLEL - 1 });
      expect((await couponByCode(t.api, coupon.code)).redemptions_count).toBe(1);
      expect(await appliedRows(coupon.lago_id)).toBe(1);
    });
  });

  it('lets one of 20 coupons limited to the same plan through when they race for one customer', async () => {
    const plan = expectStatus(await t.api.post('/api/v1/plans', { plan: { name: 'Pro', code: 'race-plan', interval: 'monthly', amount_cents: 100, amount_currency: 'EUR' } }), 200).body.plan;
    const coupons = [];
    for (let i = 0; i < 20; i++) coupons.push(await createCoupon(t.api, { applies_to: { plan_codes: [plan.code] } }));
    const customer = (await createCustomer(t.api)).external_id;
    const responses = await Promise.all(coupons.map((coupon, i) => postApply(i % 2 ? secondApi : t.api, customer, coupon.code)));
    expect(tally(responses)).toEqual({ 200: 1, '405 "plan_overlapping"': 19 });
  });

  it('counts every redemption while PUTs edit the coupon during the applies', async () => {
    const coupon = await createCoupon(t.api);
    let applying = true;
    const edited: number[] = [];
    // Editors keep re-saving the coupon for as long as the applies run, so each apply races an edit.
    const editor = async () => {
      while (applying) edited.push((await t.api.put(`/api/v1/coupons/${coupon.code}`, { coupon: { description: `edit ${edited.length}` } })).status);
    };
    const applies = Promise.all(customers.slice(0, 80).map((customer) => postApply(t.api, customer, coupon.code))).finally(() => {
      applying = false;
    });
    const [applied] = await Promise.all([applies, editor(), editor(), editor(), editor()]);
    expect(new Set(edited)).toEqual(new Set([200]));
    expect(tally(applied)).toEqual({ 200: 80 });
    expect(await appliedRows(coupon.lago_id)).toBe(80);
    expect((await couponByCode(t.api, coupon.code)).redemptions_count).toBe(80);
  });

  it("never spends more than a fixed once coupon's amount when one customer's invoices are committed at once", async () => {
    const customer = (await createCustomer(t.api)).external_id;
    const applied = await applyCoupon(t.api, customer, (await createCoupon(t.api)).code);
    const commits = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      (i % 2 ? secondApi : t.api).post('/api/v1/invoice_discounts', invoiceBody(customer, [fee('f', 400)], { external_invoice_id: `PAR-${i}` }))));
    expect(commits.map(({ status }) => status)).toEqual(Array(10).fill(200));
    const taken = commits.map(({ body }) => body.invoice_discount.coupons_amount_cents).sort((a, b) => b - a);
    expect(taken).toEqual([400, 400, 200, 0, 0, 0, 0, 0, 0, 0]);
    const listed = (await appliedCouponsOf(t.api, customer)).find((row) => row.lago_id === applied.lago_id);
    expect(listed).toMatchObject({ status: 'terminated', amount_cents_remaining: 0 });
    expect(listed.credits.map((credit: any) => credit.amount_cents).sort((a: number, b: number) => b - a)).toEqual([400, 400, 200]);

    const exhausting = commits.find(({ body }) => body.invoice_discount.coupons_amount_cents === 200)!.body.invoice_discount.external_invoice_id;
    const voids = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? secondApi : t.api).post(`/api/v1/invoice_discounts/${exhausting}/void`)));
    expect(voids.map(({ status }) => status)).toEqual(Array(10).fill(200));
    expect((await appliedCouponsOf(t.api, customer)).find((row) => row.lago_id === applied.lago_id)).toMatchObject({ status: 'active', amount_cents_remaining: 200 });
  });

  it('records an invoice once when the same commit arrives 10 times at once', async () => {
    const customer = (await createCustomer(t.api)).external_id;
    await applyCoupon(t.api, customer, (await createCoupon(t.api)).code);
    const body = invoiceBody(customer, [fee('f', 300)]);
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? secondApi : t.api).post('/api/v1/invoice_discounts', body)));
    expect(responses.map(({ status }) => status)).toEqual(Array(10).fill(200));
    for (const response of responses) expect(response.body).toEqual(responses[0].body);
    expect((await appliedCouponsOf(t.api, customer))[0]).toMatchObject({ amount_cents_remaining: 700 });
  });

  describe('Idempotency-Key', () => {
    const create = (api: ApiClient, key: string, body: unknown) => api.post('/api/v1/coupons', body, { 'Idempotency-Key': key });

    it('creates one coupon for 20 simultaneous retries across two processes, all answered identically', async () => {
      const before = await couponCount(t.api);
      const body = { coupon: couponParams() };
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => create(i % 2 ? secondApi : t.api, 'create-once', body)));
      expect(responses.map(({ status }) => status)).toEqual(Array(20).fill(200));
      for (const response of responses) expect(response.body).toEqual(responses[0].body);
      expect(await couponCount(t.api)).toBe(before + 1);
    });

    it('refuses the same key with another body, and replays the first body afterwards', async () => {
      const body = { coupon: couponParams() };
      const first = expectStatus(await create(t.api, 'changed-body', body), 200);
      const other = await create(t.api, 'changed-body', { coupon: { ...body.coupon, name: 'Other' } });
      expect({ status: other.status, body: other.body }).toEqual({ status: 422, body: validationBody({ idempotency_key: ['value_is_invalid'] }) });
      const reordered = Object.fromEntries(Object.entries(body.coupon).reverse());
      expect((await create(t.api, 'changed-body', { coupon: reordered })).body).toEqual(first.body);
    });

    it('answers 400 for a body nested too deep to fingerprint, and claims nothing', async () => {
      const depth = 100_000;
      const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const response = await fetch(`${t.baseUrl}/api/v1/coupons`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.apiKey}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'too-deep' },
        body: `{"coupon":${nested}}`,
      });
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 400,
        body: { status: 400, error: 'BadRequest: param is missing or the value is empty or invalid: coupon' },
      });
      const retry = await create(t.api, 'too-deep', { coupon: couponParams() });
      expect(retry.status).toBe(200);
    });

    it('replays a 4xx even after the cause is gone', async () => {
      const customer = await createCustomer(t.api);
      const code = `LATER-${process.pid}`;
      const headers = { 'Idempotency-Key': 'apply-before-create' };
      const first = await postApply(t.api, customer.external_id, code, {}, headers);
      expect(first.status).toBe(404);
      await createCoupon(t.api, { code });
      const retry = await postApply(t.api, customer.external_id, code, {}, headers);
      expect({ status: retry.status, body: retry.body }).toEqual({ status: first.status, body: first.body });
      expect(expectStatus(await postApply(t.api, customer.external_id, code, {}, { 'Idempotency-Key': 'another' }), 200).body.applied_coupon.coupon_code).toBe(code);
    });

    it('lets a retry take over a claim left unanswered for more than five minutes (a request cut off mid-way)', async () => {
      const body = { coupon: couponParams() };
      const first = expectStatus(await create(t.api, 'cut-off', body), 200);
      // As if the first request had been cut off before its response was stored, a while ago.
      await t.app.get(DataSource).query(
        "UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, created_at = NOW(3) - INTERVAL 6 MINUTE WHERE response_body LIKE ?",
        [`%${first.body.coupon.lago_id}%`],
      );
      const retry = await create(t.api, 'cut-off', body);
      // Run again rather than replayed or refused as busy: the code is now taken by the first run.
      expect({ status: retry.status, body: retry.body }).toEqual({ status: 422, body: validationBody({ code: ['value_already_exist'] }) });
      expect((await create(t.api, 'cut-off', body)).body).toEqual(retry.body);
    });

    it('scopes keys per organization', async () => {
      const other = t.api.withKey(await t.newApiKey());
      const body = { coupon: couponParams() };
      const mine = expectStatus(await create(t.api, 'shared-key', body), 200).body.coupon;
      const theirs = expectStatus(await create(other, 'shared-key', body), 200).body.coupon;
      expect(theirs.lago_id).not.toBe(mine.lago_id);
      expect(await couponCount(other)).toBe(1);
    });
  });
});
