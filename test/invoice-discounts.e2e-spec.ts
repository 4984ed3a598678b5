import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';
import {
  badRequestBody, createCoupon, createCustomer, createMetric, createPercentageCoupon, createPlan, expectStatus, ISO_SECONDS,
  notFoundBody, UUID, validationBody,
} from './support/factories';
import {
  appliedCoupon, appliedCouponsOf, applyCoupon, commitInvoice, fee, FeeInput, INVOICE_DISCOUNT_KEYS, invoiceBody, previewInvoice,
} from './support/apply-factories';

/** The discount engine over HTTP: preview, commit, replay, read and void, and its maths end to end. */
describe('invoice discounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A fresh customer with the given coupons applied in order (oldest first). */
  async function customerWith(...coupons: { code: string }[]): Promise<{ id: string; applied: any[] }> {
    const customer = await createCustomer(t.api);
    const applied = [];
    for (const coupon of coupons) applied.push(await applyCoupon(t.api, customer.external_id, coupon.code));
    return { id: customer.external_id, applied };
  }
  const commit = (customerId: string, fees: FeeInput[], overrides = {}) => commitInvoice(t.api, invoiceBody(customerId, fees, overrides));
  const state = async (customerId: string, lagoId: string) => {
    const { status, amount_cents_remaining, frequency_duration_remaining, terminated_at } = await appliedCoupon(t.api, customerId, lagoId);
    return { status, amount_cents_remaining, frequency_duration_remaining, terminated: terminated_at !== null };
  };
  const credits = (invoice: any) => invoice.credits.map((credit: any) => [credit.coupon_code, credit.amount_cents]);

  it('preview computes without recording anything', async () => {
    const coupon = await createCoupon(t.api);
    const { id, applied } = await customerWith(coupon);
    const body = invoiceBody(id, [fee('f1', 400)]);
    const preview = await previewInvoice(t.api, body);
    expect(Object.keys(preview)).toEqual(INVOICE_DISCOUNT_KEYS);
    expect(preview).toEqual({
      lago_id: null, external_invoice_id: body.invoice.external_invoice_id, external_customer_id: id, currency: 'EUR', status: 'preview',
      fees_amount_cents: 400, coupons_amount_cents: 400, sub_total_excluding_taxes_amount_cents: 0,
      fees: [{ id: 'f1', amount_cents: 400, coupons_amount_cents: 400 }],
      credits: [{ lago_applied_coupon_id: applied[0].lago_id, coupon_code: coupon.code, amount_cents: 400, amount_currency: 'EUR', fees: [{ id: 'f1', amount_cents: 400 }] }],
      created_at: null,
    });
    expect(await previewInvoice(t.api, { invoice: { ...body.invoice, external_invoice_id: undefined } })).toMatchObject({ external_invoice_id: null, coupons_amount_cents: 400 });
    expect(await state(id, applied[0].lago_id)).toEqual({ status: 'active', amount_cents_remaining: 1000, frequency_duration_remaining: null, terminated: false });
    const get = await t.api.get(`/api/v1/invoice_discounts/${String(body.invoice.external_invoice_id)}`);
    expect({ status: get.status, body: get.body }).toEqual({ status: 404, body: notFoundBody('invoice_discount_not_found') });
  });

  it('carries a fixed once remainder over three invoices: 400, 400, 200, then terminated at 0', async () => {
    const log: unknown[] = [];
    const call = async (method: 'post' | 'get', path: string, body?: unknown) => {
      const response = method === 'post' ? await t.api.post(path, body) : await t.api.get(path);
      log.push({ request: `${method.toUpperCase()} ${path}`, ...(body === undefined ? {} : { body }), response: { status: response.status, body: response.body } });
      return expectStatus(response, 200).body;
    };
    await call('post', '/api/v1/customers', { customer: { external_id: 'acme', name: 'Acme Corp', currency: 'EUR' } });
    await call('post', '/api/v1/coupons', { coupon: { name: 'Welcome', code: 'WELCOME10', coupon_type: 'fixed_amount', amount_cents: 1000, amount_currency: 'EUR', frequency: 'once', expiration: 'no_expiration' } });
    const applied = (await call('post', '/api/v1/applied_coupons', { applied_coupon: { external_customer_id: 'acme', coupon_code: 'WELCOME10' } })).applied_coupon;
    const taken = [];
    for (const number of [1, 2, 3]) {
      const invoice = { external_invoice_id: `INV-00${number}`, external_customer_id: 'acme', currency: 'EUR', fees: [{ id: 'subscription', amount_cents: 400 }] };
      const result = (await call('post', '/api/v1/invoice_discounts', { invoice })).invoice_discount;
      taken.push([result.coupons_amount_cents, result.sub_total_excluding_taxes_amount_cents]);
      expect(result).toMatchObject({ status: 'committed', lago_id: expect.stringMatching(UUID), created_at: expect.stringMatching(ISO_SECONDS) });
    }
    const [final] = (await call('get', '/api/v1/customers/acme/applied_coupons')).applied_coupons;
    mkdirSync(join(__dirname, 'artifacts'), { recursive: true });
    writeFileSync(join(__dirname, 'artifacts', 'three-invoices.json'), `${JSON.stringify(log, null, 2)}\n`);

    expect(taken).toEqual([[400, 0], [400, 0], [200, 200]]);
    expect(final).toMatchObject({ lago_id: applied.lago_id, status: 'terminated', amount_cents: 1000, amount_cents_remaining: 0, terminated_at: expect.stringMatching(ISO_SECONDS) });
    expect(final.credits.map((credit: any) => [credit.invoice.external_invoice_id, credit.amount_cents])).toEqual([['INV-001', 400], ['INV-002', 400], ['INV-003', 200]]);
    expect(credits(await commit('acme', [fee('f', 400)]))).toEqual([]);
  });

  it('uses one period of a recurring coupon per invoice that gets a credit, and terminates it when none is left', async () => {
    const { id, applied } = await customerWith(await createCoupon(t.api, { amount_cents: 100, frequency: 'recurring', frequency_duration: 2 }));
    expect((await commit(id, [fee('f', 250)])).coupons_amount_cents).toBe(100);
    expect(await state(id, applied[0].lago_id)).toMatchObject({ status: 'active', amount_cents_remaining: null, frequency_duration_remaining: 1 });
    expect((await commit(id, [fee('f', 0)])).credits).toEqual([]);
    expect(await state(id, applied[0].lago_id)).toMatchObject({ status: 'active', frequency_duration_remaining: 1 });
    expect((await commit(id, [fee('f', 60)])).coupons_amount_cents).toBe(60);
    expect(await state(id, applied[0].lago_id)).toEqual({ status: 'terminated', amount_cents_remaining: null, frequency_duration_remaining: 0, terminated: true });
    expect((await commit(id, [fee('f', 250)])).credits).toEqual([]);
  });

  it('terminates a percentage once coupon after its first credit; a forever one keeps going', async () => {
    const once = await createPercentageCoupon(t.api, { percentage_rate: 10 });
    const forever = await createCoupon(t.api, { amount_cents: 5, frequency: 'forever' });
    const { id, applied } = await customerWith(once, forever);
    expect(credits(await commit(id, [fee('f', 1005)]))).toEqual([[once.code, 101], [forever.code, 5]]);
    expect((await state(id, applied[0].lago_id)).status).toBe('terminated');
    expect(credits(await commit(id, [fee('f', 1000)]))).toEqual([[forever.code, 5]]);
    expect((await state(id, applied[1].lago_id)).status).toBe('active');
  });

  it('applies metric-limited, then plan-limited, then unrestricted coupons, each on its own base', async () => {
    const metric = await createMetric(t.api);
    const plan = await createPlan(t.api);
    const unrestricted = await createPercentageCoupon(t.api, { percentage_rate: 10 });
    const byPlan = await createCoupon(t.api, { amount_cents: 200, applies_to: { plan_codes: [plan.code] } });
    const byMetric = await createPercentageCoupon(t.api, { percentage_rate: 50, applies_to: { billable_metric_codes: [metric.code] } });
    const { id } = await customerWith(unrestricted, byPlan, byMetric);
    const invoice = await commit(id, [
      fee('plan', 1000, { plan_code: plan.code }), fee('usage', 1000, { plan_code: plan.code, billable_metric_code: metric.code }), fee('other', 500),
    ]);
    expect(invoice.credits.map((credit: any) => [credit.coupon_code, credit.amount_cents, credit.fees])).toEqual([
      [byMetric.code, 500, [{ id: 'usage', amount_cents: 500 }]],
      [byPlan.code, 200, [{ id: 'plan', amount_cents: 133 }, { id: 'usage', amount_cents: 67 }]],
      [unrestricted.code, 180, [{ id: 'plan', amount_cents: 87 }, { id: 'usage', amount_cents: 43 }, { id: 'other', amount_cents: 50 }]],
    ]);
    expect(invoice.fees).toEqual([
      { id: 'plan', amount_cents: 1000, coupons_amount_cents: 220 }, { id: 'usage', amount_cents: 1000, coupons_amount_cents: 610 },
      { id: 'other', amount_cents: 500, coupons_amount_cents: 50 },
    ]);
    expect(invoice).toMatchObject({ fees_amount_cents: 2500, coupons_amount_cents: 880, sub_total_excluding_taxes_amount_cents: 1620 });
  });

  it('skips a fixed coupon in another currency, leaving it untouched', async () => {
    const usd = await createCoupon(t.api, { amount_currency: 'USD' });
    const eur = await createCoupon(t.api, { amount_cents: 300 });
    const { id, applied } = await customerWith(usd, eur);
    expect(credits(await commit(id, [fee('f', 1000)]))).toEqual([[eur.code, 300]]);
    expect(await state(id, applied[0].lago_id)).toMatchObject({ status: 'active', amount_cents_remaining: 1000 });
    expect(credits(await commit(id, [fee('f', 1000)], { currency: 'USD' }))).toEqual([[usd.code, 1000]]);
  });

  it('spreads a credit pro rata, remainder cents to the largest fractional parts, ties to the earlier fee', async () => {
    const { id } = await customerWith(await createCoupon(t.api, { amount_cents: 100, frequency: 'forever' }));
    const spread = async (amounts: number[]) =>
      (await commit(id, amounts.map((amount, i) => fee(`f${i}`, amount)))).credits[0].fees.map((share: any) => share.amount_cents);
    expect(await spread([100, 200, 400])).toEqual([14, 29, 57]);
    expect(await spread([300, 300, 300])).toEqual([34, 33, 33]);
  });

  it('stops at a zero subtotal: later coupons give nothing and keep their amount and periods', async () => {
    const first = await createCoupon(t.api);
    const recurring = await createCoupon(t.api, { amount_cents: 50, frequency: 'recurring', frequency_duration: 3 });
    const { id, applied } = await customerWith(first, recurring);
    const invoice = await commit(id, [fee('f', 400)]);
    expect(credits(invoice)).toEqual([[first.code, 400]]);
    expect(invoice.sub_total_excluding_taxes_amount_cents).toBe(0);
    expect(await state(id, applied[1].lago_id)).toMatchObject({ status: 'active', frequency_duration_remaining: 3 });
  });

  it('is idempotent per external_invoice_id: same body replays, another body is refused, nothing changes', async () => {
    const { id, applied } = await customerWith(await createCoupon(t.api));
    const body = invoiceBody(id, [fee('a', 300), fee('b', 100)]);
    const first = await commitInvoice(t.api, body);
    const reordered = { invoice: Object.fromEntries(Object.entries(body.invoice).reverse()) };
    expect(await commitInvoice(t.api, reordered)).toEqual(first);
    const other = await t.api.post('/api/v1/invoice_discounts', { invoice: { ...body.invoice, fees: [fee('a', 301), fee('b', 100)] } });
    expect({ status: other.status, body: other.body }).toEqual({ status: 422, body: validationBody({ external_invoice_id: ['value_already_exist'] }) });
    expect(await state(id, applied[0].lago_id)).toMatchObject({ amount_cents_remaining: 600 });
    expect(expectStatus(await t.api.get(`/api/v1/invoice_discounts/${String(body.invoice.external_invoice_id)}`), 200).body.invoice_discount).toEqual(first);
  });

  describe('void', () => {
    const voidInvoice = (externalInvoiceId: string) => t.api.post(`/api/v1/invoice_discounts/${externalInvoiceId}/void`);

    it('gives the amount back and reactivates the applied coupon it exhausted; a second void changes nothing', async () => {
      const { id, applied } = await customerWith(await createCoupon(t.api, { amount_cents: 500 }));
      const invoice = await commit(id, [fee('f', 600)]);
      expect(await state(id, applied[0].lago_id)).toMatchObject({ status: 'terminated', amount_cents_remaining: 0 });
      const voided = expectStatus(await voidInvoice(invoice.external_invoice_id), 200).body.invoice_discount;
      expect(voided).toEqual({ ...invoice, status: 'voided' });
      expect(await state(id, applied[0].lago_id)).toEqual({ status: 'active', amount_cents_remaining: 500, frequency_duration_remaining: null, terminated: false });
      expect((await appliedCouponsOf(t.api, id))[0].credits).toEqual([]);
      expect(expectStatus(await voidInvoice(invoice.external_invoice_id), 200).body.invoice_discount).toEqual(voided);
      expect(await state(id, applied[0].lago_id)).toMatchObject({ amount_cents_remaining: 500 });
      expect(expectStatus(await t.api.get(`/api/v1/invoice_discounts/${invoice.external_invoice_id}`), 200).body.invoice_discount.status).toBe('voided');
    });

    it('gives a period back to a recurring coupon', async () => {
      const { id, applied } = await customerWith(await createPercentageCoupon(t.api, { frequency: 'recurring', frequency_duration: 1 }));
      const invoice = await commit(id, [fee('f', 800)]);
      expect(await state(id, applied[0].lago_id)).toMatchObject({ status: 'terminated', frequency_duration_remaining: 0 });
      expectStatus(await voidInvoice(invoice.external_invoice_id), 200);
      expect(await state(id, applied[0].lago_id)).toEqual({ status: 'active', amount_cents_remaining: null, frequency_duration_remaining: 1, terminated: false });
    });

    it('does not reactivate when the coupon was terminated, nor an applied coupon the invoice did not exhaust', async () => {
      const coupon = await createCoupon(t.api, { amount_cents: 500 });
      const { id, applied } = await customerWith(coupon);
      const exhausting = await commit(id, [fee('f', 500)]);
      expectStatus(await t.api.post(`/api/v1/coupons/${coupon.code}/terminate`), 200);
      expectStatus(await voidInvoice(exhausting.external_invoice_id), 200);
      expect(await state(id, applied[0].lago_id)).toMatchObject({ status: 'terminated', amount_cents_remaining: 500, terminated: true });

      const other = await customerWith(await createCoupon(t.api));
      const partial = await commit(other.id, [fee('f', 400)]);
      expectStatus(await t.api.delete(`/api/v1/customers/${other.id}/applied_coupons/${other.applied[0].lago_id}`), 200);
      expectStatus(await voidInvoice(partial.external_invoice_id), 200);
      expect(await state(other.id, other.applied[0].lago_id)).toMatchObject({ status: 'terminated', amount_cents_remaining: 1000 });
    });

    it('answers 404 invoice_discount_not_found for an unknown invoice, and for another organization', async () => {
      const { id } = await customerWith(await createCoupon(t.api));
      const invoice = await commit(id, [fee('f', 100)]);
      const other = t.api.withKey(await t.newApiKey());
      for (const response of [
        await voidInvoice('INV-UNKNOWN'), await t.api.get('/api/v1/invoice_discounts/INV-UNKNOWN'),
        await other.get(`/api/v1/invoice_discounts/${invoice.external_invoice_id}`), await other.post(`/api/v1/invoice_discounts/${invoice.external_invoice_id}/void`),
      ]) {
        expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('invoice_discount_not_found') });
      }
    });
  });

  describe('bad input: 4xx in the API error shape, nothing written', () => {
    let customerId: string;
    let appliedId: string;
    beforeAll(async () => {
      const { id, applied } = await customerWith(await createCoupon(t.api));
      [customerId, appliedId] = [id, applied[0].lago_id];
    });

    it.each([
      ['empty fees', { fees: [] }, 422, validationBody({ fees: ['value_is_invalid'] })],
      ['duplicate fee ids', { fees: [fee('f', 100), fee('f', 200)] }, 422, validationBody({ fees: ['value_is_invalid'] })],
      ['a negative amount', { fees: [fee('f', 100), fee('g', -1)] }, 422, validationBody({ fees: ['value_is_invalid'] })],
      ['a fractional amount', { fees: [fee('f', 100.5)] }, 422, validationBody({ fees: ['value_is_invalid'] })],
      ['a string amount', { fees: [fee('f', '100')] }, 422, validationBody({ fees: ['value_is_invalid'] })],
      ['an unknown currency', { currency: 'EURO' }, 422, validationBody({ currency: ['value_is_invalid'] })],
      ['no currency', { currency: undefined }, 422, validationBody({ currency: ['value_is_mandatory'] })],
      ['no external_invoice_id', { external_invoice_id: undefined }, 422, validationBody({ external_invoice_id: ['value_is_mandatory'] })],
      ['an unknown customer', { external_customer_id: 'nobody' }, 404, notFoundBody('customer_not_found')],
    ])('refuses %s', async (_label, overrides, status, expected) => {
      const body = invoiceBody(customerId, [fee('f', 100)], overrides);
      for (const path of ['/api/v1/invoice_discounts', '/api/v1/invoice_discounts/preview']) {
        if (path.endsWith('preview') && 'external_invoice_id' in overrides) continue;
        const response = await t.api.post(path, body);
        expect({ status: response.status, body: response.body }).toEqual({ status, body: expected });
      }
      expect(await state(customerId, appliedId)).toMatchObject({ status: 'active', amount_cents_remaining: 1000 });
      if (typeof body.invoice.external_invoice_id === 'string') {
        expect((await t.api.get(`/api/v1/invoice_discounts/${body.invoice.external_invoice_id}`)).status).toBe(404);
      }
    });

    it('answers 400 without the invoice root object', async () => {
      const response = await t.api.post('/api/v1/invoice_discounts', { invoice_discount: {} });
      expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: badRequestBody('invoice') });
    });
  });
});
