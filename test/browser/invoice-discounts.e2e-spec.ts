import { applyCoupon, commitInvoice, fee, invoiceBody } from '../support/apply-factories';
import { createCoupon, createCustomer, createPercentageCoupon } from '../support/factories';
import { expectAccessible, openDashboard, type Dashboard } from './support/dashboard';

/** The invoice discounts page in Chromium against the real API: lookup by invoice id, and a preview. */
describe('invoice discounts in the dashboard (browser)', () => {
  let d: Dashboard;
  let fixedCode: string;
  let percentCode: string;

  beforeAll(async () => {
    d = await openDashboard('/invoice-discounts');
    const api = d.t.api;
    fixedCode = (await createCoupon(api, { code: 'TEN-EUROS', amount_cents: 1000, amount_currency: 'EUR' })).code;
    percentCode = (await createPercentageCoupon(api, { code: 'TEN-PCT', percentage_rate: '10', frequency: 'forever' })).code;
    for (const externalId of ['acme', 'beta']) {
      await createCustomer(api, { external_id: externalId, currency: 'EUR' });
      await applyCoupon(api, externalId, fixedCode);
      await applyCoupon(api, externalId, percentCode);
    }
    await commitInvoice(api, invoiceBody('acme', [fee('sub', 3000), fee('usage', 2000)], { external_invoice_id: 'inv_001' }));
  });
  afterAll(async () => d?.close());

  const creditRows = async (group: ReturnType<Dashboard['page']['getByRole']>) =>
    Promise.all((await group.getByRole('table').first().getByRole('row').all()).slice(1).map((row) => row.locator('td').allTextContents()));

  it('finds a committed discount by its invoice id and keeps the id in the URL', async () => {
    const { page } = d;
    await page.getByLabel('External invoice ID').fill('inv_001');
    await page.getByRole('button', { name: 'Look up' }).click();
    const result = page.getByRole('group', { name: 'Discount of invoice inv_001' });
    await result.waitFor();
    expect(new URL(page.url()).search).toBe('?invoice=inv_001');
    expect(await creditRows(result)).toEqual([
      [fixedCode, '€10.00', 'sub: €6.00, usage: €4.00'],
      [percentCode, '€4.00', 'sub: €2.40, usage: €1.60'],
    ]);
    await result.getByText('Committed', { exact: true }).first().waitFor();
    await expectAccessible(page);
    await d.shot('invoice-discounts-lookup');
  });

  it('says next to the field that an unknown invoice has no committed discount', async () => {
    const { page } = d;
    const field = page.getByLabel('External invoice ID');
    await field.fill('inv_unknown');
    await field.press('Enter');
    await page.getByText('No committed discount has this invoice ID').waitFor();
    expect(new URL(page.url()).search).toBe('?invoice=inv_unknown');
    expect(await page.getByLabel('External invoice ID').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('group', { name: /^Discount of invoice/ }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('previews a fixed and a percentage coupon on a typed-in invoice, to the cent, recording nothing', async () => {
    const { page } = d;
    await page.getByLabel('Customer external ID').fill('beta');
    await page.getByLabel('Fee 1 ID').fill('sub');
    await page.getByLabel('Fee 1 amount').fill('30.00');
    await page.getByRole('button', { name: '+ Add fee' }).click();
    await page.getByLabel('Fee 2 ID').fill('usage');
    await page.getByLabel('Fee 2 amount').fill('20');
    await page.getByRole('button', { name: 'Preview discount' }).click();
    const result = page.getByRole('group', { name: 'Preview' });
    await result.waitFor();
    // The fixed €10 first (the older coupon), then 10 % of the €40 left; each spread pro rata over the fees.
    expect(await creditRows(result)).toEqual([
      [fixedCode, '€10.00', 'sub: €6.00, usage: €4.00'],
      [percentCode, '€4.00', 'sub: €2.40, usage: €1.60'],
    ]);
    expect(await result.getByRole('definition').allTextContents()).toEqual(['Preview, not recorded', 'beta', '€50.00', '€14.00', '€36.00']);
    await expectAccessible(page);
    await d.shot('invoice-discounts-preview');

    // Nothing was recorded: beta's fixed coupon still has its whole €10.
    const applied = (await d.t.api.get('/api/v1/customers/beta/applied_coupons')).body.applied_coupons;
    expect(applied.find((row: { coupon_code: string }) => row.coupon_code === fixedCode).amount_cents_remaining).toBe(1000);
  });

  it('shows the API’s field error next to the field it names', async () => {
    const { page } = d;
    await page.getByLabel('Customer external ID').fill('');
    await page.getByRole('button', { name: 'Preview discount' }).click();
    const field = page.getByLabel('Customer external ID');
    await page.getByText('Enter the customer’s external ID').waitFor();
    const describedBy = await field.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy?.split(' ')[0]}"]`).textContent()).toBe('Enter the customer’s external ID');
    expect(await page.getByRole('group', { name: 'Preview' }).count()).toBe(0);
    await expectAccessible(page);

    await field.fill('nobody');
    await page.getByRole('button', { name: 'Preview discount' }).click();
    await page.getByText('No customer has this external ID').waitFor();
  });
});
