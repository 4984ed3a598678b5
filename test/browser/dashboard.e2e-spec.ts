import type { Page } from 'playwright-core';
import { createOperator, type Operator } from '../support/operators';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectAccessible, launchBrowser, type Dashboard } from './support/dashboard';

/**
 * The dashboard in a real headless Chromium (Debian's package) against the real API on MariaDB.
 * Needs the production bundle: `npm run build -w web` (the API serves web/dist at /).
 */
describe('admin dashboard (browser)', () => {
  let t: TestApp;
  let dashboard: Dashboard;
  let page: Page;
  let admin: Operator;

  /** Every state photographed is also checked for serious accessibility violations. */
  const shot = async (name: string) => {
    await dashboard.shot(name);
    await expectAccessible(dashboard.page);
  };
  const field = (label: string | RegExp) => page.getByLabel(label, { exact: typeof label === 'string' });

  beforeAll(async () => {
    t = await startTestApp();
    await t.api.post('/api/v1/billable_metrics', {
      billable_metric: { name: 'API calls', code: 'api_calls', aggregation_type: 'count_agg' },
    });
    await t.api.post('/api/v1/plans', {
      plan: { name: 'Startup', code: 'startup', interval: 'monthly', amount_cents: 4900, amount_currency: 'EUR', charges: [] },
    });
    await t.api.post('/api/v1/customers', { customer: { external_id: 'cus_acme', name: 'Acme', currency: 'EUR' } });
    admin = await createOperator(t, { role: 'admin' });
    dashboard = await launchBrowser(t);
    page = dashboard.page;
  });

  afterAll(async () => {
    await dashboard?.close();
    await t?.close();
  });

  it('refuses a wrong password with a clear message, then signs in', async () => {
    await page.goto(`${t.baseUrl}/coupons`);
    await field('Email').fill(admin.email);
    await field('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email address or password is incorrect' }).waitFor();
    await shot('01-sign-in-wrong-password');

    await field('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('No coupons yet').waitFor();
  });

  it('creates a fixed-amount coupon through the form', async () => {
    await page.getByRole('link', { name: '+ New coupon' }).first().click();
    await page.getByRole('heading', { name: 'New coupon' }).waitFor();
    await field('Name').fill('Spring welcome');
    await field(/^Code/).fill('SPRING-10');
    await field(/^Description/).fill('Ten euros off the first invoice of new customers.');
    await field('Currency').selectOption('EUR');
    await field('Amount').fill('10.50');
    await page.getByRole('button', { name: '+ Add currency' }).click();
    await field('Currency 1').selectOption('JPY');
    await field('Amount 1').fill('1500');
    await field(/^Maximum redemptions/).fill('100');
    await page.getByRole('button', { name: '+ Add metadata' }).click();
    await field('Key 1').fill('campaign');
    await field('Value 1').fill('spring-2026');
    await shot('02-form-fixed');
    await page.getByRole('button', { name: 'Create coupon' }).click();

    await page.getByRole('heading', { name: 'Spring welcome' }).waitFor();
    const { body } = await t.api.get('/api/v1/coupons/SPRING-10');
    expect(body.coupon).toMatchObject({
      coupon_type: 'fixed_amount',
      amount_cents: 1050,
      amount_currency: 'EUR',
      max_redemptions: 100,
      metadata: { campaign: 'spring-2026' },
      currency_options: { JPY: { amount_cents: 1500 } },
    });
  });

  it('creates a recurring, time-limited percentage coupon', async () => {
    await page.goto(`${t.baseUrl}/coupons/new`);
    await field('Name').fill('Loyalty 12.5%');
    await field(/^Code/).fill('LOYALTY');
    await page.getByRole('radio', { name: 'Percentage' }).check();
    await field('Rate').fill('12.5');
    await page.getByRole('radio', { name: 'Recurring' }).check();
    await field('Number of billing periods').fill('3');
    await page.getByRole('radio', { name: 'Expires on a date' }).check();
    await field('Expires at').fill('2031-07-01T14:30');
    await page.getByRole('radio', { name: 'Specific plans' }).check();
    await page.getByRole('checkbox', { name: 'Startup (startup)' }).check();
    await shot('03-form-percentage');
    await page.getByRole('button', { name: 'Create coupon' }).click();

    await page.getByRole('heading', { name: 'Loyalty 12.5%' }).waitFor();
    const { body } = await t.api.get('/api/v1/coupons/LOYALTY');
    // 14:30 in Paris in July (UTC+2) is 12:30 UTC.
    expect(body.coupon).toMatchObject({
      percentage_rate: '12.5',
      frequency: 'recurring',
      frequency_duration: 3,
      expiration_at: '2031-07-01T12:30:00Z',
      plan_codes: ['startup'],
      billable_metric_codes: [],
    });
  });

  it('lists both coupons and searches them', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coupons', exact: true }).click();
    const rows = page.locator('tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    await page.getByRole('row', { name: /SPRING-10/ }).getByText('€10.50', { exact: true }).waitFor();
    await page.getByRole('row', { name: /LOYALTY/ }).getByText('12.5%', { exact: true }).waitFor();
    await page.getByRole('row', { name: /SPRING-10/ }).getByText('0 / 100').waitFor();
    await shot('04-list');

    await field('Search').fill('loyal');
    await page.waitForURL(/search=loyal/);
    await page.getByRole('row', { name: /SPRING-10/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    await shot('05-list-search');
  });

  it('opens a coupon and terminates it after confirmation', async () => {
    await page.getByRole('row', { name: /LOYALTY/ }).click();
    await page.getByRole('heading', { name: 'Loyalty 12.5%' }).waitFor();
    await page.getByText('Recurring · 3 periods').waitFor();
    await shot('06-coupon');

    await page.getByRole('button', { name: 'Terminate', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Terminate LOYALTY?' });
    await dialog.waitFor();
    await shot('07-terminate-dialog');
    await dialog.getByRole('button', { name: 'Terminate coupon' }).click();
    await page.getByText('Coupon terminated.').waitFor();
    const { body } = await t.api.get('/api/v1/coupons/LOYALTY');
    expect(body.coupon.status).toBe('terminated');
  });

  it('applies a coupon to a customer and shows what remains of it', async () => {
    await page.goto(`${t.baseUrl}/coupon/SPRING-10`);
    await page.getByRole('button', { name: 'Apply to customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply SPRING-10' });
    await dialog.getByLabel('Customer external ID').fill('cus_nobody');
    await dialog.getByRole('button', { name: 'Apply coupon' }).click();
    await dialog.getByText('No customer has this external ID.').waitFor();
    await dialog.getByLabel('Customer external ID').fill('cus_acme');
    await dialog.getByRole('button', { name: 'Apply coupon' }).click();
    await page.getByText('Coupon applied to cus_acme.').waitFor();
    const row = page.getByRole('row', { name: /cus_acme/ });
    await row.getByText('€10.50', { exact: true }).waitFor();
    await page.getByText('1 / 100').waitFor();
    await shot('08-coupon-applied');
  });

  it('locks the fields of an applied coupon in the edit form', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit Spring welcome' }).waitFor();
    expect(await field('Amount').isDisabled()).toBe(true);
    expect(await field(/^Code/).isDisabled()).toBe(true);
    await field('Name').fill('Spring welcome (renamed)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Spring welcome (renamed)' }).waitFor();
  });

  it('shows an API validation error on its field', async () => {
    await page.goto(`${t.baseUrl}/coupons/new`);
    await field('Name').fill('Copy of spring');
    await field(/^Code/).fill('SPRING-10');
    await field('Amount').fill('5');
    await page.getByRole('button', { name: 'Create coupon' }).click();

    const code = field(/^Code/);
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await code.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent();
    expect(message).toContain('already');
    await shot('09-form-api-error');
  });
});
