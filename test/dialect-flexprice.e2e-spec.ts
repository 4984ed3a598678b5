import {
  DtoCouponResponse$inboundSchema, DtoListCouponsResponse$inboundSchema, ErrorsErrorsErrorResponse, Flexprice, HTTPClient,
} from '@flexprice/sdk';
import { createFlexpriceDocument } from '../apps/api/src/dialects/flexprice/flexprice.openapi';
import { startTestApp, TestApp } from './support/test-app';
import { ISO_SECONDS, isoIn, UUID } from './support/factories';

type Json = Record<string, any>;

const camelCase = (key: string) => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const camelKeys = (object: Json) => Object.fromEntries(Object.entries(object).map(([key, value]) => [camelCase(key), value]));

/**
 * Stricter than the SDK's own validation, which turns a number into a string and a missing value into a
 * default silently: the parsed value must be exactly the wire value under the SDK's names. The one
 * conversion allowed is its own reading of null as "no value" (it refuses a missing key outright).
 */
function expectStrictCoupon(raw: Json) {
  // `coupon_code` is ours, for the other dialects' sake; the SDK drops keys it does not know.
  const { coupon_code: _ours, ...flexprice } = raw;
  const expected = Object.fromEntries(Object.entries(camelKeys(flexprice)).map(([key, value]) => [key, value ?? undefined]));
  expect(DtoCouponResponse$inboundSchema.parse(raw)).toStrictEqual(expected);
}

/** `@flexprice/sdk`, unmodified, pointed at us; every raw answer is kept to check it strictly. */
describe('Flexprice dialect: @flexprice/sdk against /flexprice/v1', () => {
  let t: TestApp;
  let flexprice: Flexprice;
  let lastBody: Json;
  let lastApiKeyHeader: string | null;

  /** A request as any HTTP client would send it, with the key in `x-api-key`. */
  async function raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, apiKey: string | null = t.apiKey) {
    const response = await fetch(`${t.baseUrl}/flexprice/v1${path}`, {
      method,
      headers: { ...(apiKey ? { 'x-api-key': apiKey } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, text, headers: response.headers };
  }

  /** The typed error the SDK raised, with the body it parsed. */
  async function sdkError(promise: Promise<unknown>): Promise<ErrorsErrorsErrorResponse> {
    const error = await promise.then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ErrorsErrorsErrorResponse);
    return error as ErrorsErrorsErrorResponse;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const httpClient = new HTTPClient();
    httpClient.addHook('beforeRequest', (request) => {
      lastApiKeyHeader = request.headers.get('x-api-key');
      return request;
    });
    httpClient.addHook('response', async (response) => {
      const text = await response.clone().text();
      lastBody = text ? JSON.parse(text) : null;
    });
    flexprice = new Flexprice({ serverURL: `${t.baseUrl}/flexprice/v1`, apiKeyAuth: t.apiKey, httpClient });
  });
  afterAll(() => t.close());

  it('creates a fixed coupon (201) in major units, seen by Lago in minor units', async () => {
    const redeemBefore = isoIn(30);
    const created = await flexprice.coupons.createCoupon({
      name: 'Ten fifty off', type: 'fixed', amountOff: '10.50', currency: 'usd', cadence: 'repeated', durationInPeriods: 3,
      redeemBefore, maxRedemptions: 100, metadata: { campaign: 'spring' }, rules: { customer: { segment: 'smb' } },
    });
    expect(lastApiKeyHeader).toBe(t.apiKey);
    expectStrictCoupon(lastBody);
    expect(created).toEqual({
      id: expect.stringMatching(UUID), name: 'Ten fifty off', redeemBefore, maxRedemptions: 100, totalRedemptions: 0,
      rules: { customer: { segment: 'smb' } }, amountOff: '10.50', type: 'fixed', cadence: 'repeated', durationInPeriods: 3,
      currency: 'usd', metadata: { campaign: 'spring' }, status: 'published',
      createdAt: expect.stringMatching(ISO_SECONDS), updatedAt: expect.stringMatching(ISO_SECONDS),
    });
    expect(lastBody.coupon_code).toEqual(expect.any(String));

    const lago = await t.api.get(`/api/v1/coupons/${lastBody.coupon_code}`);
    expect(lago.body.coupon).toMatchObject({
      lago_id: created.id, name: 'Ten fifty off', coupon_type: 'fixed_amount', amount_cents: 1050, amount_currency: 'USD',
      frequency: 'recurring', frequency_duration: 3, expiration: 'time_limit', expiration_at: redeemBefore,
      max_redemptions: 100, metadata: { campaign: 'spring' }, status: 'active',
    });
  });

  it('converts with each currency’s own exponent, exactly', async () => {
    for (const [amountOff, currency, cents, back] of [
      ['1500', 'JPY', 1500, '1500'], ['1.005', 'bhd', 1005, '1.005'], ['0.0001', 'CLF', 1, '0.0001'], ['19.990', 'EUR', 1999, '19.99'],
    ] as const) {
      const created = await flexprice.coupons.createCoupon({ name: `In ${currency}`, type: 'fixed', amountOff, currency, cadence: 'once' });
      expect(created).toMatchObject({ amountOff: back, currency: currency.toLowerCase() });
      expect((await t.api.get(`/api/v1/coupons/${lastBody.coupon_code}`)).body.coupon).toMatchObject({ amount_cents: cents, amount_currency: currency.toUpperCase() });
    }
  });

  it('gets, updates, searches and deletes through the SDK, every answer strictly valid', async () => {
    const created = await flexprice.coupons.createCoupon({
      name: 'Quarter off', type: 'percentage', percentageOff: '25', cadence: 'forever', redeemAfter: '2026-01-01T00:00:00Z',
    });
    expectStrictCoupon(lastBody);
    expect(created).toMatchObject({ percentageOff: '25.0', cadence: 'forever', redeemAfter: '2026-01-01T00:00:00Z' });
    expect(created.amountOff).toBeUndefined();
    expect(lastBody).toMatchObject({ amount_off: null, currency: null, rules: null });

    expect(await flexprice.coupons.getCoupon(created.id!)).toEqual(created);
    expectStrictCoupon(lastBody);

    const updated = await flexprice.coupons.updateCoupon(created.id!, { name: 'Quarter off, renamed', metadata: { owner: 'growth' } });
    expectStrictCoupon(lastBody);
    expect(updated).toMatchObject({ id: created.id, name: 'Quarter off, renamed', metadata: { owner: 'growth' }, percentageOff: '25.0' });

    const found = await flexprice.coupons.queryCoupon({ couponIds: [created.id!] });
    expect(DtoListCouponsResponse$inboundSchema.parse(lastBody).items).toHaveLength(1);
    expectStrictCoupon(lastBody.items[0]);
    expect(found).toEqual({ items: [updated], pagination: { total: 1, limit: 50, offset: 0 } });

    expect(await flexprice.coupons.deleteCoupon(created.id!)).toEqual({ message: 'coupon deleted successfully' });
    const gone = await sdkError(flexprice.coupons.getCoupon(created.id!));
    expect(gone.statusCode).toBe(404);
    expect(gone.error?.message).toBe('coupon not found');
    expect((await flexprice.coupons.queryCoupon({ couponIds: [created.id!] })).items).toEqual([]);
  });

  it('raises the SDK’s typed errors, with Flexprice’s code and details in the body', async () => {
    const missing = await sdkError(flexprice.coupons.createCoupon({ name: '', type: 'percentage', cadence: 'repeated' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.success).toBe(false);
    expect(JSON.parse(missing.body)).toEqual({
      success: false,
      error: { message: expect.stringContaining('validation failed'), internal_error: expect.any(String), details: expect.any(Object) },
      code: 'validation_error', message: missing.error?.message, http_status_code: 400,
      details: { name: ['value_is_mandatory'], percentage_off: ['value_is_mandatory'], duration_in_periods: ['value_is_mandatory'] },
    });

    const tooPrecise = await sdkError(flexprice.coupons.createCoupon({ name: 'x', type: 'fixed', amountOff: '10.505', currency: 'USD', cadence: 'once' }));
    expect(JSON.parse(tooPrecise.body).details).toEqual({ amount_off: ['value_is_invalid'] });
    const noYenCents = await sdkError(flexprice.coupons.createCoupon({ name: 'x', type: 'fixed', amountOff: '1.5', currency: 'JPY', cadence: 'once' }));
    expect(JSON.parse(noYenCents.body).details).toEqual({ amount_off: ['value_is_invalid'] });
    const zero = await sdkError(flexprice.coupons.createCoupon({ name: 'x', type: 'fixed', amountOff: '0.00', currency: 'USD', cadence: 'once' }));
    expect(JSON.parse(zero.body).details).toEqual({ amount_off: ['value_is_out_of_range'] });
    const noCurrency = await sdkError(flexprice.coupons.createCoupon({ name: 'x', type: 'fixed', amountOff: '5', cadence: 'once' }));
    expect(JSON.parse(noCurrency.body).details).toEqual({ currency: ['value_is_mandatory'] });
    const lagoWord = await sdkError(flexprice.coupons.createCoupon({ name: 'x', type: 'fixed_amount' as never, amountOff: '5', currency: 'USD', cadence: 'recurring' as never }));
    expect(JSON.parse(lagoWord.body).details).toEqual({ type: ['value_is_invalid'], cadence: ['value_is_invalid'] });
    const past = await sdkError(flexprice.coupons.createCoupon({ name: 'x', type: 'percentage', percentageOff: '5', cadence: 'once', redeemBefore: '2020-01-01T00:00:00Z' }));
    expect(JSON.parse(past.body).details).toEqual({ redeem_before: ['invalid_date'] });

    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const tooDeep = await sdkError(flexprice.coupons.createCoupon({ name: 'x', type: 'percentage', percentageOff: '5', cadence: 'once', rules: JSON.parse(nested(40)) }));
    expect(JSON.parse(tooDeep.body).details).toEqual({ rules: ['value_is_out_of_range'] });
    // Deeper than JSON.stringify can go (the SDK itself cannot send it): still a 400, never a 500.
    const abyss = await raw('POST', '/coupons', `{"name":"x","type":"percentage","percentage_off":"5","cadence":"once","rules":${nested(5000)}}`);
    expect(abyss).toMatchObject({ status: 400, body: { details: { rules: ['value_is_out_of_range'] } } });

    const unknown = await sdkError(flexprice.coupons.getCoupon('4b0c5a0e-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ success: false, code: 'not_found', http_status_code: 404 });
    expect((await sdkError(flexprice.coupons.updateCoupon('not-a-uuid', { name: 'x' }))).statusCode).toBe(404);
    expect((await sdkError(flexprice.coupons.deleteCoupon('not-a-uuid'))).statusCode).toBe(404);

    const badKey = new Flexprice({ serverURL: `${t.baseUrl}/flexprice/v1`, apiKeyAuth: 'cpn_nope' });
    const unauthorized = await sdkError(badKey.coupons.createCoupon({ name: 'x', type: 'percentage', percentageOff: '5', cadence: 'once' }));
    expect(unauthorized.statusCode).toBe(401);
    expect(JSON.parse(unauthorized.body)).toMatchObject({ success: false, code: 'permission_denied', http_status_code: 401 });
  });

  it('answers the framework’s own errors in Flexprice’s shape, and refuses a Bearer key', async () => {
    const shape = (status: number) => ({
      success: false, error: { message: expect.any(String), internal_error: expect.any(String) }, code: expect.any(String),
      message: expect.any(String), http_status_code: status,
    });
    expect(await raw('POST', '/coupons', '{"name":')).toMatchObject({ status: 400, body: shape(400) });
    expect(await raw('POST', '/coupons', '[1]')).toMatchObject({ status: 400, body: shape(400) });
    expect(await raw('POST', '/coupons', 'name=x', { 'content-type': 'text/plain' })).toMatchObject({ status: 400, body: shape(400) });
    expect(await raw('GET', '/nowhere')).toMatchObject({ status: 404, body: shape(404) });
    expect(await raw('GET', '/coupons/x', undefined, {}, null)).toMatchObject({ status: 401, body: shape(401) });
    expect(await raw('GET', '/coupons/x', undefined, { authorization: `Bearer ${t.apiKey}` }, null)).toMatchObject({ status: 401 });
    expect(await raw('GET', `/coupons/${'%E0%A4%A'}`)).toMatchObject({ status: 404, body: shape(404) });
  });

  it('replays a create with the same Idempotency-Key, 201 and byte for byte', async () => {
    const body = { name: 'Once', type: 'percentage', percentage_off: '10', cadence: 'once' };
    const first = await raw('POST', '/coupons', body, { 'idempotency-key': 'flex-create-1' });
    const second = await raw('POST', '/coupons', body, { 'idempotency-key': 'flex-create-1' });
    expect(first.status).toBe(201);
    expect(second).toMatchObject({ status: 201, text: first.text });
  });

  it('shows coupons of every dialect: one made in Lago is found by id and by search', async () => {
    const lago = await t.api.post('/api/v1/coupons', {
      coupon: { name: 'From Lago', code: 'FROM-LAGO', coupon_type: 'fixed_amount', amount_cents: 1999, amount_currency: 'EUR', frequency: 'once', expiration: 'no_expiration' },
    });
    const id = lago.body.coupon.lago_id;
    const coupon = await flexprice.coupons.getCoupon(id);
    expectStrictCoupon(lastBody);
    expect(coupon).toMatchObject({ id, name: 'From Lago', type: 'fixed', amountOff: '19.99', currency: 'eur', cadence: 'once', status: 'published' });
    expect(lastBody.coupon_code).toBe('FROM-LAGO');
    const search = await flexprice.coupons.queryCoupon({ filters: [{ field: 'coupon_code', operator: 'eq', dataType: 'string', value: { string: 'FROM-LAGO' } }] });
    expect(search.items?.map((item) => item.id)).toEqual([id]);
  });

  it('describes its routes, and only them, in its own OpenAPI document', () => {
    const document = createFlexpriceDocument(t.app);
    expect(Object.keys(document.paths).sort()).toEqual(['/flexprice/v1/coupons', '/flexprice/v1/coupons/search', '/flexprice/v1/coupons/{id}']);
    expect(document.components?.securitySchemes).toEqual({ 'x-api-key': { type: 'apiKey', in: 'header', name: 'x-api-key' } });
    expect(Object.keys(document.paths['/flexprice/v1/coupons'].post?.responses ?? {})).toEqual(expect.arrayContaining(['201', 'default']));
  });

  describe('search', () => {
    let ids: string[];

    beforeAll(async () => {
      const created = [];
      for (const [index, name] of ['Search alpha', 'Search beta', 'Search gamma'].entries()) {
        const body = { name, type: index === 0 ? 'fixed' : 'percentage', amount_off: '1', currency: 'gbp', percentage_off: '5', cadence: 'once', max_redemptions: 10 * (index + 1) };
        created.push((await raw('POST', '/coupons', body)).body);
      }
      ids = created.map((coupon) => coupon.id);
      await t.api.post(`/api/v1/coupons/${created[2].coupon_code}/terminate`);
    });

    const byName = { field: 'name', operator: 'contains', dataType: 'string', value: { string: 'SEARCH ' } } as const;

    it('pages with limit and offset, published only unless status says otherwise', async () => {
      const first = await flexprice.coupons.queryCoupon({ filters: [byName], limit: 1, offset: 0, order: 'asc' });
      expect(first).toMatchObject({ items: [{ id: ids[0] }], pagination: { total: 2, limit: 1, offset: 0 } });
      const second = await flexprice.coupons.queryCoupon({ filters: [byName], limit: 1, offset: 1, order: 'asc' });
      expect(second.items?.map((item) => item.id)).toEqual([ids[1]]);
      const archived = await flexprice.coupons.queryCoupon({ filters: [byName], status: 'archived' });
      expect(archived).toMatchObject({ items: [{ id: ids[2], status: 'archived' }], pagination: { total: 1 } });
      expect(await flexprice.coupons.queryCoupon({ filters: [byName], status: 'deleted' })).toEqual({ items: [], pagination: { total: 0, limit: 50, offset: 0 } });
    });

    it('honours coupon_ids and field filters of every kind', async () => {
      const query = async (filters: Json[], extra: Json = {}) =>
        ((await flexprice.coupons.queryCoupon({ filters, order: 'asc', ...extra })).items ?? []).map((item) => item.id);
      expect(await query([byName], { couponIds: [ids[1], ids[2]] })).toEqual([ids[1]]);
      expect(await query([byName, { field: 'type', operator: 'eq', value: { string: 'fixed' } }])).toEqual([ids[0]]);
      expect(await query([byName, { field: 'currency', operator: 'in', value: { array: ['gbp'] } }])).toEqual([ids[0]]);
      expect(await query([byName, { field: 'max_redemptions', operator: 'gt', value: { number: 15 } }])).toEqual([ids[1]]);
      expect(await query([byName, { field: 'name', operator: 'not_contains', value: { string: 'alpha' } }])).toEqual([ids[1]]);
      expect(await query([byName, { field: 'id', operator: 'not_in', value: { array: [ids[0]] } }])).toEqual([ids[1]]);
      expect(await query([byName, { field: 'created_at', operator: 'after', value: { date: '2000-01-01T00:00:00Z' } }])).toEqual([ids[0], ids[1]]);
      expect(await query([byName, { field: 'created_at', operator: 'before', value: { date: '2000-01-01T00:00:00Z' } }])).toEqual([]);
      expect(await query([byName], { sort: [{ field: 'name', direction: 'desc' }] })).toEqual([ids[1], ids[0]]);
    });

    it('refuses what it cannot honour with a typed 400', async () => {
      for (const body of [
        { limit: 0 }, { limit: 1001 }, { offset: -1 }, { status: 'gone' }, { coupon_ids: 'x' }, { order: 'up' },
        { filters: [{ field: 'secret', operator: 'eq', value: { string: 'x' } }] },
        { filters: [{ field: 'name', operator: 'gt', value: { number: 1 } }] },
        { filters: [{ field: 'type', operator: 'eq', value: { string: 'fixed_amount' } }] },
        { sort: [{ field: 'code', direction: 'asc' }] },
      ]) {
        const response = await raw('POST', '/coupons/search', body);
        expect(response).toMatchObject({ status: 400, body: { success: false, code: 'validation_error', http_status_code: 400 } });
      }
    });
  });
});
