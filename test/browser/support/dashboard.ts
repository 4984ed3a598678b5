import AxeBuilder from '@axe-core/playwright';
import type { OperatorRole } from '@coupons/domain';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { AppConfig } from '../../../apps/api/src/config/app-config';
import { createOperator } from '../../support/operators';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * The dashboard in a real headless Chromium (Debian's package, never a downloaded build) against the real API
 * on MariaDB. Needs the production bundle: `npm run build -w web` (the API serves web/dist at /).
 */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOTS = resolve(__dirname, '../../artifacts/screenshots');
const WEB_DIST_INDEX = resolve(__dirname, '../../../web/dist/index.html');

export interface Dashboard {
  t: TestApp;
  context: BrowserContext;
  page: Page;
  /** A full-page screenshot from the top, in test/artifacts/screenshots/<name>.png. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchBrowser(t: TestApp): Promise<Dashboard> {
  if (!existsSync(WEB_DIST_INDEX)) throw new Error('web/dist is missing: run `npm run build -w web` first');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'coupons-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    // A zone with an offset shows dates are rendered in the operator's zone and sent as UTC.
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    t,
    context,
    page,
    async shot(name) {
      // From the top, so the sticky header sits where an operator sees it.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh app and a browser signed in to its dashboard, on `path` once the page shows, as a new operator of
 * `role` (admin unless said otherwise). Sign-in goes through the dashboard's own form, as an operator does.
 */
export async function openDashboard(
  path = '/',
  options: { config?: Partial<AppConfig>; role?: OperatorRole } = {},
): Promise<Dashboard> {
  const t = await startTestApp(options.config);
  const dashboard = await launchBrowser(t);
  const { page } = dashboard;
  // In the organization of `t.apiKey`, so what a suite seeds through `t.api` is what the operator sees.
  const operator = await createOperator(t, { role: options.role ?? 'admin' });
  await page.goto(`${t.baseUrl}${path}`);
  await page.getByLabel('Email', { exact: true }).fill(operator.email);
  await page.getByLabel('Password', { exact: true }).fill(operator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return {
    ...dashboard,
    async close() {
      await dashboard.close();
      await t.close();
    },
  };
}

/**
 * No serious or critical accessibility violation on the page as it is now (axe-core, WCAG 2 A/AA rules).
 * Throws with each violation's rule, impact and first offending element so a failure says what to fix.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length === 0) return;
  const lines = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes[0]?.target.join(' ') ?? ''}`);
  throw new Error(`accessibility violations on ${page.url()}:\n${lines.join('\n')}`);
}
