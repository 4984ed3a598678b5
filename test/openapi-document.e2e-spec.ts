import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../apps/api/src/app.factory';
import { ApiKeysService } from '../apps/api/src/organizations/api-keys.service';
import { ApiClient } from './support/api-client';
import { fee, invoiceBody } from './support/apply-factories';
import { couponParams, expectStatus, percentageCouponParams, uniqueCode } from './support/factories';
import { conformanceErrors, OpenApiDocument, resolve, SchemaNode } from './support/openapi-conformance';
import { testConfig } from './support/test-app';

/** The reviewed API reference; the dashboard's wire types are generated from it. */
const COMMITTED_DOCUMENT = join(__dirname, '..', 'docs', 'openapi.json');

interface Call {
  params?: Record<string, string>;
  body?: unknown;
  status?: number;
  /** Another key than the suite's (null: none). */
  apiKey?: string | null;
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (key === '$ref' ? [item as string] : refsIn(item)));
}

/** No MariaDB needed: the document does not depend on the database, and SQLite in memory is enough to answer. */
describe('OpenAPI document', () => {
  let app: NestFastifyApplication;
  let api: ApiClient;
  let served: OpenApiDocument;

  beforeAll(async () => {
    app = await createApp(testConfig('unused', { database: { kind: 'sqlite', path: ':memory:' } }));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { apiKey } = await app.get(ApiKeysService).create('OpenAPI organization');
    api = new ApiClient(`http://127.0.0.1:${port}`, apiKey);
    served = expectStatus(await api.withKey(null).get('/api/docs-json'), 200).body;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is committed as docs/openapi.json, byte for byte in its key order (`npm run openapi` rewrites it)', () => {
    const committed: unknown = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8'));
    expect(committed).toEqual(served);
    expect(JSON.stringify(committed)).toBe(JSON.stringify(served));
  });

  it('resolves every $ref', () => {
    const refs = [...new Set(refsIn(served))];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(() => resolve(served, { $ref: ref })).not.toThrow();
  });

  it('describes every answer exactly: each key in order, its type, and null only where documented', async () => {
    const problems: string[] = [];
    /** Calls `path` (its `{params}` filled in) and checks the answer against the document's schema for it. */
    const call = async (method: string, path: string, options: Call = {}) => {
      const { params = {}, body, status = 200, apiKey } = options;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
      const response = await (apiKey === undefined ? api : api.withKey(apiKey)).request(method.toUpperCase(), url, body);
      expect(response.status).toBe(status);
      const answer = served.paths[path]?.[method]?.responses[status === 200 ? '200' : 'default'];
      const schema: SchemaNode | undefined = answer?.content?.['application/json']?.schema;
      const where = `${method.toUpperCase()} ${path} (${status})`;
      if (schema) problems.push(...conformanceErrors(served, schema, response.body, `${where} $`));
      else problems.push(`${where}: not documented`);
      return response.body;
    };

    const { billable_metric: metric } = await call('post', '/api/v1/billable_metrics', {
      body: { billable_metric: { name: 'API calls', code: uniqueCode('metric'), aggregation_type: 'count_agg' } },
    });
    const { plan } = await call('post', '/api/v1/plans', {
      body: {
        plan: {
          name: 'Starter', code: uniqueCode('plan'), interval: 'monthly', amount_cents: 1900, amount_currency: 'EUR',
          charges: [{ billable_metric_code: metric.code }],
        },
      },
    });
    const { customer } = await call('post', '/api/v1/customers', {
      body: { customer: { external_id: uniqueCode('cust'), name: null, currency: 'EUR' } },
    });
    const { coupon: fixed } = await call('post', '/api/v1/coupons', {
      body: {
        coupon: couponParams({
          description: 'Welcome', metadata: { team: 'growth' }, currency_options: { USD: { amount_cents: 1100 } },
          applies_to: { plan_codes: [plan.code] }, max_redemptions: 10,
        }),
      },
    });
    const { coupon: recurring } = await call('post', '/api/v1/coupons', {
      body: {
        coupon: percentageCouponParams({
          frequency: 'recurring', frequency_duration: 3, expiration: 'time_limit', expiration_at: '2099-01-01T00:00:00Z',
        }),
      },
    });
    const customerId = customer.external_id as string;
    const { applied_coupon: applied } = await call('post', '/api/v1/applied_coupons', {
      body: { applied_coupon: { external_customer_id: customerId, coupon_code: fixed.code } },
    });
    await call('post', '/api/v1/applied_coupons', {
      body: { applied_coupon: { external_customer_id: customerId, coupon_code: recurring.code } },
    });
    const invoiceId = uniqueCode('inv');
    const invoice = invoiceBody(customerId, [fee('subscription', 5000, { plan_code: plan.code }), fee('usage', 700)], {
      external_invoice_id: invoiceId,
    });
    await call('post', '/api/v1/invoice_discounts/preview', { body: invoice });
    await call('post', '/api/v1/invoice_discounts', { body: invoice });

    await call('get', '/api/v1/coupons');
    await call('get', '/api/v1/coupons/{code}', { params: { code: fixed.code } });
    await call('get', '/api/v1/applied_coupons');
    await call('get', '/api/v1/customers/{external_customer_id}/applied_coupons', { params: { external_customer_id: customerId } });
    await call('get', '/api/v1/invoice_discounts/{external_invoice_id}', { params: { external_invoice_id: invoiceId } });
    await call('get', '/api/v1/plans');
    await call('get', '/api/v1/plans/{code}', { params: { code: plan.code } });
    await call('get', '/api/v1/billable_metrics');
    await call('get', '/api/v1/billable_metrics/{code}', { params: { code: metric.code } });
    await call('get', '/api/v1/customers');
    await call('get', '/api/v1/customers/{external_id}', { params: { external_id: customerId } });

    await call('put', '/api/v1/coupons/{code}', { params: { code: fixed.code }, body: { coupon: { name: 'Renamed' } } });
    await call('post', '/api/v1/invoice_discounts/{external_invoice_id}/void', { params: { external_invoice_id: invoiceId } });
    await call('delete', '/api/v1/customers/{external_customer_id}/applied_coupons/{lago_id}', {
      params: { external_customer_id: customerId, lago_id: applied.lago_id },
    });
    await call('post', '/api/v1/coupons/{code}/terminate', { params: { code: recurring.code } });
    await call('delete', '/api/v1/coupons/{code}', { params: { code: fixed.code } });

    await call('get', '/api/v1/coupons/{code}', { params: { code: 'NO-SUCH-CODE' }, status: 404 });
    await call('post', '/api/v1/coupons', { body: { coupon: couponParams({ name: '' }) }, status: 422 });
    await call('get', '/api/v1/coupons', { apiKey: 'not-a-key', status: 401 });
    expect(problems).toEqual([]);
  });
});
