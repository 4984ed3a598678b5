import { couponCount, couponParams, expectStatus, uniqueCode } from './support/factories';
import { createOperator, type Session, sessionRequest, signIn } from './support/operators';
import { startTestApp, type TestApp } from './support/test-app';

const ROLE_NOT_ALLOWED = { status: 403, error: 'Forbidden', code: 'role_not_allowed' };
const CSRF_TOKEN_INVALID = { status: 403, error: 'Forbidden', code: 'csrf_token_invalid' };

/** What each role may do under /api/v1 with a session, the CSRF defences, and the actor of a session's changes. */
describe('operators: roles, CSRF and actors on /api/v1', () => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let viewer: Session;
  let managerEmail: string;
  let managerLagoId: string;

  const as = (session: Session, method: string, path: string, options?: Parameters<typeof sessionRequest>[4]) =>
    sessionRequest(t.baseUrl, session, method, path, options);
  const webhookCount = async () => expectStatus(await t.api.get('/api/v1/webhook_endpoints'), 200).body.webhook_endpoints.length as number;

  beforeAll(async () => {
    t = await startTestApp({ webhooks: { workersEnabled: false, retrySchedule: [5], allowPrivateUrls: true } });
    const people = await Promise.all([
      createOperator(t, { role: 'admin' }),
      createOperator(t, { role: 'manager' }),
      createOperator(t, { role: 'viewer' }),
    ]);
    [admin, manager, viewer] = await Promise.all(people.map((person) => signIn(t.baseUrl, person.email, person.password)));
    managerEmail = people[1].email;
    managerLagoId = people[1].lagoId;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets a viewer read and refuses its writes before anything is written', async () => {
    expect((await as(viewer, 'GET', '/api/v1/coupons')).status).toBe(200);
    expect((await as(viewer, 'GET', '/api/v1/webhook_endpoints')).status).toBe(200);
    const before = await couponCount(t.api);
    const forged = await as(viewer, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() } });
    expect(forged).toMatchObject({ status: 403, body: ROLE_NOT_ALLOWED });
    // Refused before the body is even looked at: a broken body gets the same 403, not a 400.
    expect(await as(viewer, 'POST', '/api/v1/coupons', { body: { nothing: true } })).toMatchObject({ status: 403, body: ROLE_NOT_ALLOWED });
    expect(await couponCount(t.api)).toBe(before);
  });

  it('lets a viewer ask what writes nothing: a discount preview and a checkout validation', async () => {
    const customer = expectStatus(await t.api.post('/api/v1/customers', { customer: { external_id: uniqueCode('cus'), name: 'Viewer check', currency: 'EUR' } }), 200).body.customer;
    const coupon = expectStatus(await t.api.post('/api/v1/coupons', { coupon: couponParams() }), 200).body.coupon;
    const code = expectStatus(await t.api.post('/api/v1/promotion_codes', { promotion_code: { coupon_code: coupon.code } }), 200).body.promotion_code;
    const invoice = { external_customer_id: customer.external_id, currency: 'EUR', fees: [{ id: 'f', amount_cents: 5000 }] };
    const preview = await as(viewer, 'POST', '/api/v1/invoice_discounts/preview', { body: { invoice } });
    expect(preview).toMatchObject({ status: 200, body: { invoice_discount: { status: 'preview', fees_amount_cents: 5000 } } });
    const validation = await as(viewer, 'POST', '/api/v1/promotion_codes/validate', { body: { validation: { code: code.code, external_customer_id: customer.external_id } } });
    expect(validation).toMatchObject({ status: 200, body: { validation: { valid: true } } });
    // Still no redemption: the code's count and the customer's applied coupons are untouched.
    expect(expectStatus(await t.api.get(`/api/v1/promotion_codes/${code.code}`), 200).body.promotion_code.redemptions_count).toBe(0);
    expect(expectStatus(await t.api.get(`/api/v1/customers/${customer.external_id}/applied_coupons`), 200).body.applied_coupons).toEqual([]);
  });

  it('lets a manager operate, with the user as the actor of the change', async () => {
    const code = uniqueCode('MGR');
    const created = await as(manager, 'POST', '/api/v1/coupons', { body: { coupon: couponParams({ code }) } });
    expect(created.status).toBe(200);
    const events = expectStatus(await t.api.get('/api/v1/events?type=coupon.created'), 200).body.events as Array<{ data: { object: { code: string } }; actor: unknown }>;
    const event = events.find((candidate) => JSON.stringify(candidate).includes(code));
    expect(event?.actor).toEqual({ type: 'user', id: managerLagoId, name: managerEmail });
  });

  it('keeps webhook endpoints, redelivery, users, invitations and API keys for admins', async () => {
    const endpoint = { webhook_endpoint: { url: 'http://127.0.0.1:9/hooks' } };
    const before = await webhookCount();
    expect(await as(manager, 'POST', '/api/v1/webhook_endpoints', { body: endpoint })).toMatchObject({ status: 403, body: ROLE_NOT_ALLOWED });
    expect(await as(manager, 'POST', '/api/v1/invitations', { body: { invitation: { email: 'x@example.com', role: 'viewer' } } })).toMatchObject({ status: 403, body: ROLE_NOT_ALLOWED });
    expect(await as(manager, 'POST', '/api/v1/events/evt_unknown/redeliver')).toMatchObject({ status: 403, body: ROLE_NOT_ALLOWED });
    for (const path of ['/api/v1/users', '/api/v1/invitations', '/api/v1/api_keys']) {
      expect(await as(manager, 'GET', path)).toMatchObject({ status: 403, body: ROLE_NOT_ALLOWED });
      expect(await as(viewer, 'GET', path)).toMatchObject({ status: 403, body: ROLE_NOT_ALLOWED });
    }
    expect(await webhookCount()).toBe(before);

    const created = await as(admin, 'POST', '/api/v1/webhook_endpoints', { body: endpoint });
    expect(created.status).toBe(200);
    expect(await webhookCount()).toBe(before + 1);
    expect((await as(admin, 'GET', '/api/v1/users')).status).toBe(200);
  });

  it('refuses a write without the CSRF token, or with another, and writes nothing', async () => {
    const before = await couponCount(t.api);
    expect(await as(admin, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() }, csrf: null })).toMatchObject({ status: 403, body: CSRF_TOKEN_INVALID });
    expect(await as(admin, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() }, csrf: manager.csrfToken })).toMatchObject({ status: 403, body: CSRF_TOKEN_INVALID });
    expect(await as(admin, 'DELETE', '/api/v1/coupons/ANY', { csrf: '' })).toMatchObject({ status: 403, body: CSRF_TOKEN_INVALID });
    expect(await couponCount(t.api)).toBe(before);
    // Reads need no token.
    expect((await as(admin, 'GET', '/api/v1/coupons', { csrf: null })).status).toBe(200);
  });

  it("refuses a session request from another site's page, even with the token", async () => {
    const before = await couponCount(t.api);
    const crossSite = await as(admin, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() }, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite).toMatchObject({ status: 403, body: CSRF_TOKEN_INVALID });
    const otherOrigin = await as(admin, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() }, headers: { origin: 'https://evil.example' } });
    expect(otherOrigin).toMatchObject({ status: 403, body: CSRF_TOKEN_INVALID });
    expect(await as(admin, 'GET', '/api/v1/coupons', { headers: { 'sec-fetch-site': 'cross-site' } })).toMatchObject({ status: 403, body: CSRF_TOKEN_INVALID });
    expect(await couponCount(t.api)).toBe(before);
    // The dashboard's own page: same origin.
    const host = new URL(t.baseUrl).host;
    const sameOrigin = await as(admin, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() }, headers: { origin: `http://${host}`, 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.status).toBe(200);
    // Signing in from another site's page is refused too (it could sign the browser in to someone else's account).
    const signInFromElsewhere = await fetch(`${t.baseUrl}/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ email: managerEmail, password: 'whatever it is' }),
    });
    expect(signInFromElsewhere.status).toBe(403);
  });

  it('judges a request with both a key and a cookie by its key; API keys need no CSRF token', async () => {
    const withBadKey = await as(admin, 'GET', '/api/v1/coupons', { headers: { authorization: 'Bearer cpn_nope' } });
    expect(withBadKey).toMatchObject({ status: 401, body: { status: 401, error: 'Unauthorized' } });
    const withKey = await as(viewer, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() }, csrf: null, headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(withKey.status).toBe(200);
  });

  it('keeps the other dialects for API keys: a session cookie there is no credential', async () => {
    const stripe = await as(admin, 'GET', '/v1/coupons');
    expect(stripe.status).toBe(401);
    const hyperline = await as(admin, 'GET', '/hyperline/v1/coupons');
    expect(hyperline.status).toBe(401);
  });

  it("records an operator's making, role changes and removal in the activity log, with who did it", async () => {
    const person = await createOperator(t, { role: 'manager' });
    expect((await as(admin, 'PUT', `/api/v1/users/${person.lagoId}`, { body: { user: { role: 'viewer' } } })).status).toBe(200);
    // The same role again changes nothing, and records nothing.
    expect((await as(admin, 'PUT', `/api/v1/users/${person.lagoId}`, { body: { user: { role: 'viewer' } } })).status).toBe(200);
    expect((await as(admin, 'DELETE', `/api/v1/users/${person.lagoId}`)).status).toBe(200);
    const events = expectStatus(await as(admin, 'GET', `/api/v1/events?object_id=${person.lagoId}`), 200).body.events as any[];
    expect(events.map((event) => [event.type, event.actor.type, event.data.user.role])).toEqual([
      ['user.removed', 'user', 'viewer'],
      ['user.role_updated', 'user', 'viewer'],
      // Made by the test's own call of the CLI's use case, outside any request.
      ['user.created', 'system', 'manager'],
    ]);
    expect(events[0].data.user).toEqual({ lago_id: person.lagoId, email: person.email, name: null, role: 'viewer', created_at: expect.any(String) });
    expect(JSON.stringify(events)).not.toMatch(/password|argon/i);
  });

  it('reads the role afresh on every request: a demoted manager loses its writes at once', async () => {
    const person = await createOperator(t, { role: 'manager' });
    const session = await signIn(t.baseUrl, person.email, person.password);
    expect((await as(session, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() } })).status).toBe(200);
    expect((await as(admin, 'PUT', `/api/v1/users/${person.lagoId}`, { body: { user: { role: 'viewer' } } })).status).toBe(200);
    expect(await as(session, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() } })).toMatchObject({ status: 403, body: ROLE_NOT_ALLOWED });
    expect((await as(session, 'GET', '/api/v1/coupons')).status).toBe(200);
  });
});
