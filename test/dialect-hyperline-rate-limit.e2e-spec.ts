import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { createApp } from '../apps/api/src/app.factory';
import { ApiKeysService } from '../apps/api/src/organizations/api-keys.service';
import { ApiClient } from './support/api-client';
import { testConfig } from './support/test-app';

/** The rate limit covers Hyperline's paths and answers in its shape. No MariaDB needed: SQLite in memory. */
describe('Hyperline dialect: rate limit', () => {
  let app: NestFastifyApplication;
  let api: ApiClient;
  beforeAll(async () => {
    app = await createApp(testConfig('unused', { database: { kind: 'sqlite', path: ':memory:' }, rateLimitPerMinute: 2 }));
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    api = new ApiClient(`http://127.0.0.1:${port}`, (await app.get(ApiKeysService).create('Limited')).apiKey);
  });
  afterAll(() => app.close());

  it('answers 429 past the limit, with the headers clients read', async () => {
    const responses = [];
    for (let i = 0; i < 3; i++) responses.push(await api.get('/hyperline/v1/coupons'));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 429]);
    expect(responses[2].body).toEqual({ message: 'Too many requests' });
    expect(responses[2].headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
