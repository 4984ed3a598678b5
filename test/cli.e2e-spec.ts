import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { createApp } from '../apps/api/src/app.factory';
import { ApiClient } from './support/api-client';
import { createTestDatabase, testConfig } from './support/test-app';
import { createCoupon, expectStatus, UNAUTHORIZED_BODY } from './support/factories';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist/apps/cli/src/main.js');

/** The built CLI (as `npm run cli` runs it) against MariaDB, sharing the database with a running API. */
describe('CLI', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: NestFastifyApplication;
  let baseUrl: string;
  /** The key the first test creates; later tests reuse its organization (each CLI run boots Nest: seconds). */
  let apiKey: string;

  const cli = (...args: string[]) =>
    run(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url }, timeout: 60_000 });
  const lastLine = (text: string) => text.trimEnd().split('\n').pop();

  beforeAll(async () => {
    // `npm test` builds first (scripts/ensure-built.js); a bare `jest` run on a fresh clone builds here.
    if (!existsSync(CLI)) await run('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: ROOT, timeout: 180_000 });
    database = await createTestDatabase();
  }, 200_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('api-keys:create prints a key, alone on the last line, that authenticates against the API', async () => {
    // The CLI runs first on the empty database: it must migrate it itself.
    const { stdout } = await cli('api-keys:create', '--organization', 'CLI organization');
    const key = lastLine(stdout)!;
    expect(key).toMatch(/^cpn_[A-Za-z0-9]{16}_[A-Za-z0-9_-]{43}$/);

    app = await createApp(testConfig(database.url));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const api = new ApiClient(baseUrl, key);
    expect(expectStatus(await api.get('/api/v1/coupons'), 200).body.meta.total_count).toBe(0);
    const wrong = await api.withKey(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`).get('/api/v1/coupons');
    expect({ status: wrong.status, body: wrong.body }).toEqual({ status: 401, body: UNAUTHORIZED_BODY });

    await createCoupon(api, { code: 'FROM-CLI-KEY' });
    expectStatus(await api.get('/api/v1/coupons/FROM-CLI-KEY'), 200);
    apiKey = key;
  });

  it('seed fills an organization with the requested number of coupons', async () => {
    await cli('seed', '--organization', 'CLI organization', '--coupons', '250');
    const api = new ApiClient(baseUrl, apiKey);
    const list = expectStatus(await api.get('/api/v1/coupons?per_page=1000'), 200).body;
    // The 250 seeded coupons plus the one the first test created.
    expect(list.meta.total_count).toBe(251);
    expect(new Set(list.coupons.map((coupon: { code: string }) => coupon.code)).size).toBe(list.coupons.length);
    const plans = expectStatus(await api.get('/api/v1/plans'), 200).body;
    expect(plans.meta.total_count).toBeGreaterThan(0);
  });

  it('coupons:terminate-expired prints how many coupons it terminated', async () => {
    const api = new ApiClient(baseUrl, apiKey);
    for (const code of ['EXP-1', 'EXP-2', 'EXP-LATER']) {
      await createCoupon(api, { code, expiration: 'time_limit', expiration_at: '2099-01-01T00:00:00Z' });
    }
    // Moving the instant into the past stands in for waiting until it passes.
    const connection = await createConnection(database.url);
    try {
      await connection.query("UPDATE coupons SET expiration_at = NOW(3) - INTERVAL 1 MINUTE WHERE code IN ('EXP-1', 'EXP-2')");
    } finally {
      await connection.end();
    }
    expect(lastLine((await cli('coupons:terminate-expired')).stdout)).toBe('2');
    for (const code of ['EXP-1', 'EXP-2']) {
      expect((await api.get(`/api/v1/coupons/${code}`)).body.coupon).toMatchObject({ status: 'terminated', terminated_at: expect.any(String) });
    }
    expect((await api.get('/api/v1/coupons/EXP-LATER')).body.coupon).toMatchObject({ status: 'active', terminated_at: null });
    expect(lastLine((await cli('coupons:terminate-expired')).stdout)).toBe('0');
  });
});
