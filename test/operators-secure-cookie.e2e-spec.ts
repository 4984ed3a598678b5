import { createOperator, DEFAULT_PASSWORD, uniqueEmail } from './support/operators';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Behind a TLS-terminating proxy (TRUST_PROXY=on) the session cookie is Secure when the browser spoke HTTPS to
 * the proxy, as X-Forwarded-Proto says; a client connecting directly cannot claim HTTPS with that header.
 */
describe('session cookie behind a proxy', () => {
  const signInSetCookie = async (t: TestApp, email: string, forwardedProto: string) => {
    const response = await fetch(`${t.baseUrl}/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': forwardedProto },
      body: JSON.stringify({ email, password: DEFAULT_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return response.headers.get('set-cookie') ?? '';
  };

  it('is Secure when the proxy says the browser used HTTPS, and only then', async () => {
    const t = await startTestApp({ trustProxy: true });
    try {
      const { email } = await createOperator(t, { email: uniqueEmail(), role: 'admin' });
      expect(await signInSetCookie(t, email, 'https')).toMatch(/; Secure/);
      expect(await signInSetCookie(t, email, 'http')).not.toMatch(/Secure/);
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    const t = await startTestApp();
    try {
      const { email } = await createOperator(t, { email: uniqueEmail(), role: 'admin' });
      expect(await signInSetCookie(t, email, 'https')).not.toMatch(/Secure/);
    } finally {
      await t.close();
    }
  });
});
