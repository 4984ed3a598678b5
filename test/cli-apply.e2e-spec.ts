import { execFile, execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from './support/test-app';
import { createCoupon, createCustomer, createPercentageCoupon, expectStatus, ISO_SECONDS, UUID } from './support/factories';
import { APPLIED_COUPON_KEYS, appliedCouponsOf, commitInvoice, fee, invoiceBody } from './support/apply-factories';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist/apps/cli/src/main.js');
const SOURCES = ['main', 'cli.module', 'commands/apply-coupon.command', 'commands/applied-coupons-list.command', 'commands/organization-lookup.service'];

function isBuilt(): boolean {
  return SOURCES.every((name) => {
    const built = join(ROOT, 'dist/apps/cli/src', `${name}.js`);
    return existsSync(built) && statSync(built).mtimeMs >= statSync(join(ROOT, 'apps/cli/src', `${name}.ts`)).mtimeMs;
  });
}

/** `coupons:apply` and `applied-coupons:list`, run as the built CLI against the suite's database. */
describe('CLI: coupons:apply and applied-coupons:list', () => {
  let t: TestApp;
  let customerId: string;

  beforeAll(async () => {
    // `npm test` builds first (scripts/ensure-built.js); a bare `jest` run with a missing or stale CLI builds here.
    if (!isBuilt()) execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    t = await startTestApp();
    customerId = (await createCustomer(t.api)).external_id;
  }, 180_000);
  afterAll(() => t.close());

  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('applies a coupon and prints the applied coupon as the API would', async () => {
    const coupon = await createCoupon(t.api, { max_redemptions: 2 });
    const run = await cli('coupons:apply', '--customer', customerId, '--coupon', coupon.code, '--organization', 'Test organization');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const printed = JSON.parse(run.stdout);
    expect(Object.keys(printed)).toEqual(APPLIED_COUPON_KEYS);
    expect(printed).toMatchObject({
      lago_id: expect.stringMatching(UUID), coupon_code: coupon.code, external_customer_id: customerId, status: 'active',
      amount_cents: 1000, amount_cents_remaining: 1000, amount_currency: 'EUR', created_at: expect.stringMatching(ISO_SECONDS),
    });
    expect((await appliedCouponsOf(t.api, customerId)).find((applied) => applied.lago_id === printed.lago_id)).toEqual({ ...printed, credits: [] });
    expect(expectStatus(await t.api.get(`/api/v1/coupons/${coupon.code}`), 200).body.coupon.redemptions_count).toBe(1);
  });

  it('takes the only organization when --organization is omitted', async () => {
    const coupon = await createCoupon(t.api);
    const run = await cli('coupons:apply', '--customer', customerId, '--coupon', coupon.code);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).coupon_code).toBe(coupon.code);
  });

  it('fails with exit code 1 and the API error body on stderr for an unknown customer or coupon', async () => {
    const apply = (...args: string[]) => cli('coupons:apply', '--customer', customerId, '--organization', 'Test organization', ...args);
    const [customer, coupon] = await Promise.all([apply('--customer', 'nobody', '--coupon', 'X'), apply('--coupon', 'NO-SUCH-CODE')]);
    expect(customer).toEqual({ code: 1, stdout: '', stderr: 'Cannot apply X to nobody: {"status":404,"error":"Not Found","code":"customer_not_found"}\n' });
    expect(coupon).toEqual({ code: 1, stdout: '', stderr: `Cannot apply NO-SUCH-CODE to ${customerId}: {"status":404,"error":"Not Found","code":"coupon_not_found"}\n` });
  });

  it('fails on a rule of the API (not reusable) and on an unknown organization, writing nothing', async () => {
    const coupon = await createCoupon(t.api, { reusable: false });
    expect((await cli('coupons:apply', '--customer', customerId, '--coupon', coupon.code, '-o', 'Test organization')).code).toBe(0);
    const other = await createCoupon(t.api);
    const count = (await appliedCouponsOf(t.api, customerId)).length;
    const [again, unknown] = await Promise.all([
      cli('coupons:apply', '--customer', customerId, '--coupon', coupon.code, '-o', 'Test organization'),
      cli('coupons:apply', '--customer', customerId, '--coupon', other.code, '-o', 'Nobody Inc'),
    ]);
    expect(again).toEqual({ code: 1, stdout: '', stderr: expect.stringContaining('"error_details":{"coupon":["coupon_is_not_reusable"]}') });
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: 'Unknown organization "Nobody Inc"\n' });
    await t.newApiKey('Second organization');
    const ambiguous = await cli('coupons:apply', '--customer', customerId, '--coupon', coupon.code);
    expect({ code: ambiguous.code, stderr: ambiguous.stderr }).toEqual({ code: 1, stderr: expect.stringContaining('--organization <name> is required') });
    expect((await appliedCouponsOf(t.api, customerId)).length).toBe(count);
  });

  it("lists a customer's applied coupons with what each has left and has credited", async () => {
    const customer = (await createCustomer(t.api)).external_id;
    const fixed = await createCoupon(t.api, { code: 'WELCOME10' });
    const recurring = await createPercentageCoupon(t.api, { code: 'LOYAL5', percentage_rate: 5, frequency: 'recurring', frequency_duration: 3 });
    for (const code of [fixed.code, recurring.code]) {
      expect((await cli('coupons:apply', '--customer', customer, '--coupon', code, '-o', 'Test organization')).code).toBe(0);
    }
    await commitInvoice(t.api, invoiceBody(customer, [fee('f', 1400)]));
    const run = await cli('applied-coupons:list', '--customer', customer, '--organization', 'Test organization');
    expect(run.code).toBe(0);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['LAGO_ID', 'COUPON', 'STATUS', 'DISCOUNT', 'FREQUENCY', 'REMAINING', 'CREDITED', 'APPLIED_AT', 'TERMINATED_AT']);
    const cells = rows.map((row) => row.split(/\s{2,}/));
    const listed = await appliedCouponsOf(t.api, customer);
    expect(cells).toHaveLength(2);
    expect(cells[0]).toEqual([listed[0].lago_id, 'LOYAL5', 'active', '5.0%', 'recurring ×3', '2 of 3 periods', '0.20 EUR', listed[0].created_at, '-']);
    expect(cells[1]).toEqual([listed[1].lago_id, 'WELCOME10', 'terminated', '10.00 EUR', 'once', '0.00 EUR', '10.00 EUR', listed[1].created_at, listed[1].terminated_at]);
    expect(run.stderr).toBe(`2 applied coupon(s) for ${customer} in "Test organization".\n`);
  });

  it('refuses to list an unknown customer or organization', async () => {
    const [customer, organization] = await Promise.all([
      cli('applied-coupons:list', '--customer', 'nobody', '--organization', 'Test organization'),
      cli('applied-coupons:list', '--customer', customerId, '--organization', 'Nobody Inc'),
    ]);
    expect(customer).toEqual({ code: 1, stdout: '', stderr: expect.stringContaining('"code":"customer_not_found"') });
    expect(organization).toEqual({ code: 1, stdout: '', stderr: 'Unknown organization "Nobody Inc"\n' });
  });
});
