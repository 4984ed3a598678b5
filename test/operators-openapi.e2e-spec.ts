import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../apps/api/src/app.factory';
import { expectStatus } from './support/factories';
import { conformanceErrors, type OpenApiDocument, responseSchema } from './support/openapi-conformance';
import { createOperator, type Session, sessionCookieOf, sessionRequest, signIn } from './support/operators';
import { testConfig } from './support/test-app';

/** The operators' answers, checked key by key against the served OpenAPI document the dashboard's types come from. */
describe('operators: OpenAPI document', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let document: OpenApiDocument;
  let admin: Session;
  let adminCredentials: { email: string; password: string };

  beforeAll(async () => {
    app = await createApp(testConfig('unused', { database: { kind: 'sqlite', path: ':memory:' } }));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    document = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as OpenApiDocument;
    const person = await createOperator({ app }, { role: 'admin', organization: 'OpenAPI operators' });
    adminCredentials = { email: person.email, password: person.password };
    admin = await signIn(baseUrl, person.email, person.password);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('describes every answer of the operators routes exactly', async () => {
    const problems: string[] = [];
    const check = (method: string, path: string, body: unknown) => problems.push(...conformanceErrors(document, responseSchema(document, method, path), body, `${method} ${path}`));
    const call = async (method: string, path: string, documented: string, body?: unknown) => {
      const response = expectStatus(await sessionRequest(baseUrl, admin, method.toUpperCase(), path, { body }), 200);
      check(method, documented, response.body);
      return response.body;
    };

    await call('get', '/auth/session', '/auth/session');
    const { invitation } = await call('post', '/api/v1/invitations', '/api/v1/invitations', { invitation: { email: 'doc@example.com', role: 'viewer' } });
    await call('get', '/api/v1/invitations', '/api/v1/invitations');
    const token = String(invitation.accept_url).split('/').pop()!;
    check('get', '/auth/invitations/{token}', await (await fetch(`${baseUrl}/auth/invitations/${token}`)).json());
    const accepted = await fetch(`${baseUrl}/auth/invitations/${token}/accept`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Doc', password: 'twelve chars or more' }),
    });
    sessionCookieOf(accepted);
    check('post', '/auth/invitations/{token}/accept', await accepted.json());
    const second = await call('post', '/api/v1/invitations', '/api/v1/invitations', { invitation: { email: 'doc2@example.com', role: 'viewer' } });
    await call('delete', `/api/v1/invitations/${second.invitation.lago_id}`, '/api/v1/invitations/{lago_id}');

    const { users } = await call('get', '/api/v1/users', '/api/v1/users');
    const viewer = (users as Array<{ lago_id: string; role: string }>).find((user) => user.role === 'viewer')!;
    await call('put', `/api/v1/users/${viewer.lago_id}`, '/api/v1/users/{lago_id}', { user: { role: 'manager' } });
    await call('delete', `/api/v1/users/${viewer.lago_id}`, '/api/v1/users/{lago_id}');

    const { api_key: key } = await call('post', '/api/v1/api_keys', '/api/v1/api_keys', { api_key: { name: 'Docs' } });
    await call('get', '/api/v1/api_keys', '/api/v1/api_keys');
    await call('delete', `/api/v1/api_keys/${key.lago_id}`, '/api/v1/api_keys/{lago_id}');

    const signedIn = await fetch(`${baseUrl}/auth/sign_in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(adminCredentials),
    });
    check('post', '/auth/sign_in', await signedIn.json());
    expect(problems).toEqual([]);
  });
});
