import type { Page } from 'playwright-core';
import { createCoupon, createCustomer } from '../support/factories';
import { createOperator } from '../support/operators';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchBrowser, type Dashboard } from './support/dashboard';

/** The accessible name of what has the keyboard focus: its label, its text or its aria-label. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const labelled = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent;
    return (labelled ?? element.textContent ?? '').trim();
  });
}

/** Presses Tab until the focus is on `name` (at most 60 times); fails if it never gets there. */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached "${String(name)}" (last: "${await focusedName(page)}")`);
}

/**
 * An operator who uses only the keyboard: signs in, moves between pages, opens a dialog, fills it and sends it,
 * closes one with Escape and gets the focus back where it was. Real Chromium; no mouse event is sent.
 */
describe('the dashboard by keyboard alone (browser)', () => {
  let t: TestApp;
  let dashboard: Dashboard;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp();
    dashboard = await launchBrowser(t);
    page = dashboard.page;
  });

  afterAll(async () => {
    await dashboard?.close();
    await t?.close();
  });

  it('signs in, reaches a coupon from the navigation, applies it through its dialog, and leaves a dialog with Escape', async () => {
    const operator = await createOperator(t, { role: 'manager' });
    const coupon = await createCoupon(t.api, { name: 'Keyboard welcome' });
    const customer = await createCustomer(t.api);

    await page.goto(`${t.baseUrl}/`);
    await tabTo(page, 'Email');
    await page.keyboard.type(operator.email);
    await tabTo(page, 'Password');
    await page.keyboard.type(operator.password);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    await tabTo(page, 'Coupons');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Coupons', level: 1 }).waitFor();
    await tabTo(page, coupon.code);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Keyboard welcome', level: 1 }).waitFor();

    // A dialog takes the focus, and Escape gives it back to the button that opened it.
    await tabTo(page, 'Apply to customer');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Apply to customer');

    // Again, this time filled and sent from the keyboard.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.type(customer.external_id);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const applied = (await t.api.get(`/api/v1/customers/${customer.external_id}/applied_coupons`)).body.applied_coupons;
    expect(applied.map((row: { coupon_code: string }) => row.coupon_code)).toEqual([coupon.code]);
  });
});
