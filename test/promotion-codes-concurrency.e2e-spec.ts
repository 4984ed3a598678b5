import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../apps/api/src/app.factory';
import { ApiClient, ApiResponse } from './support/api-client';
import { startTestApp, TestApp, testConfig } from './support/test-app';
import { createCoupon, createCustomer, expectStatus } from './support/factories';
import { couponByCode } from './support/apply-factories';
import { createPromotionCode, postApplyByPromotionCode, promotionCodeByCode } from './support/promotion-code-factories';

const PARALLEL = 200;

/**
 * Redemption limits of promotion codes under concurrency: hundreds of simultaneous applies of one code,
 * served by one API process, then spread over two app instances (two connection pools) on one database.
 */
describe('promotion codes under concurrency', () => {
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
    await second?.close();
    await t?.close();
  });

  /** Applied coupons redeemed through the code, counted in the database itself. */
  async function appliedThrough(lagoId: string): Promise<number> {
    const connection = await createConnection(t.databaseUrl);
    try {
      const [rows] = await connection.query(
        'SELECT COUNT(*) AS n FROM applied_coupons a JOIN promotion_codes p ON p.id = a.promotion_code_id WHERE p.lago_id = ?',
        [lagoId],
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

  it(`lets exactly one of ${PARALLEL} parallel applies of a single-use code through`, async () => {
    const coupon = await createCoupon(t.api);
    const code = await createPromotionCode(t.api, coupon.code, { max_redemptions: 1 });
    // Typed in either case: they are the same code.
    const responses = await Promise.all(customers.map((customer, i) => postApplyByPromotionCode(t.api, customer, i % 2 ? code.code : code.code.toLowerCase())));
    expect(tally(responses)).toEqual({ 200: 1, [`422 ${JSON.stringify({ promotion_code: ['max_redemptions_reached'] })}`]: PARALLEL - 1 });
    expect((await promotionCodeByCode(t.api, code.code)).redemptions_count).toBe(1);
    expect((await couponByCode(t.api, coupon.code)).redemptions_count).toBe(1);
    expect(await appliedThrough(code.lago_id)).toBe(1);
  });

  it("stops at the coupon's 3 redemptions when its code allows 5, with the applies spread over two app instances", async () => {
    const coupon = await createCoupon(t.api, { max_redemptions: 10 });
    const code = await createPromotionCode(t.api, coupon.code, { max_redemptions: 5 });
    // Lowered after the code was made: the coupon's own limit still holds.
    expectStatus(await t.api.put(`/api/v1/coupons/${coupon.code}`, { coupon: { max_redemptions: 3 } }), 200);
    const clients = [t.api, secondApi];
    const responses = await Promise.all(customers.map((customer, i) => postApplyByPromotionCode(clients[i % 2], customer, code.code)));
    expect(tally(responses)).toEqual({ 200: 3, [`422 ${JSON.stringify({ coupon: ['max_redemptions_reached'] })}`]: PARALLEL - 3 });
    expect((await promotionCodeByCode(t.api, code.code)).redemptions_count).toBe(3);
    expect((await couponByCode(t.api, coupon.code)).redemptions_count).toBe(3);
    expect(await appliedThrough(code.lago_id)).toBe(3);
  });

  it('keeps the code and its coupon counting together when codes of one coupon and the coupon itself race', async () => {
    const coupon = await createCoupon(t.api, { max_redemptions: 40 });
    const codes = [await createPromotionCode(t.api, coupon.code, { max_redemptions: 15 }), await createPromotionCode(t.api, coupon.code)];
    const clients = [t.api, secondApi];
    const responses = await Promise.all(customers.map((customer, i) => {
      const client = clients[i % 2];
      return i % 3 === 2
        ? client.post('/api/v1/applied_coupons', { applied_coupon: { external_customer_id: customer, coupon_code: coupon.code } })
        : postApplyByPromotionCode(client, customer, codes[i % 3].code);
    }));
    expect(responses.filter(({ status }) => status === 200)).toHaveLength(40);
    expect(responses.every(({ status }) => status === 200 || status === 422)).toBe(true);
    const counted = await Promise.all(codes.map(async (code) => [(await promotionCodeByCode(t.api, code.code)).redemptions_count, await appliedThrough(code.lago_id)]));
    for (const [count, rows] of counted) expect(count).toBe(rows);
    expect(counted[0][0]).toBeLessThanOrEqual(15);
    expect((await couponByCode(t.api, coupon.code)).redemptions_count).toBe(40);
  });
});
