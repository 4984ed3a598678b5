import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../apps/api/src/app.factory';
import { ApiKeysService } from '../apps/api/src/organizations/api-keys.service';
import { ApiClient } from './support/api-client';
import { applyCoupon, commitInvoice, fee, invoiceBody } from './support/apply-factories';
import {
  createCoupon, createCustomer, createPercentageCoupon, expectStatus, UNAUTHORIZED_BODY, validationBody,
} from './support/factories';
import { startTestApp, testConfig, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const dateOf = (iso: string): string => iso.slice(0, 10);
const dayBefore = (iso: string, days: number): string => new Date(Date.parse(iso) - days * DAY_MS).toISOString().slice(0, 10);
const sqlInstant = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

async function overview(api: ApiClient, query = ''): Promise<any> {
  return expectStatus(await api.get(`/api/v1/analytics/overview${query}`), 200).body.overview;
}

/** The daily rows that are not all zeros. */
const activeDays = (entry: { daily: { redemptions_count: number; discount_amount_cents: number }[] }) =>
  entry.daily.filter((day) => day.redemptions_count !== 0 || day.discount_amount_cents !== 0);

/** GET /analytics/overview: redemptions and discounts per UTC day and currency, and the coupons active now. */
describe('analytics overview', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('answers an organization without activity with every key, no currency and the default 30-day window', async () => {
    const body = expectStatus(await t.api.withKey(await t.newApiKey()).get('/api/v1/analytics/overview'), 200).body;
    expect(Object.keys(body)).toEqual(['overview']);
    expect(Object.keys(body.overview)).toEqual(['days', 'from', 'to', 'active_coupons', 'currencies']);
    const { days, from, to, active_coupons, currencies } = body.overview;
    expect({ days, active_coupons, currencies }).toEqual({ days: 30, active_coupons: 0, currencies: [] });
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(Date.parse(to) - Date.parse(from)).toBe(30 * DAY_MS);
    // `to` is the midnight after today.
    expect(dayBefore(to, 1)).toBe(new Date().toISOString().slice(0, 10));
  });

  it('refuses a days value that is not a whole number from 1 to 365', async () => {
    for (const query of ['?days=0', '?days=366', '?days=abc', '?days=1.5', '?days=-1', '?days=', '?days=+5', '?days=1&days=2', '?days=1000']) {
      const response = await t.api.get(`/api/v1/analytics/overview${query}`);
      expect({ query, status: response.status, body: response.body }).toEqual({ query, status: 422, body: validationBody({ days: ['value_is_invalid'] }) });
    }
    expect((await t.api.withKey(null).get('/api/v1/analytics/overview')).body).toEqual(UNAUTHORIZED_BODY);
  });

  it('gives one row per day for the smallest and largest windows, oldest first', async () => {
    const one = await overview(t.api.withKey(await t.newApiKey()), '?days=1');
    expect(one).toMatchObject({ days: 1, currencies: [] });
    expect(Date.parse(one.to) - Date.parse(one.from)).toBe(DAY_MS);

    const api = t.api.withKey(await t.newApiKey());
    const customer = await createCustomer(api, { currency: 'JPY' });
    await applyCoupon(api, customer.external_id, (await createPercentageCoupon(api)).code);
    const year = await overview(api, '?days=365');
    expect(year.currencies).toHaveLength(1);
    const { daily } = year.currencies[0];
    expect(daily).toHaveLength(365);
    expect(daily[0].date).toBe(dateOf(year.from));
    expect(daily[364].date).toBe(dayBefore(year.to, 1));
    expect(daily.map((day: { date: string }) => day.date)).toEqual([...daily.map((day: { date: string }) => day.date)].sort());
    expect(new Set(daily.map((day: { date: string }) => day.date)).size).toBe(365);
  });

  describe('with coupons applied and invoices committed in three currencies', () => {
    let api: ApiClient;
    let today: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      api = t.api.withKey(await t.newApiKey());
      const fixedEur = await createCoupon(api, { amount_cents: 1000, amount_currency: 'EUR' });
      const fixedUsd = await createCoupon(api, { amount_cents: 500, amount_currency: 'USD' });
      // A EUR coupon with a USD price: applied to a USD customer, it is a USD redemption.
      const priced = await createCoupon(api, { amount_cents: 300, amount_currency: 'EUR', currency_options: { USD: { amount_cents: 350 } } });
      const percent = await createPercentageCoupon(api, { percentage_rate: '10', frequency: 'forever' });
      const terminated = await createCoupon(api);
      expectStatus(await api.post(`/api/v1/coupons/${terminated.code}/terminate`), 200);
      const deleted = await createCoupon(api);
      expectStatus(await api.delete(`/api/v1/coupons/${deleted.code}`), 200);

      const eur = await createCustomer(api, { currency: 'EUR' });
      const usd = await createCustomer(api, { currency: 'USD' });
      const none = await createCustomer(api, { currency: null });
      today = dateOf((await applyCoupon(api, eur.external_id, fixedEur.code)).created_at);
      await applyCoupon(api, eur.external_id, percent.code);
      await applyCoupon(api, usd.external_id, fixedUsd.code);
      await applyCoupon(api, usd.external_id, percent.code);
      ids.pricedUsd = (await applyCoupon(api, usd.external_id, priced.code)).lago_id;
      ids.noCurrency = (await applyCoupon(api, none.external_id, percent.code)).lago_id;

      // EUR 5000: the fixed 1000, then 10 % of the 4000 left.
      const eurInvoice = await commitInvoice(api, invoiceBody(eur.external_id, [fee('a', 5000)]));
      expect(eurInvoice.coupons_amount_cents).toBe(1400);
      // USD 2000, oldest first: the fixed 500, 10 % of the 1500 left, then the 350 USD price.
      const usdInvoice = await commitInvoice(api, invoiceBody(usd.external_id, [fee('a', 2000)], { currency: 'USD' }));
      expect(usdInvoice.coupons_amount_cents).toBe(1000);
      ids.usdInvoice = usdInvoice.external_invoice_id;
      // A voided invoice gave its credits back: it is no discount given.
      const voided = await commitInvoice(api, invoiceBody(eur.external_id, [fee('a', 1000)]));
      expect(voided.coupons_amount_cents).toBe(100);
      expectStatus(await api.post(`/api/v1/invoice_discounts/${voided.external_invoice_id}/void`), 200);
      // Previews record nothing.
      expectStatus(await api.post('/api/v1/invoice_discounts/preview', invoiceBody(usd.external_id, [fee('a', 9000)], { currency: 'USD' })), 200);
    });

    it('counts redemptions and discounts per currency, today, and the coupons active now', async () => {
      const result = await overview(api);
      expect(result.active_coupons).toBe(4);
      expect(result.currencies.map((entry: { currency: string | null }) => entry.currency)).toEqual(['EUR', 'USD', null]);
      for (const entry of result.currencies) {
        expect(Object.keys(entry)).toEqual(['currency', 'redemptions_count', 'discount_amount_cents', 'daily']);
        expect(entry.daily).toHaveLength(30);
        expect(Object.keys(entry.daily[0])).toEqual(['date', 'redemptions_count', 'discount_amount_cents']);
        expect(entry.daily[0]).toEqual({ date: dateOf(result.from), redemptions_count: 0, discount_amount_cents: 0 });
        expect(entry.daily[29].date).toBe(today);
      }
      const [eur, usd, none] = result.currencies;
      expect([eur.redemptions_count, eur.discount_amount_cents, activeDays(eur)]).toEqual([2, 1400, [{ date: today, redemptions_count: 2, discount_amount_cents: 1400 }]]);
      expect([usd.redemptions_count, usd.discount_amount_cents, activeDays(usd)]).toEqual([3, 1000, [{ date: today, redemptions_count: 3, discount_amount_cents: 1000 }]]);
      expect([none.redemptions_count, none.discount_amount_cents, activeDays(none)]).toEqual([1, 0, [{ date: today, redemptions_count: 1, discount_amount_cents: 0 }]]);
    });

    it('shows nothing of it to another organization', async () => {
      expect((await overview(t.api.withKey(await t.newApiKey()))).currencies).toEqual([]);
    });

    it('includes the first instant of the window and leaves out the one before', async () => {
      const week = await overview(api, '?days=7');
      const from = Date.parse(week.from);
      const connection = await createConnection(t.databaseUrl);
      try {
        await connection.execute('UPDATE applied_coupons SET created_at = ? WHERE lago_id = ?', [sqlInstant(from), ids.noCurrency]);
        await connection.execute('UPDATE applied_coupons SET created_at = ? WHERE lago_id = ?', [sqlInstant(from - 1), ids.pricedUsd]);
        await connection.execute('UPDATE invoice_discounts SET created_at = ? WHERE external_invoice_id = ?', [sqlInstant(from - 1), ids.usdInvoice]);
      } finally {
        await connection.end();
      }

      const moved = await overview(api, '?days=7');
      const [, usd, none] = moved.currencies;
      expect(activeDays(none)).toEqual([{ date: dateOf(week.from), redemptions_count: 1, discount_amount_cents: 0 }]);
      expect([usd.redemptions_count, usd.discount_amount_cents]).toEqual([2, 0]);
      expect(activeDays(usd)).toEqual([{ date: today, redemptions_count: 2, discount_amount_cents: 0 }]);

      // A month still holds them, on the day before the week's first.
      const month = await overview(api);
      const monthUsd = month.currencies[1];
      expect([monthUsd.redemptions_count, monthUsd.discount_amount_cents]).toEqual([3, 1000]);
      expect(activeDays(monthUsd)).toEqual([
        { date: dayBefore(week.from, 1), redemptions_count: 1, discount_amount_cents: 1000 },
        { date: today, redemptions_count: 2, discount_amount_cents: 0 },
      ]);
    });
  });
});

/** The same figures from the embedded SQLite database, whose date functions differ from MySQL's. */
describe('analytics overview (SQLite)', () => {
  let app: NestFastifyApplication;
  let api: ApiClient;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'coupons-analytics-'));
    app = await createApp(testConfig('unused', { database: { kind: 'sqlite', path: join(directory, 'coupons.sqlite') } }));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { apiKey } = await app.get(ApiKeysService).create('SQLite organization');
    api = new ApiClient(`http://127.0.0.1:${port}`, apiKey);
  });
  afterAll(async () => {
    await app?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('groups by UTC day and currency', async () => {
    const customer = await createCustomer(api, { currency: 'EUR' });
    const applied = await applyCoupon(api, customer.external_id, (await createCoupon(api, { amount_cents: 700 })).code);
    await applyCoupon(api, customer.external_id, (await createPercentageCoupon(api, { percentage_rate: '50' })).code);
    await commitInvoice(api, invoiceBody(customer.external_id, [fee('a', 2000)]));
    const result = await overview(api, '?days=3');
    expect(result.active_coupons).toBe(2);
    expect(result.currencies).toEqual([
      {
        currency: 'EUR',
        redemptions_count: 2,
        discount_amount_cents: 700 + 650,
        daily: [
          { date: dayBefore(result.to, 3), redemptions_count: 0, discount_amount_cents: 0 },
          { date: dayBefore(result.to, 2), redemptions_count: 0, discount_amount_cents: 0 },
          { date: dateOf(applied.created_at), redemptions_count: 2, discount_amount_cents: 1350 },
        ],
      },
    ]);
  });
});
