import type { ApiClient } from '../support/api-client';
import { applyCoupon, commitInvoice, fee, invoiceBody } from '../support/apply-factories';
import { createCoupon, createCustomer, createPercentageCoupon } from '../support/factories';
import { expectAccessible, openDashboard, type Dashboard } from './support/dashboard';

/** Two currencies of activity: EUR 2 redemptions and €14.00 off, USD 2 redemptions and $6.50 off. */
async function seed(api: ApiClient): Promise<void> {
  const percent = await createPercentageCoupon(api, { percentage_rate: '10', frequency: 'forever' });
  const eurCoupon = await createCoupon(api, { amount_cents: 1000, amount_currency: 'EUR' });
  const usdCoupon = await createCoupon(api, { amount_cents: 500, amount_currency: 'USD' });
  const eur = await createCustomer(api, { currency: 'EUR' });
  const usd = await createCustomer(api, { currency: 'USD' });
  await applyCoupon(api, eur.external_id, eurCoupon.code);
  await applyCoupon(api, eur.external_id, percent.code);
  await applyCoupon(api, usd.external_id, usdCoupon.code);
  await applyCoupon(api, usd.external_id, percent.code);
  // EUR 5000: the fixed 1000, then 10 % of 4000. USD 2000: the fixed 500, then 10 % of 1500.
  await commitInvoice(api, invoiceBody(eur.external_id, [fee('a', 5000)]));
  await commitInvoice(api, invoiceBody(usd.external_id, [fee('a', 2000)], { currency: 'USD' }));
}

/** The overview page in Chromium against the real API: totals per currency, charts, empty state. */
describe('overview in the dashboard (browser)', () => {
  let d: Dashboard;
  beforeAll(async () => {
    d = await openDashboard('/');
  });
  afterAll(async () => d?.close());

  it('shows the empty state for an organization without activity', async () => {
    const { page } = d;
    await page.getByText('No redemptions or discounts in the last 30 days').waitFor();
    await expect(page.getByRole('region', { name: 'Active coupons' }).locator('.overview-stat').textContent()).resolves.toBe('0');
    expect(await page.locator('svg.recharts-surface').count()).toBe(0);
    await expectAccessible(page);
  });

  it('shows each currency’s totals over 30 days and draws their daily charts', async () => {
    const { page } = d;
    await seed(d.t.api);
    await page.reload();
    const eur = page.getByRole('region', { name: 'EUR · Euro' });
    const usd = page.getByRole('region', { name: 'USD · US Dollar' });
    await eur.waitFor();
    expect(await eur.getByRole('definition').allTextContents()).toEqual(['2', '€14.00']);
    expect(await usd.getByRole('definition').allTextContents()).toEqual(['2', '$6.50']);
    await expect(page.getByRole('region', { name: 'Active coupons' }).locator('.overview-stat').textContent()).resolves.toBe('3');

    // Two charts per currency, drawn as SVG with bars, each summarised for screen readers.
    for (const region of [eur, usd]) {
      expect(await region.locator('svg.recharts-surface').count()).toBe(2);
      expect(await region.locator('.recharts-bar-rectangle path').count()).toBeGreaterThanOrEqual(2);
    }
    await eur.getByRole('img', { name: /^Discount given in EUR per UTC day .*: €14\.00 in total over 1 day/ }).waitFor();
    await expectAccessible(page);
    await d.shot('overview');

    // The daily table, opened from the keyboard.
    await eur.getByText('Daily figures in EUR').focus();
    await page.keyboard.press('Enter');
    const rows = eur.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(31);
    expect(await rows.last().locator('td').allTextContents()).toEqual(['2', '€14.00']);
    await expectAccessible(page);
  });
});
