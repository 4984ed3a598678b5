import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../apps/api/src/app.factory';
import { ApiClient } from './support/api-client';
import { createTestDatabase, testConfig } from './support/test-app';
import { createCoupon, expectStatus } from './support/factories';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist/apps/cli/src/main.js');

/** `promotion-codes:generate` of the built CLI, on the database a running API serves. */
describe('CLI promotion-codes:generate', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: NestFastifyApplication;
  let api: ApiClient;
  let couponCode: string;
  const directory = mkdtempSync(join(tmpdir(), 'promotion-codes-'));

  const cli = (...args: string[]) =>
    run(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'error' }, timeout: 120_000 });

  beforeAll(async () => {
    if (!existsSync(CLI)) await run('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: ROOT, timeout: 180_000 });
    database = await createTestDatabase();
    const { stdout } = await cli('api-keys:create', '--organization', 'Codes organization');
    app = await createApp(testConfig(database.url));
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    api = new ApiClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, stdout.trimEnd().split('\n').pop()!);
    couponCode = (await createCoupon(api)).code;
  }, 200_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('generates the batch, prints it as JSON and writes its codes as CSV', async () => {
    const out = join(directory, 'codes.csv');
    const { stdout, stderr } = await cli(
      'promotion-codes:generate', '--organization', 'Codes organization', '--coupon', couponCode, '--count', '500', '--prefix', 'CLI-', '--length', '6', '--out', out,
    );
    const batch = JSON.parse(stdout);
    expect(batch).toMatchObject({ coupon_code: couponCode, status: 'completed', count: 500, generated_count: 500, prefix: 'CLI-', length: 6 });
    expect(stderr).toContain(`Generated 500 codes of ${couponCode}`);
    expect(stderr).toContain(out);

    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('code,active,max_redemptions,redemptions_count,expires_at,created_at');
    const codes = lines.slice(1).map((line) => line.split(',')[0]);
    expect(codes).toHaveLength(500);
    expect(new Set(codes).size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^CLI-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);

    // The API sees the same batch.
    expect(expectStatus(await api.get(`/api/v1/promotion_code_batches/${batch.lago_id}`), 200).body.promotion_code_batch).toEqual(batch);
  });

  it('refuses bad input with the API\'s own error body, and exits 1', async () => {
    const failures: [string[], string][] = [
      [['--coupon', couponCode, '--count', '0'], '"error_details":{"count":["value_is_out_of_range"]}'],
      [['--coupon', couponCode, '--count', '10', '--length', 'ten'], '"error_details":{"length":["value_is_invalid"]}'],
      [['--coupon', couponCode, '--count', '10', '--prefix', 'no spaces'], '"error_details":{"prefix":["value_is_invalid"]}'],
      [['--coupon', 'NO-SUCH-COUPON', '--count', '10'], '"code":"coupon_not_found"'],
    ];
    for (const [args, expected] of failures) {
      const failure = await cli('promotion-codes:generate', ...args).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect({ args, code: failure?.code, mentions: failure?.stderr.includes(expected) }).toEqual({ args, code: 1, mentions: true });
    }
  });
});
