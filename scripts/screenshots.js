#!/usr/bin/env node
/**
 * `npm run screenshots`: every dashboard page, as an admin sees it, in docs/screenshots/<page>.png.
 *
 * Starts the built server on a throwaway SQLite database, makes an admin and an API key with the CLI, seeds an
 * organization through the public API (coupons, customers, applied coupons, promotion codes and a batch,
 * committed invoice discounts, a webhook endpoint with a delivery to a receiver started here), then signs in
 * with Debian's Chromium (CHROMIUM_PATH to use another) and photographs each page at 1280 px wide.
 */
const { spawn, spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:http');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'docs/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ORGANIZATION = 'Acme';
const EMAIL = 'ada@example.com';
const PASSWORD = 'screenshots only, never a real one';

const dataDir = mkdtempSync(join(tmpdir(), 'coupons-screenshots-'));
const env = {
  ...process.env,
  SQLITE_PATH: join(dataDir, 'coupons.sqlite'),
  DATABASE_URL: '',
  LOG_LEVEL: 'error',
  WEBHOOKS_ALLOW_PRIVATE_URLS: 'on',
  RATE_LIMIT_PER_MINUTE: '0',
};

function cli(args, input) {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), ...args], { env, input, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cli ${args[0]} failed: ${run.stderr}`);
  return run.stdout.trim().split('\n').pop();
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await fetch(`${url}/health`).catch(() => null))?.ok) return { url, stop: () => child.kill('SIGTERM') };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

/** A receiver that answers every delivery with 200, so the delivery log has something to show. */
async function startReceiver() {
  const server = createServer((request, response) => request.resume().on('end', () => response.end('ok')));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/hooks`, close: () => server.close() };
}

async function seed(url, key, receiverUrl) {
  const call = async (method, path, body) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const endpoint = await call('POST', '/webhook_endpoints', { webhook_endpoint: { url: receiverUrl, description: 'Billing system' } });
  const coupons = [
    { name: 'Spring welcome', code: 'SPRING-50', coupon_type: 'fixed_amount', amount_cents: 5000, amount_currency: 'EUR', frequency: 'once', expiration: 'no_expiration', max_redemptions: 500 },
    { name: 'Loyalty 15%', code: 'LOYAL-15', coupon_type: 'percentage', percentage_rate: '15', frequency: 'recurring', frequency_duration: 6, expiration: 'no_expiration' },
    { name: 'Black Friday', code: 'BF-2026', coupon_type: 'percentage', percentage_rate: '12.5', frequency: 'once', expiration: 'time_limit', expiration_at: '2026-12-31T23:00:00Z' },
    { name: 'Yen launch', code: 'JP-LAUNCH', coupon_type: 'fixed_amount', amount_cents: 500, amount_currency: 'JPY', frequency: 'forever', expiration: 'no_expiration' },
  ];
  for (const coupon of coupons) await call('POST', '/coupons', { coupon });
  const customers = [
    { external_id: 'cus_acme', name: 'Acme Corp', currency: 'EUR' },
    { external_id: 'cus_globex', name: 'Globex', currency: 'EUR' },
    { external_id: 'cus_initech', name: 'Initech', currency: 'USD' },
    { external_id: 'cus_umbrella', name: 'Umbrella KK', currency: 'JPY' },
  ];
  for (const customer of customers) await call('POST', '/customers', { customer });
  await call('POST', '/promotion_codes', { promotion_code: { coupon_code: 'SPRING-50', code: 'SPRING-FRIENDS', max_redemptions: 100 } });
  for (const [customer, coupon] of [['cus_acme', 'SPRING-50'], ['cus_acme', 'LOYAL-15'], ['cus_initech', 'LOYAL-15'], ['cus_umbrella', 'JP-LAUNCH']]) {
    await call('POST', '/applied_coupons', { applied_coupon: { external_customer_id: customer, coupon_code: coupon } });
  }
  await call('POST', '/applied_coupons', { applied_coupon: { external_customer_id: 'cus_globex', promotion_code: 'spring-friends' } });
  await call('POST', '/promotion_code_batches', { promotion_code_batch: { coupon_code: 'SPRING-50', count: 1000, prefix: 'SPRING-', length: 8 } });
  const invoices = [
    { external_invoice_id: 'inv_1001', external_customer_id: 'cus_acme', currency: 'EUR', fees: [{ id: 'subscription', amount_cents: 2900 }] },
    { external_invoice_id: 'inv_1002', external_customer_id: 'cus_initech', currency: 'USD', fees: [{ id: 'subscription', amount_cents: 9900 }] },
    { external_invoice_id: 'inv_1003', external_customer_id: 'cus_globex', currency: 'EUR', fees: [{ id: 'subscription', amount_cents: 2900 }] },
  ];
  for (const invoice of invoices) await call('POST', '/invoice_discounts', { invoice });
  return { endpoint: endpoint.webhook_endpoint };
}

/** Each page: its file name, its path, and the text that says it has loaded. */
function pages(endpointId) {
  return [
    ['overview', '/', 'Active coupons'],
    ['coupons', '/coupons', 'SPRING-50'],
    ['coupon', '/coupon/SPRING-50', 'Spring welcome'],
    ['coupon-form', '/coupons/new', 'New coupon'],
    ['promotion-codes', '/promotion-codes', 'Deactivate'],
    ['customers', '/customers', 'Acme Corp'],
    ['customer', '/customer/cus_acme', 'Acme Corp'],
    ['invoice-discounts', '/invoice-discounts?invoice=inv_1001', 'inv_1001'],
    ['webhooks', '/webhooks', 'Billing system'],
    ['webhook-endpoint', `/webhook/${encodeURIComponent(endpointId)}`, 'Billing system'],
    ['activity', '/activity', 'Coupon created'],
    ['settings', '/settings', EMAIL],
  ];
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  cli(['users:create', '--organization', ORGANIZATION, '--email', EMAIL, '--role', 'admin', '--name', 'Ada Lovelace', '--password-stdin'], `${PASSWORD}\n`);
  const key = cli(['api-keys:create', '--organization', ORGANIZATION]);
  const receiver = await startReceiver();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const { endpoint } = await seed(server.url, key, receiver.url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'Europe/Paris' });
    await page.goto(`${server.url}/`);
    await page.getByLabel('Email', { exact: true }).fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    for (const [name, path, loaded] of pages(endpoint.lago_id)) {
      await page.goto(`${server.url}${path}`);
      await page.getByText(loaded).filter({ visible: true }).first().waitFor({ timeout: 15_000 });
      // Charts and progress bars settle after their data arrives.
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      process.stdout.write(`docs/screenshots/${name}.png\n`);
    }
  } finally {
    await browser.close();
    server.stop();
    receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
