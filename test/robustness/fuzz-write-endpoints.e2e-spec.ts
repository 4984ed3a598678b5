import fc from 'fast-check';
import { couponParams, percentageCouponParams, uniqueCode } from '../support/factories';
import { invoiceBody } from '../support/apply-factories';
import { bodyFor, segmentFor } from './support/fuzz-arbitraries';
import { codeOf, FuzzHarness, maybeBody, post, SEED, withPath } from './support/fuzz-harness';

const COUPON_FIELDS = [
  'name', 'code', 'description', 'coupon_type', 'amount_cents', 'amount_currency', 'percentage_rate', 'frequency', 'frequency_duration',
  'reusable', 'applies_to', 'expiration', 'expiration_at', 'max_redemptions', 'starts_at', 'metadata', 'currency_options',
];
const APPLY_FIELDS = ['external_customer_id', 'coupon_code', 'frequency', 'frequency_duration', 'amount_cents', 'amount_currency', 'percentage_rate'];
const INVOICE_FIELDS = ['external_invoice_id', 'external_customer_id', 'currency', 'fees'];
const PROMOTION_CODE_FIELDS = ['coupon_code', 'code', 'active', 'max_redemptions', 'expires_at', 'restrictions', 'metadata'];
const VALIDATION_FIELDS = ['code', 'external_customer_id', 'invoice'];
const BATCH_FIELDS = ['coupon_code', 'count', 'prefix', 'length', 'max_redemptions', 'expires_at', 'restrictions', 'metadata'];

/**
 * Property-based fuzzing of every write endpoint of the API over HTTP: random and adversarial bodies and path
 * segments never produce a 5xx, every error is exactly in the API's error shape, and afterwards the database
 * holds exactly the rows of the accepted requests. The dialects' endpoints: fuzz-dialects.e2e-spec.ts.
 */
describe(`fuzzing every write endpoint (seed ${SEED}, FUZZ_SEED to change)`, () => {
  const h = new FuzzHarness();
  beforeAll(() => h.start('fuzz-write-endpoints'), 120_000);
  afterAll(() => h.close());

  it('POST /coupons', async () => {
    const valid = () => (h.next() % 2 ? couponParams({ code: uniqueCode('FZ') }) : percentageCouponParams({ code: uniqueCode('FZ') }));
    await h.fuzz(post('/api/v1/coupons', bodyFor('coupon', COUPON_FIELDS, valid)), 'coupon', 'coupon', ({ coupon }) => h.addCoupons([coupon.code]));
  });

  it.each(['PUT', 'PATCH'])('%s /coupons/:code', async (method) => {
    const valid = () => ({ name: `Renamed ${uniqueCode()}`, description: 'fuzzed', expiration: 'no_expiration', amount_cents: 100 });
    const path = segmentFor(() => h.editable).map((code) => `/api/v1/coupons/${code}`);
    await h.fuzz(withPath(method, path, bodyFor('coupon', COUPON_FIELDS, valid)), 'coupon', 'coupon', ({ coupon }, request) => {
      const before = codeOf(request);
      if (coupon.code !== before) {
        h.liveCoupons.delete(before);
        h.liveCoupons.add(coupon.code);
        h.allCoupons[h.allCoupons.indexOf(before)] = coupon.code;
        h.editable = h.editable.map((code) => (code === before ? coupon.code : code));
      }
    });
  });

  it('POST /coupons/:code/terminate', async () => {
    const path = segmentFor(() => h.victims).map((code) => `/api/v1/coupons/${code}/terminate`);
    await h.fuzz(withPath('POST', path, maybeBody(bodyFor('coupon', COUPON_FIELDS, () => ({})))), 'coupon', 'coupon');
  });

  it('DELETE /coupons/:code', async () => {
    const path = segmentFor(() => h.victims).map((code) => `/api/v1/coupons/${code}`);
    await h.fuzz(withPath('DELETE', path, maybeBody(bodyFor('coupon', COUPON_FIELDS, () => ({})))), 'coupon', 'coupon', ({ coupon }) => {
      h.liveCoupons.delete(coupon.code);
    });
  });

  it('POST /plans', async () => {
    const [metric] = h.metrics;
    const valid = () => ({ name: 'P', code: uniqueCode('plan'), interval: 'monthly', amount_cents: 100, amount_currency: 'EUR', charges: [{ billable_metric_code: metric }] });
    const fields = ['name', 'code', 'interval', 'amount_cents', 'amount_currency', 'charges', 'description'];
    await h.fuzz(post('/api/v1/plans', bodyFor('plan', fields, valid)), 'plan', 'plan', ({ plan }) => h.plans.add(plan.code));
  });

  it('POST /billable_metrics', async () => {
    const valid = () => ({ name: 'M', code: uniqueCode('metric'), aggregation_type: 'count_agg' });
    const fields = ['name', 'code', 'aggregation_type', 'field_name', 'description'];
    await h.fuzz(post('/api/v1/billable_metrics', bodyFor('billable_metric', fields, valid)), 'billable_metric', 'billable_metric', ({ billable_metric: m }) => h.metrics.add(m.code));
  });

  it('POST /customers (upsert by external_id)', async () => {
    const valid = () => ({ external_id: h.next() % 5 === 0 ? h.fixtureCustomers[1] : uniqueCode('cust'), name: 'C', currency: 'EUR' });
    await h.fuzz(post('/api/v1/customers', bodyFor('customer', ['external_id', 'name', 'currency', 'email'], valid)), 'customer', 'customer', ({ customer }) =>
      h.customers.add(customer.external_id),
    );
  });

  it('POST /applied_coupons', async () => {
    const valid = () => ({ external_customer_id: h.pick(h.fixtureCustomers), coupon_code: h.pick(h.applicable) });
    await h.fuzz(post('/api/v1/applied_coupons', bodyFor('applied_coupon', APPLY_FIELDS, valid)), 'applied_coupon', 'applied_coupon', ({ applied_coupon: a }) =>
      h.applied.add(a.lago_id),
    );
  });

  it('DELETE /customers/:external_customer_id/applied_coupons/:lago_id', async () => {
    const path = fc
      .tuple(segmentFor(() => h.fixtureCustomers), segmentFor(() => [...h.applied]))
      .map(([customer, id]) => `/api/v1/customers/${customer}/applied_coupons/${id}`);
    // This DELETE takes no body; a body Fastify refuses (a `__proto__` key) gets the 400 of its /customers prefix.
    await h.fuzz(withPath('DELETE', path, maybeBody(bodyFor('applied_coupon', APPLY_FIELDS, () => ({})))), 'customer', 'applied_coupon');
  });

  it('POST /applied_coupons by promotion code', async () => {
    const valid = () => ({ external_customer_id: h.pick(h.fixtureCustomers), promotion_code: h.pick(h.redeemable) });
    await h.fuzz(post('/api/v1/applied_coupons', bodyFor('applied_coupon', [...APPLY_FIELDS, 'promotion_code'], valid)), 'applied_coupon', 'applied_coupon', ({ applied_coupon: a }) =>
      h.applied.add(a.lago_id),
    );
  });

  it('POST /promotion_codes', async () => {
    const valid = () => ({ coupon_code: h.pick(h.applicable), code: uniqueCode('PZ'), max_redemptions: 5, restrictions: { first_time_transaction: false }, metadata: { k: 'v' } });
    await h.fuzz(post('/api/v1/promotion_codes', bodyFor('promotion_code', PROMOTION_CODE_FIELDS, valid)), 'promotion_code', 'promotion_code', ({ promotion_code: p }) =>
      h.promotionCodes.add(p.code),
    );
  });

  it('PUT /promotion_codes/:code', async () => {
    const valid = () => ({ active: h.next() % 4 !== 0, metadata: { k: 'v' }, expires_at: null });
    const path = segmentFor(() => h.redeemable).map((code) => `/api/v1/promotion_codes/${code}`);
    await h.fuzz(withPath('PUT', path, bodyFor('promotion_code', PROMOTION_CODE_FIELDS, valid)), 'promotion_code', 'promotion_code');
  });

  it('POST /promotion_codes/validate', async () => {
    const valid = () => ({
      code: h.pick(h.redeemable).toLowerCase(), external_customer_id: h.pick(h.fixtureCustomers),
      invoice: { currency: 'EUR', fees: [{ id: 'f1', amount_cents: 1000 }] },
    });
    await h.fuzz(post('/api/v1/promotion_codes/validate', bodyFor('validation', VALIDATION_FIELDS, valid)), 'validation', 'validation');
  });

  it('POST /invoice_discounts/preview', async () => {
    const valid = () => invoiceBody(h.pick(h.fixtureCustomers), [{ id: 'f1', amount_cents: 1000 }, { id: 'f2', amount_cents: 250 }]).invoice;
    await h.fuzz(post('/api/v1/invoice_discounts/preview', bodyFor('invoice', INVOICE_FIELDS, valid)), 'invoice', 'invoice_discount');
  });

  it('POST /invoice_discounts', async () => {
    const valid = () => invoiceBody(h.pick(h.fixtureCustomers), [{ id: 'f1', amount_cents: 1000 }]).invoice;
    await h.fuzz(post('/api/v1/invoice_discounts', bodyFor('invoice', INVOICE_FIELDS, valid)), 'invoice', 'invoice_discount', ({ invoice_discount: d }) =>
      h.invoices.add(d.external_invoice_id),
    );
  });

  it('POST /invoice_discounts/:external_invoice_id/void', async () => {
    const path = segmentFor(() => [...h.invoices]).map((id) => `/api/v1/invoice_discounts/${id}/void`);
    await h.fuzz(withPath('POST', path, maybeBody(bodyFor('invoice', INVOICE_FIELDS, () => ({})))), 'invoice', 'invoice_discount');
  });

  it('POST /promotion_code_batches', async () => {
    // Small batches of live coupons: they generate in the background while the fuzzing goes on.
    const valid = () => ({ coupon_code: h.pick(h.applicable), count: 1 + (h.next() % 5), prefix: 'FZ-', length: 8 });
    await h.fuzz(post('/api/v1/promotion_code_batches', bodyFor('promotion_code_batch', BATCH_FIELDS, valid)), 'promotion_code_batch', 'promotion_code_batch', ({ promotion_code_batch: b }) =>
      h.batches.add(b.lago_id),
    );
  });

  it('leaves exactly the rows of the accepted requests, and Object.prototype untouched', () => h.expectRowsOfAcceptedRequests('fuzz-write-endpoints'));
});
