import { startTestApp, TestApp } from './support/test-app';
import {
  badRequestBody, createCustomer, createMetric, createPlan, expectStatus, ISO_SECONDS, notFoundBody, uniqueCode, UUID,
  validationBody,
} from './support/factories';

/** Plans, billable metrics and customers: the Lago-compatible subsets coupons depend on. */
describe('catalog', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const refused = async (path: string, body: unknown, status: number, expected: unknown) => {
    const response = await t.api.post(path, body);
    expect({ status: response.status, body: response.body }).toEqual({ status, body: expected });
  };

  describe('billable metrics', () => {
    it('creates, reads and lists', async () => {
      const code = uniqueCode('metric');
      const response = expectStatus(await t.api.post('/api/v1/billable_metrics', {
        billable_metric: { name: 'Storage', code, aggregation_type: 'sum_agg', field_name: 'gb' },
      }), 200);
      const metric = response.body.billable_metric;
      expect(Object.keys(response.body)).toEqual(['billable_metric']);
      expect(metric).toEqual({ lago_id: metric.lago_id, name: 'Storage', code, aggregation_type: 'sum_agg', created_at: metric.created_at });
      expect(metric.lago_id).toMatch(UUID);
      expect(metric.created_at).toMatch(ISO_SECONDS);
      expect((await t.api.get(`/api/v1/billable_metrics/${code}`)).body).toEqual({ billable_metric: metric });
      const list = expectStatus(await t.api.get('/api/v1/billable_metrics?per_page=1'), 200).body;
      expect(Object.keys(list)).toEqual(['billable_metrics', 'meta']);
      expect(list.billable_metrics).toEqual([metric]);
      expect(list.meta).toMatchObject({ current_page: 1, prev_page: null });
    });

    it('refuses duplicates, missing and invalid fields', async () => {
      const metric = await createMetric(t.api);
      await refused('/api/v1/billable_metrics', { billable_metric: { name: 'x', code: metric.code, aggregation_type: 'count_agg' } }, 422,
        validationBody({ code: ['value_already_exist'] }));
      await refused('/api/v1/billable_metrics', { billable_metric: { code: 'a b', aggregation_type: 'median' } }, 422, validationBody({
        name: ['value_is_mandatory'], code: ['value_is_invalid'], aggregation_type: ['value_is_invalid'],
      }));
      await refused('/api/v1/billable_metrics', { metric: {} }, 400, badRequestBody('billable_metric'));
    });

    it('answers 404 billable_metric_not_found', async () => {
      const response = await t.api.get('/api/v1/billable_metrics/nope');
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('billable_metric_not_found') });
    });
  });

  describe('plans', () => {
    it('creates with charges by billable_metric_code and by billable_metric_id', async () => {
      const [calls, seats] = [await createMetric(t.api), await createMetric(t.api, { name: 'Seats' })];
      const code = uniqueCode('plan');
      const response = expectStatus(await t.api.post('/api/v1/plans', {
        plan: {
          name: 'Business', code, interval: 'yearly', amount_cents: 99000, amount_currency: 'USD', trial_period: 0,
          charges: [{ billable_metric_code: calls.code, charge_model: 'standard' }, { billable_metric_id: seats.lago_id }],
        },
      }), 200);
      const plan = response.body.plan;
      expect(Object.keys(response.body)).toEqual(['plan']);
      expect(plan).toEqual({
        lago_id: plan.lago_id, name: 'Business', code, interval: 'yearly', amount_cents: 99000, amount_currency: 'USD',
        created_at: plan.created_at,
        charges: [
          { lago_billable_metric_id: calls.lago_id, billable_metric_code: calls.code },
          { lago_billable_metric_id: seats.lago_id, billable_metric_code: seats.code },
        ],
      });
      expect(plan.lago_id).toMatch(UUID);
      expect(plan.created_at).toMatch(ISO_SECONDS);
      expect((await t.api.get(`/api/v1/plans/${code}`)).body).toEqual({ plan });
    });

    it.each([
      ['an unknown metric code', [{ billable_metric_code: 'nope' }]],
      ['an unknown metric id', [{ billable_metric_id: '00000000-0000-4000-8000-000000000000' }]],
      ['a metric id that is not a uuid', [{ billable_metric_id: 'nope' }]],
    ])('answers 404 billable_metric_not_found to %s', async (_label, charges) => {
      const code = uniqueCode('plan');
      await refused('/api/v1/plans', { plan: { name: 'P', code, interval: 'monthly', amount_cents: 0, amount_currency: 'EUR', charges } }, 404,
        notFoundBody('billable_metric_not_found'));
      expect((await t.api.get(`/api/v1/plans/${code}`)).status).toBe(404);
    });

    it("refuses another organization's metric", async () => {
      const other = t.api.withKey(await t.newApiKey());
      const theirs = await createMetric(other);
      await refused('/api/v1/plans', {
        plan: { name: 'P', code: uniqueCode('plan'), interval: 'monthly', amount_cents: 0, amount_currency: 'EUR', charges: [{ billable_metric_id: theirs.lago_id }] },
      }, 404, notFoundBody('billable_metric_not_found'));
    });

    it('refuses duplicates, missing and invalid fields', async () => {
      const plan = await createPlan(t.api);
      await refused('/api/v1/plans', { plan: { name: 'P', code: plan.code, interval: 'monthly', amount_cents: 0, amount_currency: 'EUR' } }, 422,
        validationBody({ code: ['value_already_exist'] }));
      await refused('/api/v1/plans', { plan: { code: uniqueCode('plan'), interval: 'daily', amount_cents: -1, amount_currency: 'eur' } }, 422,
        validationBody({
          name: ['value_is_mandatory'], interval: ['value_is_invalid'], amount_cents: ['value_is_out_of_range'], amount_currency: ['value_is_invalid'],
        }));
      await refused('/api/v1/plans', { coupon: { name: 'x' } }, 400, badRequestBody('plan'));
    });

    it('lists newest first with pagination meta', async () => {
      const other = t.api.withKey(await t.newApiKey());
      const first = await createPlan(other, { code: 'first' });
      const second = await createPlan(other, { code: 'second' });
      const list = expectStatus(await other.get('/api/v1/plans'), 200).body;
      expect(list).toEqual({
        plans: [second, first],
        meta: { current_page: 1, next_page: null, prev_page: null, total_pages: 1, total_count: 2 },
      });
      expect((await other.get('/api/v1/plans?per_page=1&page=2')).body).toEqual({
        plans: [first],
        meta: { current_page: 2, next_page: null, prev_page: 1, total_pages: 2, total_count: 2 },
      });
    });

    it('answers 404 plan_not_found', async () => {
      const response = await t.api.get('/api/v1/plans/nope');
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('plan_not_found') });
    });
  });

  describe('customers', () => {
    it('creates, then updates by external_id keeping lago_id and created_at', async () => {
      const other = t.api.withKey(await t.newApiKey());
      const created = await createCustomer(other, { external_id: 'acme', name: 'Acme', currency: 'EUR' });
      expect(created).toEqual({ lago_id: created.lago_id, external_id: 'acme', name: 'Acme', currency: 'EUR', created_at: created.created_at });
      expect(created.lago_id).toMatch(UUID);
      expect(created.created_at).toMatch(ISO_SECONDS);

      const updated = expectStatus(await other.post('/api/v1/customers', { customer: { external_id: 'acme', name: 'Acme Corp' } }), 200).body.customer;
      expect(updated).toEqual({ ...created, name: 'Acme Corp' });
      expect((await other.get('/api/v1/customers/acme')).body).toEqual({ customer: updated });
      expect((await other.get('/api/v1/customers')).body).toEqual({
        customers: [updated],
        meta: { current_page: 1, next_page: null, prev_page: null, total_pages: 1, total_count: 1 },
      });
    });

    it('keeps one customer when the same external_id is posted concurrently', async () => {
      const other = t.api.withKey(await t.newApiKey());
      const responses = await Promise.all(
        Array.from({ length: 5 }, (_, i) => other.post('/api/v1/customers', { customer: { external_id: 'racer', name: `N${i}` } })),
      );
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
      expect(new Set(responses.map((response) => response.body.customer.lago_id)).size).toBe(1);
      expect((await other.get('/api/v1/customers')).body.meta.total_count).toBe(1);
    });

    it('refuses invalid fields and answers 404 customer_not_found', async () => {
      await refused('/api/v1/customers', { customer: { name: 'x', currency: 'euro' } }, 422, validationBody({
        external_id: ['value_is_mandatory'], currency: ['value_is_invalid'],
      }));
      await refused('/api/v1/customers', { customer: { external_id: 'a/b' } }, 422, validationBody({ external_id: ['value_is_invalid'] }));
      await refused('/api/v1/customers', [], 400, badRequestBody('customer'));
      const response = await t.api.get('/api/v1/customers/nope');
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('customer_not_found') });
    });
  });
});
