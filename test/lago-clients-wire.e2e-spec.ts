import { request as httpRequest } from 'node:http';
import { applyCoupon, commitInvoice, fee, invoiceBody } from './support/apply-factories';
import {
  badRequestBody, createCoupon, createCustomer, expectStatus, ISO_SECONDS, notFoundBody,
} from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

interface Sent {
  status: number;
  body: any;
}

/**
 * How Lago's other clients frame a request. Ruby's (Net::HTTP) sends the JSON headers on every call and
 * a `{}` or empty body with Content-Length: 0 on DELETE; Python's (requests) sends the same headers and
 * Content-Length: 0 when there is no body. Some clients send the header and no length at all, or a
 * zero-length chunked body.
 */
const FRAMINGS = {
  'JSON type, Content-Length: 0': { headers: { 'content-length': '0' }, body: '' },
  'JSON type, no Content-Length': { headers: {}, body: null },
  'JSON type, empty chunked body': { headers: { 'transfer-encoding': 'chunked' }, body: '' },
} as const;
type Framing = keyof typeof FRAMINGS;
const FRAMING_NAMES = Object.keys(FRAMINGS) as Framing[];

describe('requests framed the way Lago clients other than JavaScript send them', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Raw HTTP/1.1 with exactly these headers: fetch would choose its own framing. */
  function send(method: string, path: string, framing: Framing | { body: string }): Promise<Sent> {
    const { headers: extra, body } = typeof framing === 'string' ? FRAMINGS[framing] : { headers: {}, body: framing.body };
    const headers: Record<string, string> = {
      authorization: `Bearer ${t.apiKey}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'lago-ruby-client',
      ...extra,
    };
    if (typeof framing !== 'string') headers['content-length'] = String(Buffer.byteLength(framing.body));
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${t.baseUrl}${path}`, { method, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      });
      request.on('error', reject);
      request.end(body ?? undefined);
    });
  }

  const outcome = ({ status, body }: Sent) => ({ status, body });

  describe.each(FRAMING_NAMES)('routes that take no body, %s', (framing) => {
    it('DELETE /customers/:id/applied_coupons/:lago_id terminates the applied coupon', async () => {
      const customer = await createCustomer(t.api);
      const applied = await applyCoupon(t.api, customer.external_id, (await createCoupon(t.api)).code);
      const response = await send('DELETE', `/api/v1/customers/${customer.external_id}/applied_coupons/${applied.lago_id}`, framing);
      expect(response.status).toBe(200);
      expect(response.body.applied_coupon).toMatchObject({ lago_id: applied.lago_id, status: 'terminated', terminated_at: expect.stringMatching(ISO_SECONDS) });
    });

    it('DELETE /customers/:id/applied_coupons/<not a uuid> is a 404', async () => {
      const customer = await createCustomer(t.api);
      const response = await send('DELETE', `/api/v1/customers/${customer.external_id}/applied_coupons/not-a-uuid`, framing);
      expect(outcome(response)).toEqual({ status: 404, body: notFoundBody('applied_coupon_not_found') });
    });

    it('DELETE /coupons/:code deletes the coupon', async () => {
      const coupon = await createCoupon(t.api);
      const response = await send('DELETE', `/api/v1/coupons/${coupon.code}`, framing);
      expect(outcome(response)).toEqual({ status: 200, body: { coupon } });
      expect((await t.api.get(`/api/v1/coupons/${coupon.code}`)).status).toBe(404);
    });

    it('POST /coupons/:code/terminate terminates the coupon', async () => {
      const coupon = await createCoupon(t.api);
      const response = await send('POST', `/api/v1/coupons/${coupon.code}/terminate`, framing);
      expect(response.status).toBe(200);
      expect(response.body.coupon).toMatchObject({ code: coupon.code, status: 'terminated' });
    });

    it('POST /invoice_discounts/:id/void voids the invoice discount', async () => {
      const customer = await createCustomer(t.api);
      await applyCoupon(t.api, customer.external_id, (await createCoupon(t.api, { amount_cents: 100 })).code);
      const invoice = await commitInvoice(t.api, invoiceBody(customer.external_id, [fee('f1', 1000)]));
      const response = await send('POST', `/api/v1/invoice_discounts/${invoice.external_invoice_id}/void`, framing);
      expect(response.status).toBe(200);
      expect(response.body.invoice_discount).toMatchObject({ external_invoice_id: invoice.external_invoice_id, status: 'voided' });
    });

    it.each([
      ['/api/v1/coupons', 'coupons'],
      ['/api/v1/applied_coupons', 'applied_coupons'],
      ['/api/v1/customers', 'customers'],
    ])('GET %s lists', async (path, rootKey) => {
      const response = await send('GET', path, framing);
      expect(response.status).toBe(200);
      expect(response.body).toHaveProperty(rootKey);
    });

    it('GET /coupons/:code reads the coupon', async () => {
      const coupon = await createCoupon(t.api);
      expect(outcome(await send('GET', `/api/v1/coupons/${coupon.code}`, framing))).toEqual({ status: 200, body: { coupon } });
    });
  });

  describe('Ruby client: `{}` as the body of a DELETE', () => {
    it('terminates an applied coupon and deletes a coupon', async () => {
      const customer = await createCustomer(t.api);
      const coupon = await createCoupon(t.api);
      const applied = await applyCoupon(t.api, customer.external_id, coupon.code);
      const terminated = await send('DELETE', `/api/v1/customers/${customer.external_id}/applied_coupons/${applied.lago_id}`, { body: '{}' });
      expect(terminated.status).toBe(200);
      expect(terminated.body.applied_coupon.status).toBe('terminated');
      const deleted = await send('DELETE', `/api/v1/coupons/${coupon.code}`, { body: '{}' });
      expect(outcome(deleted)).toEqual({ status: 200, body: { coupon: { ...coupon, redemptions_count: 1 } } });
    });
  });

  describe('routes that take a body answer an empty one with the missing root key', () => {
    it.each(FRAMING_NAMES)('%s', async (framing) => {
      const coupon = await createCoupon(t.api);
      const customer = await createCustomer(t.api);
      const cases: Array<[string, string, string]> = [
        ['POST', '/api/v1/coupons', 'coupon'],
        ['PUT', `/api/v1/coupons/${coupon.code}`, 'coupon'],
        ['PATCH', `/api/v1/coupons/${coupon.code}`, 'coupon'],
        ['POST', '/api/v1/applied_coupons', 'applied_coupon'],
        ['POST', '/api/v1/customers', 'customer'],
        ['POST', '/api/v1/plans', 'plan'],
        ['POST', '/api/v1/billable_metrics', 'billable_metric'],
        ['POST', '/api/v1/invoice_discounts', 'invoice'],
        ['POST', '/api/v1/invoice_discounts/preview', 'invoice'],
      ];
      for (const [method, path, rootKey] of cases) {
        expect({ method, path, ...outcome(await send(method, path, framing)) }).toEqual({ method, path, status: 400, body: badRequestBody(rootKey) });
      }
      expect((await t.api.get(`/api/v1/coupons/${coupon.code}`)).body.coupon).toEqual(coupon);
      expect((await t.api.get(`/api/v1/customers/${customer.external_id}`)).body.customer).toEqual(customer);
    });
  });

  describe('deleting a coupon, as Lago does', () => {
    it('keeps its status; its applied coupons end, and list it with coupon_status active and coupon_deleted_at', async () => {
      const customer = await createCustomer(t.api);
      const coupon = await createCoupon(t.api);
      const applied = await applyCoupon(t.api, customer.external_id, coupon.code);
      const deleted = await send('DELETE', `/api/v1/coupons/${coupon.code}`, 'JSON type, Content-Length: 0');
      expect(outcome(deleted)).toEqual({ status: 200, body: { coupon: { ...coupon, redemptions_count: 1 } } });
      expect(deleted.body.coupon).toMatchObject({ status: 'active', terminated_at: null });
      const listed = expectStatus(await t.api.get(`/api/v1/customers/${customer.external_id}/applied_coupons`), 200).body.applied_coupons;
      expect(listed).toEqual([
        expect.objectContaining({
          lago_id: applied.lago_id, status: 'terminated', terminated_at: expect.stringMatching(ISO_SECONDS),
          coupon_status: 'active', coupon_deleted_at: expect.stringMatching(ISO_SECONDS),
        }),
      ]);
    });

    it('a terminated coupon stays terminated, with its own terminated_at', async () => {
      const customer = await createCustomer(t.api);
      const coupon = await createCoupon(t.api);
      await applyCoupon(t.api, customer.external_id, coupon.code);
      const terminated = expectStatus(await t.api.post(`/api/v1/coupons/${coupon.code}/terminate`), 200).body.coupon;
      expect(outcome(await send('DELETE', `/api/v1/coupons/${coupon.code}`, 'JSON type, Content-Length: 0'))).toEqual({ status: 200, body: { coupon: terminated } });
      const [listed] = expectStatus(await t.api.get(`/api/v1/customers/${customer.external_id}/applied_coupons`), 200).body.applied_coupons;
      expect(listed).toMatchObject({ coupon_status: 'terminated', coupon_deleted_at: expect.stringMatching(ISO_SECONDS), status: 'terminated' });
    });
  });
});
