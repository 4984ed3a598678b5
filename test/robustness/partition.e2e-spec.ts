import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/app.factory';
import { ApiKeysService } from '../../apps/api/src/organizations/api-keys.service';
import { ApiClient } from '../support/api-client';
import { closeWithin, createTestDatabase, testConfig } from '../support/test-app';
import { couponParams } from '../support/factories';
import { targetOf, TcpProxy, viaProxy } from '../support/tcp-proxy';

const DEADLINE_MS = 1500;

/**
 * A network partition: the database's connections stay open but nothing comes back. Without a deadline
 * requests would wait forever; with it they answer 503 in the API's error shape, and the idempotency key of
 * a request cut off that way is free for the client's retry.
 */
describe('database partition (connections open, no bytes through)', () => {
  let database: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let app: NestFastifyApplication;
  let api: ApiClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = targetOf(database.url);
    proxy = new TcpProxy(target.host, target.port);
    await proxy.start();
    app = await createApp(testConfig(viaProxy(database.url, proxy.port), { requestTimeoutMs: DEADLINE_MS }));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { apiKey } = await app.get(ApiKeysService).create('partition');
    api = new ApiClient(`http://127.0.0.1:${port}`, apiKey);
    expect((await api.post('/api/v1/coupons', { coupon: couponParams({ code: 'BEFORE' }) })).status).toBe(200);
  });

  afterAll(async () => {
    proxy.restore();
    // Connections stuck in the partition are abandoned: closing the app must not wait for them.
    await closeWithin(app, 3000);
    await proxy.stop();
    await database.drop();
  });

  it('answers 503 at the deadline instead of hanging', async () => {
    proxy.blackhole();
    const started = Date.now();
    const responses = await Promise.all([
      api.get('/api/v1/coupons/BEFORE'),
      api.post('/api/v1/coupons', { coupon: couponParams({ code: 'DURING' }) }, { 'idempotency-key': 'partition-1' }),
      api.get('/api/v1/coupons'),
    ]);
    const elapsed = Date.now() - started;
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 503, error: 'Service Unavailable' });
    }
    // A bound on hangs (deadline plus slack), not a performance target.
    expect(elapsed).toBeLessThan(DEADLINE_MS + 2500);
  });
});
