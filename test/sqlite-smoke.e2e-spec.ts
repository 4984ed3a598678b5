import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../apps/api/src/app.factory';
import { ApiKeysService } from '../apps/api/src/organizations/api-keys.service';
import { ApiClient } from './support/api-client';
import { testConfig } from './support/test-app';
import {
  COUPON_KEYS, couponParams, createCustomer, createMetric, createPlan, expectStatus, notFoundBody, validationBody,
} from './support/factories';
import { appliedCoupon, applyCoupon, commitInvoice, fee, invoiceBody, previewInvoice } from './support/apply-factories';

/** The embedded default a new user gets without DATABASE_URL: SQLite in a file, schema built at boot. */
describe('smoke (SQLite)', () => {
  let app: NestFastifyApplication;
  let api: ApiClient;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'coupons-sqlite-'));
    app = await createApp(testConfig('unused', { database: { kind: 'sqlite', path: join(directory, 'nested', 'coupons.sqlite') } }));
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

  it('creates, lists, reads, updates and deletes a plan-limited coupon', async () => {
    const metric = await createMetric(api);
    const plan = await createPlan(api, { code: 'starter' }, [metric.code]);
    const other = await createPlan(api, { code: 'business' });
    expect(plan.charges).toEqual([{ lago_billable_metric_id: metric.lago_id, billable_metric_code: metric.code }]);

    const created = expectStatus(await api.post('/api/v1/coupons', {
      coupon: couponParams({ code: 'WELCOME.10', amount_cents: 9_007_199_254_740_991, metadata: { source: 'sqlite' }, applies_to: { plan_codes: ['starter'] } }),
    }), 200).body.coupon;
    expect(Object.keys(created)).toEqual(COUPON_KEYS);
    expect(created).toMatchObject({
      code: 'WELCOME.10', amount_cents: 9_007_199_254_740_991, limited_plans: true, plan_codes: ['starter'], metadata: { source: 'sqlite' },
    });
    const percentage = expectStatus(await api.post('/api/v1/coupons', {
      coupon: couponParams({ code: 'pct', coupon_type: 'percentage', percentage_rate: '12.50', expiration: 'time_limit', expiration_at: '2099-01-01' }),
    }), 200).body.coupon;
    expect(percentage).toMatchObject({ percentage_rate: '12.5', amount_cents: null, expiration_at: '2099-01-01T00:00:00Z' });

    const duplicate = await api.post('/api/v1/coupons', { coupon: couponParams({ code: 'WELCOME.10' }) });
    expect(duplicate.body).toEqual(validationBody({ code: ['value_already_exist'] }));
    const caseVariant = expectStatus(await api.post('/api/v1/coupons', { coupon: couponParams({ code: 'welcome.10' }) }), 200).body.coupon;

    const list = expectStatus(await api.get('/api/v1/coupons'), 200).body;
    expect(list.coupons.map((coupon: { code: string }) => coupon.code)).toEqual(['welcome.10', 'WELCOME.10', 'pct']);
    expect(list.meta).toEqual({ current_page: 1, next_page: null, prev_page: null, total_pages: 1, total_count: 3 });
    expect((await api.get('/api/v1/coupons?search_term=COME.1')).body.meta.total_count).toBe(2);
    expect((await api.get('/api/v1/coupons?search_term=%25')).body.meta.total_count).toBe(0);
    expect((await api.get('/api/v1/coupons/WELCOME.10')).body).toEqual({ coupon: created });

    const updated = expectStatus(await api.put('/api/v1/coupons/WELCOME.10', {
      coupon: { name: 'Welcome', applies_to: { plan_codes: ['business'] } },
    }), 200).body.coupon;
    expect(updated).toEqual({ ...created, name: 'Welcome', plan_codes: [other.code] });

    const deleted = expectStatus(await api.delete('/api/v1/coupons/WELCOME.10'), 200).body;
    expect(deleted).toEqual({ coupon: updated });
    const gone = await api.get('/api/v1/coupons/WELCOME.10');
    expect({ status: gone.status, body: gone.body }).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
    expect((await api.get('/api/v1/coupons/welcome.10')).body.coupon).toEqual(caseVariant);
    expectStatus(await api.post('/api/v1/coupons', { coupon: couponParams({ code: 'WELCOME.10' }) }), 200);
  });

  it('applies coupons and previews, commits and voids an invoice discount', async () => {
    await createPlan(api, { code: 'pro' });
    const customer = await createCustomer(api);
    expectStatus(await api.post('/api/v1/coupons', { coupon: couponParams({ code: 'PRO-5', amount_cents: 500, applies_to: { plan_codes: ['pro'] } }) }), 200);
    expectStatus(await api.post('/api/v1/coupons', { coupon: couponParams({ code: 'ALL-3', amount_cents: 300 }) }), 200);
    const pro = await applyCoupon(api, customer.external_id, 'PRO-5');
    await applyCoupon(api, customer.external_id, 'ALL-3');
    const body = invoiceBody(customer.external_id, [fee('sub', 1000, { plan_code: 'pro' }), fee('usage', 100)]);
    const preview = await previewInvoice(api, body);
    expect([preview.coupons_amount_cents, preview.credits.map((credit: { coupon_code: string }) => credit.coupon_code)]).toEqual([800, ['PRO-5', 'ALL-3']]);
    const committed = await commitInvoice(api, body);
    expect({ ...committed, lago_id: null, status: 'preview', created_at: null }).toEqual({ ...preview, credits: committed.credits });
    expect((await appliedCoupon(api, customer.external_id, pro.lago_id)).amount_cents_remaining).toBe(0);
    expectStatus(await api.post(`/api/v1/invoice_discounts/${encodeURIComponent(committed.external_invoice_id)}/void`), 200);
    expect((await appliedCoupon(api, customer.external_id, pro.lago_id)).amount_cents_remaining).toBe(500);
  });

  it('validates a promotion code at checkout: after the coupons already applied, and why not for an unknown customer', async () => {
    const customer = await createCustomer(api);
    expectStatus(await api.post('/api/v1/coupons', { coupon: couponParams({ code: 'FLAT-2', amount_cents: 200 }) }), 200);
    await applyCoupon(api, customer.external_id, 'FLAT-2');
    expectStatus(await api.post('/api/v1/coupons', { coupon: couponParams({ code: 'TEN', coupon_type: 'percentage', percentage_rate: '10' }) }), 200);
    const promotionCode = expectStatus(await api.post('/api/v1/promotion_codes', { promotion_code: { coupon_code: 'TEN', code: 'SPRING-AB12' } }), 200).body.promotion_code;
    const validate = async (externalId: string) =>
      expectStatus(await api.post('/api/v1/promotion_codes/validate', {
        validation: { code: 'spring-ab12', external_customer_id: externalId, invoice: { currency: 'EUR', fees: [fee('sub', 1000)] } },
      }), 200).body.validation;
    const valid = await validate(customer.external_id);
    expect(valid).toMatchObject({ valid: true, reason: null, promotion_code: promotionCode, coupon: { code: 'TEN', percentage_rate: '10.0' } });
    expect(valid.invoice_discount.credits.map((credit: { coupon_code: string; amount_cents: number }) => [credit.coupon_code, credit.amount_cents]))
      .toEqual([['FLAT-2', 200], ['TEN', 80]]);
    expect(await validate('nobody')).toMatchObject({ valid: false, reason: 'customer_not_found', promotion_code: promotionCode, invoice_discount: null });
  });

  it('lets exactly one of several racing creates with one code win', async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => api.post('/api/v1/coupons', { coupon: couponParams({ code: 'RACE' }) })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 422, 422, 422, 422]);
  });
});
