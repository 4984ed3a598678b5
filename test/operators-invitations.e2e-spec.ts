import { expectStatus, ISO_SECONDS, UUID } from './support/factories';
import { createOperator, sessionCookieOf, type Session, sessionRequest, signIn, sql, uniqueEmail } from './support/operators';
import { startTestApp, type TestApp } from './support/test-app';

const INVITATION_KEYS = ['lago_id', 'email', 'role', 'status', 'expires_at', 'created_at'];

/** Invitations (one-time links) and the management of users: roles, removal, the last admin. */
describe('operators: invitations and users', () => {
  let t: TestApp;
  let admin: Session;
  let adminLagoId: string;

  const as = (session: Session, method: string, path: string, body?: unknown) => sessionRequest(t.baseUrl, session, method, path, { body });
  const invite = async (email: string, role = 'manager') => {
    const response = expectStatus(await as(admin, 'POST', '/api/v1/invitations', { invitation: { email, role } }), 200);
    return response.body.invitation as { lago_id: string; accept_url: string; email: string; expires_at: string };
  };
  const tokenOf = (acceptUrl: string) => acceptUrl.replace('/invitations/', '');
  const accept = (token: string, body: unknown = { name: 'New Person', password: 'a long enough passphrase' }) =>
    fetch(`${t.baseUrl}/auth/invitations/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const show = (token: string) => fetch(`${t.baseUrl}/auth/invitations/${token}`);
  const answer = async (response: Response) => ({ status: response.status, body: await response.json() });

  beforeAll(async () => {
    t = await startTestApp();
    const person = await createOperator(t, { role: 'admin' });
    adminLagoId = person.lagoId;
    admin = await signIn(t.baseUrl, person.email, person.password);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('invites: the link is shown once, works once, and signs the new user in with the invited role', async () => {
    const email = uniqueEmail('invited');
    const invitation = await invite(email.toUpperCase());
    expect(Object.keys(invitation)).toEqual([...INVITATION_KEYS, 'accept_url']);
    expect(invitation).toMatchObject({ lago_id: expect.stringMatching(UUID), email, role: 'manager', status: 'pending', expires_at: expect.stringMatching(ISO_SECONDS) });
    expect(new Date(invitation.expires_at).getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(invitation.accept_url).toMatch(/^\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(invitation.accept_url);
    // Only the token's hash is stored.
    const [row] = await sql<{ token_hash: string }>(t, 'SELECT token_hash FROM invitations WHERE lago_id = ?', [invitation.lago_id]);
    expect(row.token_hash).not.toContain(token);

    const list = expectStatus(await as(admin, 'GET', '/api/v1/invitations'), 200).body.invitations as Array<Record<string, unknown>>;
    const listed = list.find((candidate) => candidate.lago_id === invitation.lago_id)!;
    expect(Object.keys(listed)).toEqual(INVITATION_KEYS);

    expect(await answer(await show(token))).toEqual({
      status: 200,
      body: { invitation: { email, role: 'manager', organization_name: 'Test organization', expires_at: invitation.expires_at } },
    });

    const weak = await accept(token, { name: 'New Person', password: 'short' });
    expect(await answer(weak)).toEqual({
      status: 422,
      body: { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { password: ['value_is_too_short'] } },
    });
    const accepted = await accept(token);
    expect(accepted.status).toBe(200);
    const session = { cookie: sessionCookieOf(accepted), csrfToken: '' };
    const body = await accepted.json();
    session.csrfToken = body.csrf_token;
    expect(body.user).toMatchObject({ email, name: 'New Person', role: 'manager' });
    expect(expectStatus(await as(session, 'GET', '/auth/session'), 200).body.user.email).toBe(email);

    expect(await answer(await accept(token))).toEqual({ status: 409, body: { status: 409, error: 'Conflict', code: 'invitation_already_used' } });
    expect((await show(token)).status).toBe(409);
    const users = expectStatus(await as(admin, 'GET', '/api/v1/users'), 200).body.users as Array<{ email: string }>;
    expect(users.filter((user) => user.email === email)).toHaveLength(1);
    expect((await as(admin, 'GET', '/api/v1/invitations')).body.invitations.map((item: { lago_id: string }) => item.lago_id)).not.toContain(invitation.lago_id);
  });

  it('records invitations and the user an acceptance makes in the activity log, never the link', async () => {
    const accepted = await invite(uniqueEmail('logged'));
    expect((await accept(tokenOf(accepted.accept_url))).status).toBe(200);
    const revoked = await invite(uniqueEmail('withdrawn'));
    expectStatus(await as(admin, 'DELETE', `/api/v1/invitations/${revoked.lago_id}`), 200);
    const eventsOf = async (objectId: string) => expectStatus(await as(admin, 'GET', `/api/v1/events?object_id=${objectId}`), 200).body.events as any[];

    const [created] = await eventsOf(accepted.lago_id);
    expect(created).toMatchObject({ type: 'invitation.created', actor: { type: 'user', id: adminLagoId }, data: { invitation: { email: accepted.email, status: 'pending' } } });
    expect(Object.keys(created.data.invitation)).toEqual(INVITATION_KEYS);
    const user = (expectStatus(await as(admin, 'GET', '/api/v1/users'), 200).body.users as any[]).find((row) => row.email === accepted.email);
    const [made] = await eventsOf(user.lago_id);
    // The person who accepted is the actor of their own account's making.
    expect(made).toMatchObject({ type: 'user.created', actor: { type: 'user', id: user.lago_id, name: accepted.email }, data: { user: { email: accepted.email, role: 'manager' } } });
    expect((await eventsOf(revoked.lago_id)).map((event) => [event.type, event.data.invitation.status])).toEqual([
      ['invitation.revoked', 'revoked'],
      ['invitation.created', 'pending'],
    ]);
    const everything = JSON.stringify([...(await eventsOf(accepted.lago_id)), ...(await eventsOf(revoked.lago_id))]);
    expect(everything).not.toContain(tokenOf(accepted.accept_url));
    expect(everything).not.toContain('accept_url');
  });

  it('answers an expired link with 410 and a revoked or unknown one with 404', async () => {
    const expired = await invite(uniqueEmail('late'));
    await sql(t, 'UPDATE invitations SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE lago_id = ?', [expired.lago_id]);
    const gone = { status: 410, body: { status: 410, error: 'Gone', code: 'invitation_expired' } };
    expect(await answer(await show(tokenOf(expired.accept_url)))).toEqual(gone);
    expect(await answer(await accept(tokenOf(expired.accept_url)))).toEqual(gone);

    const revoked = await invite(uniqueEmail('revoked'));
    const revocation = expectStatus(await as(admin, 'DELETE', `/api/v1/invitations/${revoked.lago_id}`), 200).body.invitation;
    expect(revocation).toMatchObject({ lago_id: revoked.lago_id, status: 'revoked' });
    expect(Object.keys(revocation)).toEqual(INVITATION_KEYS);
    const notFound = { status: 404, body: { status: 404, error: 'Not Found', code: 'invitation_not_found' } };
    expect(await answer(await show(tokenOf(revoked.accept_url)))).toEqual(notFound);
    expect(await answer(await accept(tokenOf(revoked.accept_url)))).toEqual(notFound);
    expect(await answer(await show('no-such-token'))).toEqual(notFound);
    expect((await as(admin, 'DELETE', '/api/v1/invitations/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('makes exactly one user out of concurrent acceptances of one link', async () => {
    const email = uniqueEmail('racer');
    const token = tokenOf((await invite(email, 'viewer')).accept_url);
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => accept(token)))).map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    expect(await sql(t, 'SELECT id FROM users WHERE email = ?', [email])).toHaveLength(1);
    expect(await sql(t, 'SELECT s.id FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?', [email])).toHaveLength(1);
  });

  it('refuses to invite an address that already has a user, and checks the input', async () => {
    const existing = await createOperator(t, { role: 'viewer', organization: 'Another organization' });
    const taken = await as(admin, 'POST', '/api/v1/invitations', { invitation: { email: existing.email, role: 'viewer' } });
    expect(taken).toMatchObject({ status: 422, body: { code: 'validation_errors', error_details: { email: ['value_already_exist'] } } });
    const bad = await as(admin, 'POST', '/api/v1/invitations', { invitation: { email: 'not-an-address', role: 'owner' } });
    expect(bad).toMatchObject({ status: 422, body: { error_details: { email: ['invalid_email_format'], role: ['value_is_invalid'] } } });
    expect(await as(admin, 'POST', '/api/v1/invitations', {})).toMatchObject({ status: 400 });
  });

  it('changes roles and removes users, but never the last admin', async () => {
    const lastAdmin = await as(admin, 'PUT', `/api/v1/users/${adminLagoId}`, { user: { role: 'manager' } });
    expect(lastAdmin).toMatchObject({ status: 422, body: { error_details: { role: ['last_admin'] } } });
    expect(await as(admin, 'DELETE', `/api/v1/users/${adminLagoId}`)).toMatchObject({ status: 422, body: { error_details: { base: ['last_admin'] } } });
    expect(await as(admin, 'PUT', `/api/v1/users/${adminLagoId}`, { user: { role: 'boss' } })).toMatchObject({ status: 422, body: { error_details: { role: ['value_is_invalid'] } } });
    const unknown = { status: 404, error: 'Not Found', code: 'user_not_found' };
    expect(await as(admin, 'PUT', '/api/v1/users/00000000-0000-0000-0000-000000000000', { user: { role: 'viewer' } })).toMatchObject({ status: 404, body: unknown });
    expect(await as(admin, 'DELETE', '/api/v1/users/00000000-0000-0000-0000-000000000000')).toMatchObject({ status: 404, body: unknown });

    const second = await createOperator(t, { role: 'viewer', name: 'Second' });
    const promoted = expectStatus(await as(admin, 'PUT', `/api/v1/users/${second.lagoId}`, { user: { role: 'admin' } }), 200).body.user;
    expect(Object.keys(promoted)).toEqual(['lago_id', 'email', 'name', 'role', 'created_at']);
    expect(promoted).toMatchObject({ lago_id: second.lagoId, email: second.email, name: 'Second', role: 'admin' });
    // With a second admin, the first may step down.
    expect(expectStatus(await as(admin, 'PUT', `/api/v1/users/${adminLagoId}`, { user: { role: 'admin' } }), 200).body.user.role).toBe('admin');

    const secondSession = await signIn(t.baseUrl, second.email, second.password);
    const removed = expectStatus(await as(admin, 'DELETE', `/api/v1/users/${second.lagoId}`), 200).body.user;
    expect(removed).toMatchObject({ lago_id: second.lagoId, role: 'admin' });
    expect((await as(secondSession, 'GET', '/api/v1/coupons')).status).toBe(401);
    expect((await as(secondSession, 'GET', '/auth/session')).status).toBe(401);
    expect(await sql(t, 'SELECT id FROM users WHERE lago_id = ?', [second.lagoId])).toEqual([]);
  });

  it('keeps one admin when two admins demote each other at the same time', async () => {
    const other = await createOperator(t, { role: 'admin' });
    const otherSession = await signIn(t.baseUrl, other.email, other.password);
    const [first, second] = await Promise.all([
      as(admin, 'PUT', `/api/v1/users/${other.lagoId}`, { user: { role: 'viewer' } }),
      as(otherSession, 'PUT', `/api/v1/users/${adminLagoId}`, { user: { role: 'viewer' } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 422].sort());
    const [{ admins }] = await sql<{ admins: number }>(t, "SELECT COUNT(*) AS admins FROM users u JOIN organizations o ON o.id = u.organization_id WHERE o.name = 'Test organization' AND u.role = 'admin'");
    expect(Number(admins)).toBe(1);
    // Put things back for whoever runs next.
    if (first.status !== 200) await sql(t, "UPDATE users SET role = 'admin' WHERE lago_id = ?", [adminLagoId]);
  });

  it('lets an API key manage users (machines act as admins)', async () => {
    expect(expectStatus(await t.api.get('/api/v1/users'), 200).body.users.length).toBeGreaterThan(0);
  });
});
