import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { expectAccessible, openDashboard, type Dashboard } from './support/dashboard';

/**
 * Promotion codes and code batches in the dashboard, in a real headless Chromium against the real API
 * on MariaDB. Needs the production bundle: `npm run build -w web` (the API serves web/dist at /).
 */
describe('promotion codes in the dashboard (browser)', () => {
  let dashboard: Dashboard;
  let t: TestApp;
  let page: Page;

  /** Every state photographed is also checked for serious accessibility violations. */
  const shot = async (name: string) => {
    await dashboard.shot(name);
    await expectAccessible(dashboard.page);
  };
  const dialogNamed = (name: string) => page.getByRole('dialog', { name });

  beforeAll(async () => {
    dashboard = await openDashboard('/');
    ({ t, page } = dashboard);
    await t.api.post('/api/v1/customers', { customer: { external_id: 'cus_acme', name: 'Acme', currency: 'EUR' } });
    await t.api.post('/api/v1/coupons', {
      coupon: {
        name: 'Spring 25', code: 'SPRING-25', coupon_type: 'fixed_amount', amount_cents: 2500, amount_currency: 'EUR',
        frequency: 'once', expiration: 'no_expiration', max_redemptions: 500,
      },
    });
    await page.goto(`${t.baseUrl}/coupon/SPRING-25`);
    await page.getByRole('heading', { name: 'Spring 25' }).waitFor();
  });

  afterAll(async () => {
    await dashboard?.close();
  });

  it('creates a promotion code with its limits and restrictions', async () => {
    await page.getByText('No promotion codes yet').waitFor();
    await page.getByRole('button', { name: 'New promotion code' }).click();
    const dialog = dialogNamed('New promotion code for SPRING-25');
    await dialog.getByLabel(/^Code/).fill('Spring-News');
    await dialog.getByLabel(/^Maximum redemptions/).fill('50');
    await dialog.getByLabel(/^Expires at/).fill('2031-07-01T14:30');
    await dialog.getByLabel(/^Only for customer/).fill('cus_acme');
    await dialog.getByRole('checkbox', { name: /First-time customers only/ }).check();
    await dialog.getByLabel(/^Minimum invoice amount/).fill('40');
    await dialog.getByLabel('Minimum amount currency').selectOption('EUR');
    await shot('promo-01-new-code-dialog');
    await dialog.getByRole('button', { name: 'Create code' }).click();

    await page.getByText('Promotion code Spring-News created.').waitFor();
    const row = page.getByRole('row', { name: /Spring-News/ });
    await row.getByText('0 / 50').waitFor();
    await row.getByText('Only cus_acme · First-time customers · Min. €40.00').waitFor();
    await shot('promo-02-code-created');
    const { body } = await t.api.get('/api/v1/promotion_codes/spring-news');
    // 14:30 in Paris in July (UTC+2) is 12:30 UTC.
    expect(body.promotion_code).toMatchObject({
      code: 'Spring-News',
      coupon_code: 'SPRING-25',
      active: true,
      max_redemptions: 50,
      expires_at: '2031-07-01T12:30:00Z',
      restrictions: { customer_external_id: 'cus_acme', first_time_transaction: true, minimum_amount_cents: 4000, minimum_amount_currency: 'EUR' },
    });
  });

  it('shows the API’s refusal of a code taken in another case on the code field', async () => {
    await page.getByRole('button', { name: 'New promotion code' }).click();
    const dialog = dialogNamed('New promotion code for SPRING-25');
    const code = dialog.getByLabel(/^Code/);
    await code.fill('SPRING-NEWS');
    await dialog.getByRole('button', { name: 'Create code' }).click();
    await page.waitForFunction(() => document.querySelector('[role="dialog"] [aria-invalid="true"]') !== null);
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await code.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toContain('already uses this code');
    await shot('promo-03-code-taken');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('deactivates a code after confirmation', async () => {
    await page.getByRole('row', { name: /Spring-News/ }).getByRole('button', { name: 'Deactivate' }).click();
    await dialogNamed('Deactivate Spring-News?').getByRole('button', { name: 'Deactivate code' }).click();
    await page.getByText('Promotion code Spring-News deactivated.').waitFor();
    await page.getByRole('row', { name: /Spring-News/ }).getByText('Inactive').waitFor();
    const { body } = await t.api.get('/api/v1/promotion_codes/Spring-News');
    expect(body.promotion_code.active).toBe(false);
  });

  it('generates a batch, follows it to completion and downloads its codes as CSV', async () => {
    await page.getByRole('button', { name: 'Generate codes' }).click();
    const dialog = dialogNamed('Generate codes for SPRING-25');
    await dialog.getByLabel('Random characters').fill('4');
    await dialog.getByText(/^At most 9,235 codes with 4 random characters/).waitFor();
    await dialog.getByLabel('Number of codes').fill('10000');
    await dialog.getByRole('button', { name: 'Generate codes' }).click();
    await dialog.getByText(/^From 1 to 1,000,000, and at most 1 % of the codes/).waitFor();
    await shot('promo-04-batch-too-many');

    await dialog.getByLabel('Random characters').fill('8');
    await dialog.getByLabel('Number of codes').fill('40');
    await dialog.getByLabel(/^Prefix/).fill('E2E-');
    await dialog.getByRole('button', { name: 'Generate codes' }).click();
    await page.getByText('Generating 40 codes.', { exact: false }).waitFor();

    const batches = page.getByRole('region', { name: 'Code batches' });
    await batches.getByRole('progressbar', { name: 'Codes generated: 40 / 40' }).waitFor();
    await batches.getByRole('button', { name: 'Download CSV' }).waitFor();
    await shot('promo-05-batch-completed');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      batches.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^SPRING-25-codes-[0-9a-f-]{36}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('code,active,max_redemptions,redemptions_count,expires_at,created_at');
    expect(lines).toHaveLength(41);
    const codes = lines.slice(1).map((line) => line.split(',')[0]);
    expect(new Set(codes).size).toBe(40);
    for (const code of codes) expect(code).toMatch(/^E2E-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);

    // Its codes show up in the coupon's list once the batch completes, and filter by batch.
    await batches.getByRole('button', { name: 'Show codes' }).click();
    await page.getByText('40 codes · page 1 of 2').waitFor();
  });

  it('finds a code from every coupon’s list and explains why it cannot be redeemed', async () => {
    await page.getByRole('link', { name: 'Promotion codes' }).click();
    await page.getByRole('heading', { name: 'Promotion codes', level: 1 }).waitFor();
    await page.getByLabel('Find a code').fill('spring-news');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForURL(/code=spring-news/);
    await page.getByRole('row', { name: /Spring-News/ }).getByRole('link', { name: 'SPRING-25' }).waitFor();

    await page.getByLabel('Promotion code', { exact: true }).fill('spring-news');
    await page.getByLabel('Customer external ID').fill('cus_acme');
    await page.getByRole('button', { name: 'Check code' }).click();
    await page.getByText('spring-news cannot be redeemed by cus_acme. The code is deactivated.').waitFor();
    await shot('promo-06-check-code');
  });
});
