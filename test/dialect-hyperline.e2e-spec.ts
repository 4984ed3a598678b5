import type { ApiClient } from './support/api-client';
import { applyCoupon, postApply } from './support/apply-factories';
import { createCoupon, createCustomer, createPercentageCoupon, expectStatus, isoIn, ISO_SECONDS, UUID } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const AMOUNT_KEYS = ['id', 'name', 'description', 'expiration_date', 'redemption_limit', 'created_at', 'type', 'discount_amount', 'currency'];
const PERCENT_KEYS = ['id', 'name', 'description', 'expiration_date', 'redemption_limit', 'created_at', 'type', 'discount_percent'];

/** Hyperline's create-coupon example, as its clients send it. */
function hyperlineCoupon(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Partner discount',
    description: 'For partners',
    expiration_date: isoIn(30),
    redemption_limit: 10,
    type: 'amount',
    discount_amount: 2000,
    currency: 'EUR',
    ...overrides,
  };
}

/** The Hyperline dialect at /hyperline/v1/coupons: the same coupons as Lago's API, in Hyperline's wire shape. */
describe('Hyperline dialect: coupons', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const create = async (api: ApiClient, body: Record<string, unknown>) => expectStatus(await api.post('/hyperline/v1/coupons', body), 201).body;
  /** The Lago dialect's view of a coupon, found by its `lago_id`. */
  const lagoCoupon = async (api: ApiClient, lagoId: string) =>
    expectStatus(await api.get('/api/v1/coupons?per_page=1000'), 200).body.coupons.find((coupon: { lago_id: string }) => coupon.lago_id === lagoId);

  describe('POST /hyperline/v1/coupons', () => {
    it('answers 201 with every field of the create reference, in its order', async () => {
      const body = hyperlineCoupon();
      const coupon = await create(t.api, body);
      expect(Object.keys(coupon)).toEqual(AMOUNT_KEYS);
      expect(coupon).toEqual({ id: expect.stringMatching(UUID), ...body, created_at: expect.stringMatching(ISO_SECONDS) });
    });

    it('stores the coupon the engine knows: fixed amount, forever, expiring at expiration_date, limited by redemption_limit', async () => {
      const coupon = await create(t.api, hyperlineCoupon({ discount_amount: 150, currency: 'JPY', redemption_limit: 3 }));
      const listed = await lagoCoupon(t.api, coupon.id);
      expect(expectStatus(await t.api.get(`/api/v1/coupons/${encodeURIComponent(listed.code)}`), 200).body).toEqual({ coupon: listed });
      expect(listed).toMatchObject({
        lago_id: coupon.id,
        name: 'Partner discount',
        code: expect.stringMatching(/^[A-Z0-9-]+$/),
        coupon_type: 'fixed_amount',
        amount_cents: 150,
        amount_currency: 'JPY',
        frequency: 'forever',
        expiration: 'time_limit',
        expiration_at: coupon.expiration_date,
        max_redemptions: 3,
        redemptions_count: 0,
        created_at: coupon.created_at,
      });
    });

    it('accepts null, or no key at all, for the nullable fields', async () => {
      for (const body of [
        hyperlineCoupon({ description: null, expiration_date: null, redemption_limit: null }),
        { name: 'Bare', type: 'amount', discount_amount: 1, currency: 'USD' },
      ]) {
        const coupon = await create(t.api, body);
        expect(coupon).toMatchObject({ description: null, expiration_date: null, redemption_limit: null });
        expect(await lagoCoupon(t.api, coupon.id)).toMatchObject({ expiration: 'no_expiration', expiration_at: null, max_redemptions: null });
      }
    });

    it('creates percent coupons (type "percent", discount_percent)', async () => {
      const coupon = await create(t.api, { name: 'Launch', type: 'percent', discount_percent: 12.5, description: null, expiration_date: null, redemption_limit: null });
      expect(Object.keys(coupon)).toEqual(PERCENT_KEYS);
      expect(coupon).toMatchObject({ type: 'percent', discount_percent: 12.5 });
      expect(await lagoCoupon(t.api, coupon.id)).toMatchObject({ coupon_type: 'percentage', percentage_rate: '12.5', amount_cents: null });
    });

    it('ignores fields Hyperline has no use for, and the amount fields of a percent coupon', async () => {
      const coupon = await create(t.api, { name: 'Extra', type: 'percent', discount_percent: 5, discount_amount: 100, currency: 'HRK', code: 'MINE', product_ids: null });
      expect(coupon).toMatchObject({ type: 'percent', discount_percent: 5 });
      expect((await lagoCoupon(t.api, coupon.id)).code).not.toBe('MINE');
    });

    it('replays a retried create with the same Idempotency-Key byte for byte, status included', async () => {
      const headers = { 'idempotency-key': `hl-${Date.now()}` };
      const first = await t.api.post('/hyperline/v1/coupons', hyperlineCoupon(), headers);
      const again = await t.api.post('/hyperline/v1/coupons', hyperlineCoupon(), headers);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      const other = await t.api.post('/hyperline/v1/coupons', hyperlineCoupon({ name: 'Other' }), headers);
      expect(other.status).toBe(422);
      expect(other.body).toEqual({ message: expect.stringContaining('Idempotency-Key') });
    });
  });

  describe('GET /hyperline/v1/coupons/:id', () => {
    it('returns a coupon created by the Lago dialect, by its lago_id', async () => {
      const fixed = await createCoupon(t.api, { amount_cents: 999, amount_currency: 'USD', max_redemptions: 7, description: 'From Lago' });
      const response = expectStatus(await t.api.get(`/hyperline/v1/coupons/${fixed.lago_id}`), 200);
      expect(response.body).toEqual({
        id: fixed.lago_id,
        name: fixed.name,
        description: 'From Lago',
        expiration_date: null,
        redemption_limit: 7,
        created_at: fixed.created_at,
        type: 'amount',
        discount_amount: 999,
        currency: 'USD',
      });
      const percent = await createPercentageCoupon(t.api, { percentage_rate: '33.33' });
      expect((await t.api.get(`/hyperline/v1/coupons/${percent.lago_id}`)).body).toMatchObject({ type: 'percent', discount_percent: 33.33 });
    });

    it("is a 404 for an unknown id, a code, or another organization's coupon", async () => {
      const coupon = await create(t.api, hyperlineCoupon());
      const stranger = t.api.withKey(await t.newApiKey());
      const lago = await lagoCoupon(t.api, coupon.id);
      for (const [api, id] of [[t.api, '00000000-0000-4000-8000-000000000000'], [t.api, 'not-a-uuid'], [t.api, lago.code], [stranger, coupon.id]] as const) {
        const response = await api.get(`/hyperline/v1/coupons/${id}`);
        expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: { message: 'Coupon not found' } });
      }
    });
  });

  describe('GET /hyperline/v1/coupons', () => {
    let api: ApiClient;
    let lagoOrder: string[];
    beforeAll(async () => {
      api = t.api.withKey(await t.newApiKey());
      for (let i = 0; i < 7; i++) await create(api, hyperlineCoupon({ name: `Listed ${i}`, expiration_date: i % 2 ? isoIn(10 + i) : null }));
      await createCoupon(api);
      lagoOrder = expectStatus(await api.get('/api/v1/coupons'), 200).body.coupons.map((coupon: { lago_id: string }) => coupon.lago_id);
    });

    it("answers Hyperline's envelope, 50 by default, in the Lago list's order", async () => {
      const { body } = expectStatus(await api.get('/hyperline/v1/coupons'), 200);
      expect(Object.keys(body)).toEqual(['meta', 'data']);
      expect(body.meta).toEqual({ total: 8, taken: 8, skipped: 0 });
      expect(body.data.map((coupon: { id: string }) => coupon.id)).toEqual(lagoOrder);
    });

    it('windows with take and skip', async () => {
      const { body } = expectStatus(await api.get('/hyperline/v1/coupons?take=3&skip=2'), 200);
      expect(body.meta).toEqual({ total: 8, taken: 3, skipped: 2 });
      expect(body.data.map((coupon: { id: string }) => coupon.id)).toEqual(lagoOrder.slice(2, 5));
      expect((await api.get('/hyperline/v1/coupons?take=0')).body).toEqual({ meta: { total: 8, taken: 0, skipped: 0 }, data: [] });
      expect((await api.get('/hyperline/v1/coupons?skip=8')).body).toEqual({ meta: { total: 8, taken: 0, skipped: 8 }, data: [] });
      expect((await api.get('/hyperline/v1/coupons?take=100&skip=6')).body.meta).toEqual({ total: 8, taken: 2, skipped: 6 });
    });

    it.each(['take=101', 'take=-1', 'take=1.5', 'take=abc', 'take=', 'skip=-1', 'skip=99999999999999999', 'take=1&take=2'])('refuses %s with a 400', async (query) => {
      const response = await api.get(`/hyperline/v1/coupons?${query}`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message: expect.stringMatching(/^(take|skip) must be an integer from 0 to \d+$/) });
    });

    it('shows only the caller\'s organization', async () => {
      const stranger = t.api.withKey(await t.newApiKey());
      expect((await stranger.get('/hyperline/v1/coupons')).body).toEqual({ meta: { total: 0, taken: 0, skipped: 0 }, data: [] });
    });
  });

  describe('DELETE /hyperline/v1/coupons/:id', () => {
    it('deletes the coupon for every dialect and stops its applications', async () => {
      const coupon = await create(t.api, hyperlineCoupon());
      const { code } = await lagoCoupon(t.api, coupon.id);
      const customer = await createCustomer(t.api);
      const applied = await applyCoupon(t.api, customer.external_id, code);
      expect(applied).toMatchObject({ status: 'active', amount_cents: 2000, amount_currency: 'EUR', frequency: 'forever' });

      const response = expectStatus(await t.api.delete(`/hyperline/v1/coupons/${coupon.id}`), 200);
      expect(response.body).toEqual({ message: 'Coupon deleted' });
      expect((await t.api.get(`/hyperline/v1/coupons/${coupon.id}`)).status).toBe(404);
      expect((await t.api.get(`/api/v1/coupons/${code}`)).status).toBe(404);
      const [stopped] = expectStatus(await t.api.get(`/api/v1/customers/${customer.external_id}/applied_coupons`), 200).body.applied_coupons;
      expect(stopped).toMatchObject({ lago_id: applied.lago_id, status: 'terminated' });
      expect(await t.api.delete(`/hyperline/v1/coupons/${coupon.id}`)).toMatchObject({ status: 404, body: { message: 'Coupon not found' } });
    });

    it('deletes a coupon created by the Lago dialect', async () => {
      const coupon = await createCoupon(t.api);
      expectStatus(await t.api.delete(`/hyperline/v1/coupons/${coupon.lago_id}`), 200);
      expect((await t.api.get(`/api/v1/coupons/${coupon.code}`)).status).toBe(404);
    });
  });

  it('enforces redemption_limit when the coupon is applied, as for any coupon', async () => {
    const coupon = await create(t.api, hyperlineCoupon({ redemption_limit: 1 }));
    const { code } = await lagoCoupon(t.api, coupon.id);
    await applyCoupon(t.api, (await createCustomer(t.api)).external_id, code);
    const refused = await postApply(t.api, (await createCustomer(t.api)).external_id, code);
    expect(refused.status).toBe(422);
    expect(refused.body.error_details).toEqual({ coupon: ['max_redemptions_reached'] });
  });
});
