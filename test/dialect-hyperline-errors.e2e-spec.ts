import { createHyperlineDocument } from '../apps/api/src/dialects/hyperline/hyperline.openapi';
import { conformanceErrors, type OpenApiDocument } from './support/openapi-conformance';
import { createCoupon, createPercentageCoupon, expectStatus, isoIn } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

function hyperlineCoupon(overrides: Record<string, unknown> = {}) {
  return { name: 'Partner discount', description: null, expiration_date: null, redemption_limit: null, type: 'amount', discount_amount: 2000, currency: 'EUR', ...overrides };
}

/** Every error under /hyperline/v1 in Hyperline's shape, `{message}`, and the dialect's own OpenAPI document. */
describe('Hyperline dialect: errors and document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const refused = async (body: unknown) => {
    const response = await t.api.post('/hyperline/v1/coupons', body);
    expect(response.status).toBe(400);
    return response.body;
  };

  describe('refused coupons: 400 with every field error under its Hyperline name', () => {
    it.each([
      [{ discount_amount: 0 }, { discount_amount: ['value_is_out_of_range'] }],
      [{ discount_amount: '2000' }, { discount_amount: ['value_is_invalid'] }],
      [{ discount_amount: 12.5 }, { discount_amount: ['value_is_invalid'] }],
      [{ discount_amount: null }, { discount_amount: ['value_is_mandatory'] }],
      [{ currency: 'eur' }, { currency: ['value_is_invalid'] }],
      [{ currency: 'XAU' }, { currency: ['value_is_invalid'] }],
      [{ currency: undefined }, { currency: ['value_is_mandatory'] }],
      [{ name: '' }, { name: ['value_is_mandatory'] }],
      [{ name: 'x'.repeat(256) }, { name: ['value_is_out_of_range'] }],
      [{ description: 42 }, { description: ['value_is_invalid'] }],
      [{ redemption_limit: 0 }, { redemption_limit: ['value_is_out_of_range'] }],
      [{ redemption_limit: '5' }, { redemption_limit: ['value_is_invalid'] }],
      [{ expiration_date: '2020-01-01T00:00:00Z' }, { expiration_date: ['invalid_date'] }],
      [{ expiration_date: 'next week' }, { expiration_date: ['invalid_date'] }],
      [{ type: undefined }, { type: ['value_is_mandatory'] }],
      [{ type: 'fixed_amount' }, { type: ['value_is_invalid'] }],
      [{ type: 'percent', discount_percent: 0 }, { discount_percent: ['value_is_out_of_range'] }],
      [{ type: 'percent', discount_percent: 100.5 }, { discount_percent: ['value_is_out_of_range'] }],
      [{ type: 'percent' }, { discount_percent: ['value_is_mandatory'] }],
    ])('%j → %j', async (overrides, errors) => {
      const body = await refused(JSON.parse(JSON.stringify(hyperlineCoupon(overrides))));
      expect(body).toEqual({ message: expect.stringMatching(/^Invalid coupon: /), errors });
    });

    it('reports the errors of several fields together, named in the message', async () => {
      const body = await refused({ type: 'amount', discount_amount: -5, currency: 'euro', redemption_limit: 0 });
      expect(body.errors).toEqual({
        name: ['value_is_mandatory'],
        discount_amount: ['value_is_out_of_range'],
        currency: ['value_is_invalid'],
        redemption_limit: ['value_is_out_of_range'],
      });
      expect(body.message).toBe('Invalid coupon: name is required, discount_amount is out of range, currency is invalid, redemption_limit is out of range');
    });

    it.each([
      ['HRK', 'EUR'], ['BYR', 'BYN'], ['MRO', 'MRU'], ['STD', 'STN'], ['VEF', 'VES'], ['SLL', 'SLE'], ['ZWL', 'ZWG'],
    ])('names the successor of the withdrawn currency %s (%s)', async (withdrawn, successor) => {
      const body = await refused(hyperlineCoupon({ currency: withdrawn }));
      expect(body.errors).toEqual({ currency: ['value_is_invalid'] });
      expect(body.message).toContain(`${withdrawn} was withdrawn from ISO 4217`);
      expect(body.message).toContain(`use ${successor}`);
    });

    it.each([
      ['malformed JSON', '{"name":'],
      ['a JSON array', '[]'],
      ['a JSON string', '"coupon"'],
      ['null', 'null'],
    ])('answers %s with a message', async (_label, text) => {
      const response = await t.api.post('/hyperline/v1/coupons', text);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message: expect.any(String) });
    });

    it('creates nothing when it refuses', async () => {
      const api = t.api.withKey(await t.newApiKey());
      await api.post('/hyperline/v1/coupons', hyperlineCoupon({ currency: 'HRK' }));
      await api.post('/hyperline/v1/coupons', hyperlineCoupon({ discount_amount: 0 }));
      expect((await api.get('/hyperline/v1/coupons')).body.meta.total).toBe(0);
    });
  });

  describe("the framework's own errors", () => {
    it.each([
      ['no key', null],
      ['an unknown key', 'not-a-key'],
    ])('401 with %s', async (_label, key) => {
      for (const [method, path] of [['GET', '/hyperline/v1/coupons'], ['POST', '/hyperline/v1/coupons'], ['DELETE', '/hyperline/v1/coupons/x']]) {
        const response = await t.api.withKey(key).request(method, path, method === 'POST' ? hyperlineCoupon() : undefined);
        expect({ status: response.status, body: response.body }).toEqual({ status: 401, body: { message: 'Missing or invalid authentication token' } });
      }
    });

    it('404 for an unknown route or an undecodable id', async () => {
      for (const path of ['/hyperline/v1/nothing', '/hyperline/v1/coupons/%E0%A4%A', `/hyperline/v1/coupons/${'x'.repeat(2000)}`]) {
        const response = await t.api.get(path);
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ message: expect.any(String) });
      }
      expect(await t.api.delete('/hyperline/v1/nothing')).toMatchObject({ status: 404, body: { message: 'The requested resource was not found' } });
      expect(await t.api.put('/hyperline/v1/coupons/x', {})).toMatchObject({ status: 404, body: { message: 'The requested resource was not found' } });
    });

    it('413 for a body over the limit, 415 for another content type', async () => {
      const large = await t.api.post('/hyperline/v1/coupons', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
      expect({ status: large.status, body: large.body }).toEqual({ status: 413, body: { message: 'The request body is too large' } });
      const xml = await t.api.post('/hyperline/v1/coupons', '<coupon/>', { 'content-type': 'application/xml' });
      expect({ status: xml.status, body: xml.body }).toEqual({ status: 415, body: { message: expect.any(String) } });
    });
  });

  describe('OpenAPI document', () => {
    let document: OpenApiDocument;
    beforeAll(() => {
      document = createHyperlineDocument(t.app) as unknown as OpenApiDocument;
    });

    it("describes Hyperline's routes only", () => {
      expect(Object.keys(document.paths).sort()).toEqual(['/hyperline/v1/coupons', '/hyperline/v1/coupons/{id}']);
      expect(Object.keys(document.paths['/hyperline/v1/coupons']).sort()).toEqual(['get', 'post']);
      expect(Object.keys(document.paths['/hyperline/v1/coupons/{id}']).sort()).toEqual(['delete', 'get']);
    });

    it('matches what the endpoints answer, key for key', async () => {
      const schemaOf = (method: string, path: string, status: string) => document.paths[path][method].responses[status].content!['application/json'].schema;
      const created = expectStatus(await t.api.post('/hyperline/v1/coupons', hyperlineCoupon({ expiration_date: isoIn(3), redemption_limit: 2 })), 201).body;
      expect(conformanceErrors(document, schemaOf('post', '/hyperline/v1/coupons', '201'), created)).toEqual([]);
      const percent = await createPercentageCoupon(t.api);
      const fixed = await createCoupon(t.api);
      for (const id of [created.id, percent.lago_id, fixed.lago_id]) {
        const shown = expectStatus(await t.api.get(`/hyperline/v1/coupons/${id}`), 200).body;
        expect(conformanceErrors(document, schemaOf('get', '/hyperline/v1/coupons/{id}', '200'), shown)).toEqual([]);
      }
      const list = expectStatus(await t.api.get('/hyperline/v1/coupons'), 200).body;
      expect(conformanceErrors(document, schemaOf('get', '/hyperline/v1/coupons', '200'), list)).toEqual([]);
      const deleted = expectStatus(await t.api.delete(`/hyperline/v1/coupons/${fixed.lago_id}`), 200).body;
      expect(conformanceErrors(document, schemaOf('delete', '/hyperline/v1/coupons/{id}', '200'), deleted)).toEqual([]);
      const error = (await t.api.post('/hyperline/v1/coupons', { type: 'amount' })).body;
      expect(conformanceErrors(document, { $ref: '#/components/schemas/HyperlineError' }, error)).toEqual([]);
    });
  });
});
