import type { FastifyRequest } from 'fastify';
import { assertCsrfToken, assertSameOrigin } from './request-origin';
import { clearedSessionCookie, sessionCookie, sessionTokenOf } from './session-cookie';

const request = (fields: { protocol?: string; method?: string; headers?: Record<string, string> }) =>
  ({ protocol: 'http', method: 'GET', headers: {}, ...fields }) as unknown as FastifyRequest;

describe('session cookie', () => {
  it('is Secure only for a request that came over HTTPS', () => {
    expect(sessionCookie(request({ protocol: 'https' }), 'tok')).toBe('coupons_session=tok; Path=/; HttpOnly; SameSite=Lax; Secure');
    expect(sessionCookie(request({ protocol: 'http' }), 'tok')).toBe('coupons_session=tok; Path=/; HttpOnly; SameSite=Lax');
    expect(clearedSessionCookie(request({ protocol: 'https' }))).toBe(
      'coupons_session=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    );
  });

  it('is read from among other cookies, and only by its exact name', () => {
    expect(sessionTokenOf(request({ headers: { cookie: 'theme=dark; coupons_session=abc_-1; lang=fr' } }))).toBe('abc_-1');
    expect(sessionTokenOf(request({ headers: { cookie: 'xcoupons_session=abc; coupons_session_old=def' } }))).toBeNull();
    expect(sessionTokenOf(request({ headers: { cookie: 'coupons_session=' } }))).toBeNull();
    expect(sessionTokenOf(request({}))).toBeNull();
  });
});

describe('same-origin checks', () => {
  const refused = (headers: Record<string, string>) => () => assertSameOrigin(request({ method: 'POST', headers }));

  it('accepts a request from the same host, or one that does not say where it comes from', () => {
    expect(refused({ host: 'coupons.example.com:3000', origin: 'http://coupons.example.com:3000', 'sec-fetch-site': 'same-origin' })).not.toThrow();
    expect(refused({ host: 'coupons.example.com:3000' })).not.toThrow();
    // A proxy that forwards the host without its port: the names are compared.
    expect(refused({ host: 'coupons.example.com', origin: 'https://coupons.example.com:8443' })).not.toThrow();
  });

  it('refuses another site, another host, or an opaque origin', () => {
    expect(refused({ host: 'coupons.example.com', 'sec-fetch-site': 'cross-site' })).toThrow();
    expect(refused({ host: 'coupons.example.com:3000', origin: 'http://evil.example:3000' })).toThrow();
    expect(refused({ host: 'coupons.example.com:3000', origin: 'http://coupons.example.com:4000' })).toThrow();
    expect(refused({ host: 'coupons.example.com', origin: 'null' })).toThrow();
  });

  it('asks the CSRF token of writes only', () => {
    expect(() => assertCsrfToken(request({ method: 'GET' }), 'secret')).not.toThrow();
    expect(() => assertCsrfToken(request({ method: 'HEAD' }), 'secret')).not.toThrow();
    expect(() => assertCsrfToken(request({ method: 'POST', headers: { 'x-csrf-token': 'secret' } }), 'secret')).not.toThrow();
    expect(() => assertCsrfToken(request({ method: 'DELETE', headers: { 'x-csrf-token': 'secreT' } }), 'secret')).toThrow();
    expect(() => assertCsrfToken(request({ method: 'PUT' }), 'secret')).toThrow();
  });
});
