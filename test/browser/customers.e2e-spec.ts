import type { Locator } from 'playwright-core';
import { commitInvoice, fee, invoiceBody } from '../support/apply-factories';
import { couponParams, createCustomer, expectStatus, percentageCouponParams } from '../support/factories';
import { createPromotionCode } from '../support/promotion-code-factories';
import { expectAccessible, openDashboard, type Dashboard } from './support/dashboard';

/**
 * Customers in the dashboard, in a real headless Chromium against the real API on MariaDB: search, a
 * customer's applied coupons and credits, applying by coupon code and by promotion code, terminating.
 * Needs the production bundle: `npm run build -w web`.
 */
describe('customers in the dashboard (browser)', () => {
  let d: Dashboard;
  const page = () => d.page;
  const visit = (path: string) => d.page.goto(`${d.t.baseUrl}${path}`);
  const bodyRows = () => d.page.locator('table tbody tr');
  const region = (name: string) => d.page.getByRole('region', { name });
  /** The text the field's aria-describedby points at: its error (or hint) as a screen reader announces it. */
  const description = (field: Locator) =>
    field.evaluate((input) => (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .filter(Boolean)
      .join(' '));

  beforeAll(async () => {
    d = await openDashboard('/customers');
  });
  afterAll(() => d?.close());

  it('says when there are no customers yet', async () => {
    await page().getByText('No customers yet').waitFor();
    await expectAccessible(page());
  });

  it('narrows the list with a search that survives a reload', async () => {
    await createCustomer(d.t.api, { external_id: 'cus_acme', name: 'Acme Corp', currency: 'JPY' });
    await createCustomer(d.t.api, { external_id: 'cus_globex', name: 'Globex', currency: 'EUR' });
    await createCustomer(d.t.api, { external_id: 'cus_initech', name: 'Initech', currency: null });
    await page().reload();
    await page().getByRole('link', { name: 'cus_initech' }).waitFor();
    expect(await bodyRows().count()).toBe(3);
    await page().getByText('3 customers · page 1 of 1').waitFor();
    await expectAccessible(page());
    await d.shot('customers');

    await page().getByLabel('Search').fill('GLOB');
    await page().waitForURL(/\/customers\?search=GLOB$/);
    await page().getByText('1 customer · page 1 of 1').waitFor();
    expect(await bodyRows().allInnerTexts()).toEqual([expect.stringContaining('cus_globex')]);

    await page().reload();
    await page().getByText('1 customer · page 1 of 1').waitFor();
    expect(await page().getByLabel('Search').inputValue()).toBe('GLOB');
    expect(await bodyRows().allInnerTexts()).toEqual([expect.stringContaining('Globex')]);
    await expectAccessible(page());

    await page().getByLabel('Search').fill('50%_off');
    await page().getByText('No customer matches “50%_off”').waitFor();
    await expectAccessible(page());
  });

  it("opens a customer from the list and shows an applied coupon's remaining value in its currency, and its credits", async () => {
    // A USD coupon with a yen amount: applied to a yen customer, it is worth ¥1,500.
    const coupon = couponParams({ code: 'WELCOME', name: 'Welcome', amount_cents: 2000, amount_currency: 'USD', currency_options: { JPY: { amount_cents: 1500 } } });
    expectStatus(await d.t.api.post('/api/v1/coupons', { coupon }), 200);
    expectStatus(await d.t.api.post('/api/v1/applied_coupons', { applied_coupon: { external_customer_id: 'cus_acme', coupon_code: 'WELCOME' } }), 200);
    await commitInvoice(d.t.api, invoiceBody('cus_acme', [fee('f1', 1000)], { external_invoice_id: 'INV-0001', currency: 'JPY' }));

    await page().getByLabel('Search').fill('acme');
    await page().getByRole('link', { name: 'cus_acme' }).click();
    await page().getByRole('heading', { name: 'Acme Corp' }).waitFor();
    expect(page().url()).toBe(`${d.t.baseUrl}/customer/cus_acme`);
    const row = region('Applied coupons').getByRole('row').filter({ hasText: 'WELCOME' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/¥1,500[\s\S]*Once[\s\S]*¥500/);
    const credit = region('Credits').getByRole('row').filter({ hasText: 'INV-0001' });
    expect(await credit.innerText()).toMatch(/WELCOME[\s\S]*¥1,000/);
    expect(await credit.getByRole('link', { name: 'INV-0001' }).getAttribute('href')).toBe('/invoice-discounts?invoice=INV-0001');
    // Dates in the operator's zone (Paris), with the UTC time on hover.
    expect(await row.locator('time').getAttribute('title')).toMatch(/UTC/);
    await expectAccessible(page());
    await d.shot('customer');
  });

  it('applies a coupon by its code', async () => {
    expectStatus(await d.t.api.post('/api/v1/coupons', {
      coupon: percentageCouponParams({ code: 'PCT-10', name: 'Ten percent', percentage_rate: '10', frequency: 'recurring', frequency_duration: 3 }),
    }), 200);
    await page().getByRole('button', { name: 'Apply a coupon' }).click();
    const dialog = page().getByRole('dialog', { name: 'Apply a coupon' });
    await dialog.getByLabel('Coupon code').fill('PCT-10');
    await expectAccessible(page());
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await page().getByText('PCT-10 applied to cus_acme.').waitFor();
    const row = region('Applied coupons').getByRole('row').filter({ hasText: 'PCT-10' });
    expect(await row.innerText()).toMatch(/10%[\s\S]*Recurring · 3 periods[\s\S]*3 periods left/);
  });

  it('shows a bad promotion code next to the field, then applies a good one', async () => {
    expectStatus(await d.t.api.post('/api/v1/coupons', { coupon: couponParams({ code: 'SPRING', name: 'Spring', amount_cents: 300, amount_currency: 'JPY' }) }), 200);
    await createPromotionCode(d.t.api, 'SPRING', { code: 'SPRING-AB12' });

    await page().getByRole('button', { name: 'Apply a promotion code' }).click();
    const dialog = page().getByRole('dialog', { name: 'Apply a promotion code' });
    const field = dialog.getByLabel('Promotion code');
    await field.fill('NOPE-0000');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.getByText('No promotion code matches (case does not matter).').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await description(field)).toBe('No promotion code matches (case does not matter).');
    await expectAccessible(page());

    await field.fill('spring-ab12');
    await field.press('Enter');
    await page().getByText('spring-ab12 applied to cus_acme.').waitFor();
    const row = region('Applied coupons').getByRole('row').filter({ hasText: 'SPRING-AB12' });
    expect(await row.innerText()).toMatch(/SPRING[\s\S]*via SPRING-AB12[\s\S]*¥300[\s\S]*¥300/);
    await expectAccessible(page());
  });

  it('terminates an applied coupon after confirmation', async () => {
    await page().getByRole('button', { name: 'Terminate PCT-10' }).click();
    const dialog = page().getByRole('dialog', { name: 'Terminate PCT-10 for cus_acme?' });
    await expectAccessible(page());
    await dialog.getByRole('button', { name: 'Terminate' }).click();
    await page().getByText('PCT-10 terminated for cus_acme.').waitFor();
    const row = region('Applied coupons').getByRole('row').filter({ hasText: 'PCT-10' });
    await row.getByText('Terminated', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    const applied = expectStatus(await d.t.api.get('/api/v1/customers/cus_acme/applied_coupons'), 200).body.applied_coupons as { coupon_code: string; status: string }[];
    expect(applied.find((a) => a.coupon_code === 'PCT-10')?.status).toBe('terminated');
    await expectAccessible(page());
  });

  it('says when no customer has the external id, with a link back', async () => {
    await visit('/customer/cus_nobody');
    await page().getByText('Customer not found').waitFor();
    await expectAccessible(page());
    await page().getByRole('link', { name: 'Back to the customers' }).click();
    await page().waitForURL(`${d.t.baseUrl}/customers`);
  });
});
