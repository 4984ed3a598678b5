import { DataSource } from 'typeorm';
import { ApiKeysService } from '../apps/api/src/organizations/api-keys.service';
import { CreateBillableMetricService } from '../apps/api/src/catalog/create-billable-metric.service';
import { CreatePlanService } from '../apps/api/src/catalog/create-plan.service';
import { UpsertCustomerService } from '../apps/api/src/catalog/upsert-customer.service';
import { CouponsRepository } from '../apps/api/src/coupons/coupons.repository';
import { SeedService } from '../apps/cli/src/commands/seed.service';
import type { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';
import { createCoupon, expectStatus, notFoundBody } from './support/factories';
import { TransactionRunner } from '../apps/api/src/database/transactions';
import { EventsRecorder } from '../apps/api/src/events/events.recorder';

/** GET one and GET list: lookups by code, Lago's order, pagination edges, filters. */
describe('reading coupons', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const codesOf = async (api: ApiClient, query = '') =>
    expectStatus(await api.get(`/api/v1/coupons${query}`), 200).body.coupons.map((coupon: { code: string }) => coupon.code);

  async function newOrganization(): Promise<ApiClient> {
    return t.api.withKey(await t.newApiKey());
  }

  describe('GET /api/v1/coupons/:code', () => {
    it.each(['summer.sale-2024_v1', 'ça-va', "o'brien", '50%off', 'a+b', 'x?y#z', 'ü.🎟'])('finds %j by its URL-encoded code', async (code) => {
      const coupon = await createCoupon(t.api, { code });
      const response = expectStatus(await t.api.get(`/api/v1/coupons/${encodeURIComponent(code)}`), 200);
      expect(response.body).toEqual({ coupon });
    });

    it('decodes percent-encoded dots, dashes and underscores', async () => {
      const coupon = await createCoupon(t.api, { code: 'dots.and-dashes_x' });
      expect((await t.api.get('/api/v1/coupons/dots%2Eand%2Ddashes%5Fx')).body).toEqual({ coupon });
    });

    it('finds a 255-character multi-byte code', async () => {
      const code = 'é'.repeat(255);
      const coupon = await createCoupon(t.api, { code });
      expect((await t.api.get(`/api/v1/coupons/${encodeURIComponent(code)}`)).body).toEqual({ coupon });
    });

    it.each(['nope', 'NOPE-%E2%82', '%', '%zz', '%E0%A4%A', 'a%2Fb'])('answers 404 coupon_not_found to %j', async (path) => {
      const response = await t.api.get(`/api/v1/coupons/${path}`);
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
    });

    it('answers 404 in the error shape to a path segment longer than the router accepts', async () => {
      const response = await t.api.get(`/api/v1/coupons/${'x'.repeat(1100)}`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ status: 404, error: 'Not Found' });
    });
  });

  describe('list order', () => {
    it('is active first, no_expiration first, expiration_at ascending, newest first, then id', async () => {
      const api = await newOrganization();
      const make = (code: string, extra: Record<string, unknown> = {}) => createCoupon(api, { code, ...extra });
      const limited = (date: string) => ({ expiration: 'time_limit', expiration_at: date });
      for (const code of ['G', 'H', 'I']) await make(code);
      await make('A');
      await make('B');
      await make('C', limited('2099-03-01T00:00:00Z'));
      await make('D', limited('2099-01-01T00:00:00Z'));
      await make('D2', limited('2099-01-01T00:00:00Z'));
      await make('E');
      await make('F', limited('2098-01-01T00:00:00Z'));
      for (const code of ['E', 'F']) expectStatus(await api.post(`/api/v1/coupons/${code}/terminate`), 200);
      const dataSource = t.app.get(DataSource);
      // G, H and I share one created_at (the id decides); A is made the newest although it was created after them.
      await dataSource.query("UPDATE coupons SET created_at = '2020-05-05 05:05:05.000' WHERE code IN ('G', 'H', 'I')");
      await dataSource.query("UPDATE coupons SET created_at = '2098-01-01 00:00:00.000' WHERE code = 'A'");

      const expected = ['A', 'B', 'I', 'H', 'G', 'D2', 'D', 'C', 'E', 'F'];
      expect(await codesOf(api)).toEqual(expected);
      const paged: string[] = [];
      for (let page = 1; page <= 4; page++) paged.push(...(await codesOf(api, `?per_page=3&page=${page}`)));
      expect(paged).toEqual(expected);
      expect(await codesOf(api, '?status=terminated')).toEqual(['E', 'F']);
      expect(await codesOf(api, '?status=active')).toEqual(expected.slice(0, 8));
      expect(await codesOf(api, '?status=deleted')).toEqual(expected);
      expect(await codesOf(api, '?status=')).toEqual(expected);
    });
  });

  describe('pagination', () => {
    let api: ApiClient;
    beforeAll(async () => {
      api = await newOrganization();
      for (let i = 0; i < 3; i++) await createCoupon(api);
    });

    const meta = (current: number, next: number | null, prev: number | null, pages: number, count: number) => ({
      current_page: current, next_page: next, prev_page: prev, total_pages: pages, total_count: count,
    });

    it.each([
      ['', 3, meta(1, null, null, 1, 3)],
      ['?per_page=1', 1, meta(1, 2, null, 3, 3)],
      ['?per_page=1&page=2', 1, meta(2, 3, 1, 3, 3)],
      ['?per_page=1&page=3', 1, meta(3, null, 2, 3, 3)],
      ['?per_page=2&page=2', 1, meta(2, null, 1, 2, 3)],
      ['?page=2', 0, meta(2, null, null, 1, 3)],
      ['?per_page=1&page=99', 0, meta(99, null, null, 3, 3)],
      ['?page=abc&per_page=xyz', 3, meta(1, null, null, 1, 3)],
      ['?page=0&per_page=0', 3, meta(1, null, null, 1, 3)],
      ['?page=-1&per_page=-5', 3, meta(1, null, null, 1, 3)],
      ['?page=99999999999999999999', 0, meta(Number.MAX_SAFE_INTEGER, null, null, 1, 3)],
    ])('%s gives %i coupons and the exact meta', async (query, length, expected) => {
      const response = expectStatus(await api.get(`/api/v1/coupons${query}`), 200);
      expect(Object.keys(response.body)).toEqual(['coupons', 'meta']);
      expect(response.body.coupons).toHaveLength(length);
      expect(response.body.meta).toEqual(expected);
      expect(Object.keys(response.body.meta)).toEqual(['current_page', 'next_page', 'prev_page', 'total_pages', 'total_count']);
    });

    it('answers an empty organization with an empty list', async () => {
      const response = expectStatus(await (await newOrganization()).get('/api/v1/coupons'), 200);
      expect(response.body).toEqual({ coupons: [], meta: meta(1, null, null, 0, 0) });
    });

    it('defaults per_page to 100 and clamps it to 1000', async () => {
      const { organization, apiKey } = await t.app.get(ApiKeysService).create('Big organization');
      const seed = new SeedService(
        t.app.get(CouponsRepository), t.app.get(ApiKeysService), t.app.get(CreateBillableMetricService), t.app.get(CreatePlanService), t.app.get(UpsertCustomerService),
        t.app.get(TransactionRunner), t.app.get(EventsRecorder),
      );
      await seed.seedCoupons(organization, 1001, () => undefined);
      const big = t.api.withKey(apiKey);
      const byDefault = expectStatus(await big.get('/api/v1/coupons'), 200).body;
      expect([byDefault.coupons.length, byDefault.meta]).toEqual([100, meta(1, 2, null, 11, 1001)]);
      const clamped = expectStatus(await big.get('/api/v1/coupons?per_page=5000'), 200).body;
      expect([clamped.coupons.length, clamped.meta]).toEqual([1000, meta(1, 2, null, 2, 1001)]);
      const last = expectStatus(await big.get('/api/v1/coupons?per_page=5000&page=2'), 200).body;
      expect([last.coupons.length, last.meta]).toEqual([1, meta(2, null, 1, 2, 1001)]);
      const codes = new Set([...clamped.coupons, ...last.coupons].map((coupon: { code: string }) => coupon.code));
      expect(codes.size).toBe(1001);
    });
  });

  describe('search_term', () => {
    let api: ApiClient;
    beforeAll(async () => {
      api = await newOrganization();
      for (const [code, name] of [
        ['SUMMER-10', 'Ten off'], ['winter', 'Summer special'], ['other', 'Plain'], ['50%off', 'Half'], ['50off', 'Fifty'],
        ['a_b', 'Underscore'], ['axb', 'Letter'], ['wow!', 'Bang'], ['wow', 'No bang'], ['back\\slash', 'Backslash'],
      ]) {
        await createCoupon(api, { code, name });
      }
      expectStatus(await api.post('/api/v1/coupons/winter/terminate'), 200);
    });

    const search = (term: string, extra = '') => codesOf(api, `?search_term=${encodeURIComponent(term)}${extra}`);

    it('matches code or name, case-insensitively', async () => {
      expect((await search('summer')).sort()).toEqual(['SUMMER-10', 'winter']);
      expect((await search('SuMmEr')).sort()).toEqual(['SUMMER-10', 'winter']);
      expect(await search('PLAIN')).toEqual(['other']);
    });

    it('treats %, _, ! and \\ literally', async () => {
      expect(await search('50%')).toEqual(['50%off']);
      expect(await search('%')).toEqual(['50%off']);
      expect(await search('a_b')).toEqual(['a_b']);
      expect(await search('_')).toEqual(['a_b']);
      expect(await search('wow!')).toEqual(['wow!']);
      expect(await search('k\\s')).toEqual(['back\\slash']);
    });

    it('combines with the status filter and the meta counts the matches', async () => {
      expect(await search('summer', '&status=active')).toEqual(['SUMMER-10']);
      expect(await search('summer', '&status=terminated')).toEqual(['winter']);
      const response = expectStatus(await api.get('/api/v1/coupons?search_term=50&per_page=1'), 200);
      expect(response.body.meta).toMatchObject({ total_count: 2, total_pages: 2 });
    });

    it('ignores a blank term and finds nothing for an unmatched one', async () => {
      expect(await search('   ')).toHaveLength(10);
      expect(await search('zzz')).toEqual([]);
    });
  });
});
