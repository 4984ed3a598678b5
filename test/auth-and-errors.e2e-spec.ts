import { ApiKeysService } from '../apps/api/src/organizations/api-keys.service';
import type { ApiResponse } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';
import {
  couponCount, couponParams, createCoupon, expectStatus, notFoundBody, UNAUTHORIZED_BODY,
} from './support/factories';

/** Authentication, organization isolation and the error shape of everything the framework answers. */
describe('authentication and errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const raw = (path: string, init: RequestInit = {}) => fetch(`${t.baseUrl}${path}`, init);

  /** `{status, error[, code]}` with the response's own status, and never a 5xx. */
  function expectErrorShape(response: ApiResponse): void {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body).toEqual(expect.objectContaining({ status: response.status, error: expect.any(String) }));
    expect(Object.keys(response.body).filter((key) => !['status', 'error', 'code'].includes(key))).toEqual([]);
  }

  describe('401', () => {
    const endpoints: [string, string][] = [
      ['GET', '/api/v1/coupons'], ['POST', '/api/v1/coupons'], ['GET', '/api/v1/coupons/ANY'], ['PUT', '/api/v1/coupons/ANY'],
      ['DELETE', '/api/v1/coupons/ANY'], ['POST', '/api/v1/coupons/ANY/terminate'], ['GET', '/api/v1/plans'],
      ['POST', '/api/v1/billable_metrics'], ['GET', '/api/v1/customers/x'],
    ];

    it.each(endpoints)('%s %s without a key', async (method, path) => {
      const body = method === 'GET' || method === 'DELETE' ? undefined : { coupon: couponParams() };
      const response = await t.api.withKey(null).request(method, path, body);
      expect({ status: response.status, body: response.body }).toEqual({ status: 401, body: UNAUTHORIZED_BODY });
    });

    it.each([
      ['a wrong secret', () => `${t.apiKey.slice(0, -4)}AAAA`],
      ['an unknown public id', () => `cpn_AAAAAAAAAAAAAAAA_${t.apiKey.slice(-43)}`],
      ['garbage', () => 'not-a-key'],
      ['a very long token', () => 'x'.repeat(5000)],
    ])('refuses %s', async (_label, key) => {
      const before = await couponCount(t.api);
      const response = await t.api.withKey(key()).post('/api/v1/coupons', { coupon: couponParams() });
      expect({ status: response.status, body: response.body }).toEqual({ status: 401, body: UNAUTHORIZED_BODY });
      expect(await couponCount(t.api)).toBe(before);
    });

    it.each([
      ['another scheme', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
      ['a bare key', () => t.apiKey],
      ['an empty bearer', () => 'Bearer '],
      ['a lower-case scheme with two spaces', () => `bearer  ${t.apiKey}`],
    ])('refuses a malformed header: %s', async (_label, header) => {
      const response = await raw('/api/v1/coupons', { headers: { authorization: header() } });
      expect({ status: response.status, body: await response.json() }).toEqual({ status: 401, body: UNAUTHORIZED_BODY });
    });

    it('refuses a revoked key, and only that key', async () => {
      const key = await t.newApiKey('Revoked organization');
      const other = await t.newApiKey('Revoked organization');
      expectStatus(await t.api.withKey(key).get('/api/v1/coupons'), 200);
      expect(await t.app.get(ApiKeysService).revoke(key, null)).toBe(true);
      const response = await t.api.withKey(key).get('/api/v1/coupons');
      expect({ status: response.status, body: response.body }).toEqual({ status: 401, body: UNAUTHORIZED_BODY });
      expectStatus(await t.api.withKey(other).get('/api/v1/coupons'), 200);
    });
  });

  describe('organization isolation', () => {
    it("never shows or changes another organization's coupons", async () => {
      const other = t.api.withKey(await t.newApiKey());
      const theirs = await createCoupon(other, { code: 'THEIRS' });
      const shared = await createCoupon(other, { code: 'SHARED' });
      const ours = await createCoupon(t.api, { code: 'SHARED', name: 'Ours' });
      expect(ours.lago_id).not.toBe(shared.lago_id);

      for (const response of [
        await t.api.get('/api/v1/coupons/THEIRS'),
        await t.api.put('/api/v1/coupons/THEIRS', { coupon: { name: 'Hijacked' } }),
        await t.api.post('/api/v1/coupons/THEIRS/terminate'),
        await t.api.delete('/api/v1/coupons/THEIRS'),
      ]) {
        expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
      }
      const ourCodes = (await t.api.get('/api/v1/coupons?per_page=1000')).body.coupons.map((coupon: { code: string }) => coupon.code);
      expect(ourCodes).not.toContain('THEIRS');
      expect((await t.api.get('/api/v1/coupons?search_term=THEIRS')).body.meta.total_count).toBe(0);
      expect((await t.api.get('/api/v1/coupons/SHARED')).body.coupon).toEqual(ours);
      expect((await other.get('/api/v1/coupons/THEIRS')).body.coupon).toEqual(theirs);
      expect((await other.get('/api/v1/coupons/SHARED')).body.coupon).toEqual(shared);
      expect((await other.get('/api/v1/coupons')).body.meta.total_count).toBe(2);
    });

    it("cannot limit a coupon to another organization's plan", async () => {
      const other = t.api.withKey(await t.newApiKey());
      const plan = expectStatus(await other.post('/api/v1/plans', {
        plan: { name: 'P', code: 'their-plan', interval: 'monthly', amount_cents: 0, amount_currency: 'EUR' },
      }), 200).body.plan;
      const response = await t.api.post('/api/v1/coupons', { coupon: couponParams({ applies_to: { plan_codes: [plan.code] } }) });
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('plans_not_found') });
    });
  });

  describe('framework errors in the API error shape', () => {
    it.each([
      ['GET', '/api/v1/nope'], ['POST', '/api/v1/nope'], ['GET', '/api/v2/coupons'], ['PATCH', '/api/v1/coupons'],
      ['DELETE', '/api/v1/coupons'], ['GET', '/api/v1/coupons/a/b/c'],
    ])('%s %s is a JSON 404', async (method, path) => {
      const response = await t.api.request(method, path);
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: { status: 404, error: 'Not Found' } });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    });

    it('answers 413 to a body over 1 MiB, in the error shape', async () => {
      const response = await t.api.post('/api/v1/coupons', { coupon: couponParams({ description: 'x'.repeat(1024 * 1024) }) });
      expect({ status: response.status, body: response.body }).toEqual({ status: 413, body: { status: 413, error: 'Payload Too Large' } });
    });

    it('accepts a body just under the limit and judges it', async () => {
      const response = await t.api.post('/api/v1/coupons', { coupon: couponParams({ description: 'x'.repeat(1000 * 1000) }) });
      expect(response.status).toBe(422);
      expect(response.body.error_details).toEqual({ description: ['value_is_out_of_range'] });
    });

    it.each([
      ['text/plain', JSON.stringify({ coupon: couponParams() })],
      ['application/x-www-form-urlencoded', 'coupon[name]=x&coupon[code]=y'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="coupon"\r\n\r\nx\r\n--x--\r\n'],
      ['application/xml', '<coupon><name>x</name></coupon>'],
    ])('answers %s with a 4xx in the error shape and writes nothing', async (contentType, body) => {
      const before = await couponCount(t.api);
      const response = await t.api.post('/api/v1/coupons', body, { 'content-type': contentType });
      expectErrorShape(response);
      expect(await couponCount(t.api)).toBe(before);
    });

    it('serves the OpenAPI document', async () => {
      const response = expectStatus(await t.api.withKey(null).get('/api/docs-json'), 200);
      expect(response.body.openapi).toMatch(/^3\./);
      expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining([
        '/api/v1/coupons', '/api/v1/coupons/{code}', '/api/v1/coupons/{code}/terminate', '/api/v1/plans', '/api/v1/customers',
      ]));
      expect(Object.keys(response.body.paths['/api/v1/coupons'])).toEqual(expect.arrayContaining(['get', 'post']));
      expect(Object.keys(response.body.paths['/api/v1/coupons/{code}'])).toEqual(expect.arrayContaining(['get', 'put', 'patch', 'delete']));
    });
  });
});
