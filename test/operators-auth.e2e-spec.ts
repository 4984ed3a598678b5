import { UUID, ISO_SECONDS } from './support/factories';
import { createOperator, DEFAULT_PASSWORD, sessionCookieOf, sessionRequest, signIn, sql, uniqueEmail } from './support/operators';
import { startTestApp, type TestApp } from './support/test-app';

const post = (baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const INVALID_CREDENTIALS = { status: 401, error: 'Unauthorized', code: 'invalid_credentials' };
const SESSION_REQUIRED = { status: 401, error: 'Unauthorized', code: 'session_required' };

/** Signing in, the session cookie, sign-out, idle expiry, throttling and password changes, over HTTP on MariaDB. */
describe('operators: sign-in and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in with the right password: an httpOnly, SameSite=Lax session cookie and the session body', async () => {
    const operator = await createOperator(t, { email: 'Ada.Admin@Example.com', role: 'admin', name: 'Ada' });
    // The address is matched whatever its case and surrounding blanks.
    const response = await post(t.baseUrl, '/auth/sign_in', { email: '  ada.admin@EXAMPLE.com ', password: DEFAULT_PASSWORD });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^coupons_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(cookie).not.toMatch(/Max-Age|Expires|Secure/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(Object.keys(body)).toEqual(['user', 'organization', 'csrf_token']);
    expect(body).toEqual({
      user: { lago_id: operator.lagoId, email: 'ada.admin@example.com', name: 'Ada', role: 'admin', created_at: expect.stringMatching(ISO_SECONDS) },
      organization: { name: 'Test organization' },
      csrf_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(operator.lagoId).toMatch(UUID);

    const session = { cookie: sessionCookieOf(response), csrfToken: body.csrf_token };
    const current = await sessionRequest(t.baseUrl, session, 'GET', '/auth/session');
    expect(current).toMatchObject({ status: 200, body });
    // Only the token's hash is stored.
    const [row] = await sql<{ token_hash: string }>(t, 'SELECT token_hash FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?', [operator.email]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(session.cookie).not.toContain(row.token_hash);
  });

  it('answers a wrong password and an unknown address with the same 401', async () => {
    const operator = await createOperator(t, { role: 'viewer' });
    const wrong = await post(t.baseUrl, '/auth/sign_in', { email: operator.email, password: 'not the password at all' });
    const unknown = await post(t.baseUrl, '/auth/sign_in', { email: uniqueEmail('nobody'), password: 'not the password at all' });
    expect({ status: wrong.status, body: await wrong.json() }).toEqual({ status: 401, body: INVALID_CREDENTIALS });
    expect({ status: unknown.status, body: await unknown.json() }).toEqual({ status: 401, body: INVALID_CREDENTIALS });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a body without its fields with a 400 naming them', async () => {
    const response = await post(t.baseUrl, '/auth/sign_in', { password: 5 });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 400,
      body: {
        status: 400,
        error: 'BadRequest',
        code: 'validation_errors',
        error_details: { email: ['value_is_mandatory'], password: ['value_is_invalid'] },
      },
    });
  });

  it('throttles the sixth attempt within 15 minutes, even with the right password', async () => {
    const operator = await createOperator(t, { role: 'manager' });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await post(t.baseUrl, '/auth/sign_in', { email: operator.email, password: `wrong password ${attempt}` });
      expect(response.status).toBe(401);
    }
    const sixth = await post(t.baseUrl, '/auth/sign_in', { email: operator.email, password: operator.password });
    expect({ status: sixth.status, body: await sixth.json() }).toEqual({
      status: 429,
      body: { status: 429, error: 'Too Many Requests', code: 'too_many_sign_in_attempts' },
    });
    expect(sixth.headers.get('set-cookie')).toBeNull();

    // Once the failures are older than the window, the right password works again.
    await sql(t, 'UPDATE sign_in_failures SET created_at = created_at - INTERVAL 15 MINUTE WHERE email = ?', [operator.email]);
    expect((await post(t.baseUrl, '/auth/sign_in', { email: operator.email, password: operator.password })).status).toBe(200);
  });

  it('throttles unknown addresses alike, so the 429 tells nothing either', async () => {
    const email = uniqueEmail('ghost');
    for (let attempt = 1; attempt <= 5; attempt++) expect((await post(t.baseUrl, '/auth/sign_in', { email, password: 'whatever password' })).status).toBe(401);
    expect((await post(t.baseUrl, '/auth/sign_in', { email, password: 'whatever password' })).status).toBe(429);
  });

  it('ends a session idle for 12 hours', async () => {
    const operator = await createOperator(t, { role: 'viewer' });
    const session = await signIn(t.baseUrl, operator.email, operator.password);
    await sql(t, 'UPDATE user_sessions s JOIN users u ON u.id = s.user_id SET s.last_seen_at = NOW(3) - INTERVAL 12 HOUR + INTERVAL 1 MINUTE WHERE u.email = ?', [operator.email]);
    expect((await sessionRequest(t.baseUrl, session, 'GET', '/api/v1/coupons')).status).toBe(200);
    // That request moved last_seen_at forward: the session is fresh again.
    const [{ idle_seconds }] = await sql<{ idle_seconds: number }>(
      t, 'SELECT TIMESTAMPDIFF(SECOND, s.last_seen_at, NOW(3)) AS idle_seconds FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?', [operator.email],
    );
    expect(Number(idle_seconds)).toBeLessThan(60);

    await sql(t, 'UPDATE user_sessions s JOIN users u ON u.id = s.user_id SET s.last_seen_at = NOW(3) - INTERVAL 12 HOUR WHERE u.email = ?', [operator.email]);
    expect(await sessionRequest(t.baseUrl, session, 'GET', '/auth/session')).toMatchObject({ status: 401, body: SESSION_REQUIRED });
    expect(await sql(t, 'SELECT s.id FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?', [operator.email])).toEqual([]);
  });

  it('refreshes last_seen_at at most once a minute', async () => {
    const operator = await createOperator(t, { role: 'viewer' });
    const session = await signIn(t.baseUrl, operator.email, operator.password);
    await sql(t, 'UPDATE user_sessions s JOIN users u ON u.id = s.user_id SET s.last_seen_at = NOW(3) - INTERVAL 30 SECOND WHERE u.email = ?', [operator.email]);
    const [before] = await sql<{ last_seen_at: Date }>(t, 'SELECT s.last_seen_at FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?', [operator.email]);
    expect((await sessionRequest(t.baseUrl, session, 'GET', '/auth/session')).status).toBe(200);
    const [after] = await sql<{ last_seen_at: Date }>(t, 'SELECT s.last_seen_at FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?', [operator.email]);
    expect(after.last_seen_at).toEqual(before.last_seen_at);
  });

  it('signs out on the server: the old cookie is refused afterwards', async () => {
    const operator = await createOperator(t, { role: 'manager' });
    const session = await signIn(t.baseUrl, operator.email, operator.password);
    // Without the CSRF token, sign-out is refused and the session lives on.
    expect((await sessionRequest(t.baseUrl, session, 'POST', '/auth/sign_out', { csrf: null })).status).toBe(403);
    expect((await sessionRequest(t.baseUrl, session, 'GET', '/auth/session')).status).toBe(200);

    const out = await sessionRequest(t.baseUrl, session, 'POST', '/auth/sign_out');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^coupons_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect(await sessionRequest(t.baseUrl, session, 'GET', '/auth/session')).toMatchObject({ status: 401, body: SESSION_REQUIRED });
    expect(await sessionRequest(t.baseUrl, session, 'GET', '/api/v1/coupons')).toMatchObject({ status: 401, body: { status: 401, error: 'Unauthorized' } });
  });

  it('answers GET /auth/session without a cookie, or with an unknown one, with session_required', async () => {
    expect(await sessionRequest(t.baseUrl, { cookie: '', csrfToken: '' }, 'GET', '/auth/session')).toMatchObject({ status: 401, body: SESSION_REQUIRED });
    const forged = { cookie: 'coupons_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', csrfToken: 'x' };
    expect(await sessionRequest(t.baseUrl, forged, 'GET', '/auth/session')).toMatchObject({ status: 401, body: SESSION_REQUIRED });
  });

  it('changes the password: the current one is checked, the new one must be strong, other sessions end', async () => {
    const operator = await createOperator(t, { role: 'viewer' });
    const here = await signIn(t.baseUrl, operator.email, operator.password);
    const elsewhere = await signIn(t.baseUrl, operator.email, operator.password);

    const wrongCurrent = await sessionRequest(t.baseUrl, here, 'PUT', '/auth/password', { body: { current_password: 'not my password', new_password: 'a brand new passphrase' } });
    expect(wrongCurrent).toMatchObject({ status: 422, body: { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { current_password: ['value_is_invalid'] } } });
    const weak = await sessionRequest(t.baseUrl, here, 'PUT', '/auth/password', { body: { current_password: operator.password, new_password: 'short' } });
    expect(weak).toMatchObject({ status: 422, body: { error_details: { new_password: ['value_is_too_short'] } } });
    expect((await sessionRequest(t.baseUrl, here, 'PUT', '/auth/password', { body: { current_password: operator.password, new_password: 'a brand new passphrase' }, csrf: 'wrong' })).status).toBe(403);
    // Nothing changed so far: both sessions live, the old password still works.
    expect((await sessionRequest(t.baseUrl, elsewhere, 'GET', '/auth/session')).status).toBe(200);

    const changed = await sessionRequest(t.baseUrl, here, 'PUT', '/auth/password', { body: { current_password: operator.password, new_password: 'a brand new passphrase' } });
    expect(changed.status).toBe(204);
    expect((await sessionRequest(t.baseUrl, here, 'GET', '/auth/session')).status).toBe(200);
    expect((await sessionRequest(t.baseUrl, elsewhere, 'GET', '/auth/session')).status).toBe(401);
    expect((await post(t.baseUrl, '/auth/sign_in', { email: operator.email, password: operator.password })).status).toBe(401);
    expect((await post(t.baseUrl, '/auth/sign_in', { email: operator.email, password: 'a brand new passphrase' })).status).toBe(200);
  });
});
