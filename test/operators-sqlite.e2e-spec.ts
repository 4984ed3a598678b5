import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/app.factory';
import { couponParams } from './support/factories';
import { createOperator, sessionRequest, signIn } from './support/operators';
import { testConfig } from './support/test-app';

/** Operators on the embedded default (`npm start` without DATABASE_URL): the schema from the entities, dates as text. */
describe('operators (SQLite)', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'coupons-sqlite-'));
    app = await createApp(testConfig('unused', { database: { kind: 'sqlite', path: join(directory, 'coupons.sqlite') } }));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('signs in, writes with the CSRF token as the user, and ends the session after 12 idle hours', async () => {
    const operator = await createOperator({ app }, { role: 'manager', organization: 'SQLite organization' });
    const session = await signIn(baseUrl, operator.email, operator.password);
    const current = await sessionRequest(baseUrl, session, 'GET', '/auth/session');
    expect(current.body).toMatchObject({ user: { lago_id: operator.lagoId, role: 'manager' }, organization: { name: 'SQLite organization' } });
    expect((await sessionRequest(baseUrl, session, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() } })).status).toBe(200);
    expect((await sessionRequest(baseUrl, session, 'POST', '/api/v1/coupons', { body: { coupon: couponParams() }, csrf: null })).status).toBe(403);

    const dataSource = app.get<DataSource>(getDataSourceToken());
    const twelveHoursAgo = new Date(Date.now() - 12 * 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
    await dataSource.query('UPDATE user_sessions SET last_seen_at = ?', [twelveHoursAgo]);
    expect((await sessionRequest(baseUrl, session, 'GET', '/auth/session')).status).toBe(401);
  });

  it('accepts an invitation once', async () => {
    const admin = await createOperator({ app }, { role: 'admin', organization: 'SQLite organization' });
    const session = await signIn(baseUrl, admin.email, admin.password);
    const invited = await sessionRequest(baseUrl, session, 'POST', '/api/v1/invitations', { body: { invitation: { email: 'sqlite-invitee@example.com', role: 'viewer' } } });
    const url = `${baseUrl}/auth/invitations/${String(invited.body.invitation.accept_url).split('/').pop()}/accept`;
    const accept = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Sue', password: 'twelve chars!' }) });
    const statuses = (await Promise.all([accept(), accept()])).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409]);
  });
});
