import { ApiClient } from './support/api-client';
import { expectStatus, ISO_SECONDS, UNAUTHORIZED_BODY } from './support/factories';
import { createOperator, type Session, sessionRequest, signIn } from './support/operators';
import { startTestApp, type TestApp } from './support/test-app';

const KEY_VALUE = /^cpn_[A-Za-z0-9]{16}_[A-Za-z0-9_-]{43}$/;

/** API keys managed over HTTP: created with a name and shown once, listed without secrets, revoked. */
describe('operators: API keys', () => {
  let t: TestApp;
  let admin: Session;
  let adminEmail: string;

  const as = (method: string, path: string, body?: unknown) => sessionRequest(t.baseUrl, admin, method, path, { body });

  beforeAll(async () => {
    t = await startTestApp();
    const person = await createOperator(t, { role: 'admin' });
    adminEmail = person.email;
    admin = await signIn(t.baseUrl, person.email, person.password);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a key whose value is shown once and works as a Bearer key', async () => {
    const created = expectStatus(await as('POST', '/api/v1/api_keys', { api_key: { name: '  Billing sync ' } }), 200).body.api_key;
    expect(Object.keys(created)).toEqual(['lago_id', 'name', 'created_at', 'revoked_at', 'value']);
    expect(created).toEqual({
      lago_id: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
      name: 'Billing sync',
      created_at: expect.stringMatching(ISO_SECONDS),
      revoked_at: null,
      value: expect.stringMatching(KEY_VALUE),
    });
    expect(created.value.startsWith(`cpn_${created.lago_id}_`)).toBe(true);
    expect((await new ApiClient(t.baseUrl, created.value).get('/api/v1/coupons')).status).toBe(200);

    const listed = expectStatus(await as('GET', '/api/v1/api_keys'), 200).body.api_keys as Array<Record<string, unknown>>;
    // Newest first; the suite's own key (made by the CLI's service) has no name; no value anywhere.
    expect(listed[0]).toEqual({ lago_id: created.lago_id, name: 'Billing sync', created_at: created.created_at, revoked_at: null });
    expect(listed.at(-1)).toMatchObject({ name: null, revoked_at: null });
    expect(JSON.stringify(listed)).not.toContain(created.value);
  });

  it('revokes a key: refused from then on, listed with revoked_at', async () => {
    const { api_key: key } = expectStatus(await as('POST', '/api/v1/api_keys', { api_key: { name: null } }), 200).body;
    expect(key.name).toBeNull();
    const revoked = expectStatus(await as('DELETE', `/api/v1/api_keys/${key.lago_id}`), 200).body.api_key;
    expect(revoked).toEqual({ lago_id: key.lago_id, name: null, created_at: key.created_at, revoked_at: expect.stringMatching(ISO_SECONDS) });
    const refused = await new ApiClient(t.baseUrl, key.value).get('/api/v1/coupons');
    expect({ status: refused.status, body: refused.body }).toEqual({ status: 401, body: UNAUTHORIZED_BODY });
    const listed = expectStatus(await as('GET', '/api/v1/api_keys'), 200).body.api_keys as Array<{ lago_id: string; revoked_at: string | null }>;
    expect(listed.find((item) => item.lago_id === key.lago_id)?.revoked_at).toBe(revoked.revoked_at);
    expect(await as('DELETE', '/api/v1/api_keys/NoSuchKeyAtAll00')).toMatchObject({ status: 404, body: { code: 'api_key_not_found' } });
  });

  it('records who created and who revoked a key in the activity log, never its value', async () => {
    const { api_key: key } = expectStatus(await as('POST', '/api/v1/api_keys', { api_key: { name: 'Audited' } }), 200).body;
    expectStatus(await as('DELETE', `/api/v1/api_keys/${key.lago_id}`), 200);
    expectStatus(await as('DELETE', `/api/v1/api_keys/${key.lago_id}`), 200);
    const events = expectStatus(await as('GET', `/api/v1/events?object_id=${key.lago_id}`), 200).body.events as any[];
    // Revoking a revoked key changes nothing: one revocation only.
    expect(events.map((event) => event.type)).toEqual(['api_key.revoked', 'api_key.created']);
    for (const event of events) expect(event.actor).toEqual({ type: 'user', id: expect.any(String), name: adminEmail });
    expect(events[1].data).toEqual({ api_key: { lago_id: key.lago_id, name: 'Audited', created_at: key.created_at, revoked_at: null } });
    expect(events[0].data.api_key.revoked_at).toMatch(ISO_SECONDS);
    expect(JSON.stringify(events)).not.toContain(key.value.slice(`cpn_${key.lago_id}_`.length));
  });

  it('lets a key revoke itself: that call succeeds, the next is refused', async () => {
    const { api_key: key } = expectStatus(await as('POST', '/api/v1/api_keys', { api_key: { name: 'Short-lived' } }), 200).body;
    const itself = new ApiClient(t.baseUrl, key.value);
    expect(expectStatus(await itself.delete(`/api/v1/api_keys/${key.lago_id}`), 200).body.api_key.revoked_at).toMatch(ISO_SECONDS);
    expect((await itself.get('/api/v1/api_keys')).status).toBe(401);
  });

  it("does not reach another organization's keys", async () => {
    const otherKey = await t.newApiKey('Other organization');
    const otherId = otherKey.split('_')[1];
    expect((await as('DELETE', `/api/v1/api_keys/${otherId}`)).status).toBe(404);
    expect((await new ApiClient(t.baseUrl, otherKey).get('/api/v1/coupons')).status).toBe(200);
  });

  it('checks the name', async () => {
    const tooLong = await as('POST', '/api/v1/api_keys', { api_key: { name: 'x'.repeat(256) } });
    expect(tooLong).toMatchObject({ status: 422, body: { error_details: { name: ['value_is_out_of_range'] } } });
    expect(await as('POST', '/api/v1/api_keys', {})).toMatchObject({ status: 400 });
  });
});
