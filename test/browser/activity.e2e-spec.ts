import { expectAccessible, openDashboard, type Dashboard } from './support/dashboard';

/**
 * The activity log in the dashboard: who changed what (an operator through the dashboard, a machine with an
 * API key), filtered through the URL, with links to the objects.
 */
describe('activity log in the dashboard (browser)', () => {
  let d: Dashboard;
  const page = () => d.page;
  const keyPublicId = () => d.t.apiKey.slice('cpn_'.length, 'cpn_'.length + 16);

  beforeAll(async () => {
    d = await openDashboard('/activity');
  });

  afterAll(async () => {
    await d?.close();
  });

  it("opens on the organization's own making: its API key (by the CLI) and its operator", async () => {
    const keyRow = page().getByRole('row', { name: /API key created/ });
    await keyRow.getByText(keyPublicId()).first().waitFor();
    await keyRow.getByText('CLI', { exact: true }).waitFor();
    await keyRow.getByText('api-keys:create').waitFor();
    await page().getByRole('row', { name: /Operator added/ }).waitFor();
    expect(await page().getByRole('row', { name: /Coupon/ }).count()).toBe(0);
    await expectAccessible(page());
  });

  it('shows a coupon created in the dashboard with its operator, and one created with an API key with the key', async () => {
    await page().goto(`${d.t.baseUrl}/coupons/new`);
    await page().getByLabel('Name', { exact: true }).fill('By hand');
    await page().getByLabel(/^Code/).fill('BY-HAND');
    await page().getByLabel('Currency', { exact: true }).selectOption('EUR');
    await page().getByLabel('Amount', { exact: true }).fill('5');
    await page().getByRole('button', { name: 'Create coupon' }).click();
    await page().getByRole('heading', { name: 'By hand' }).waitFor();
    const created = await d.t.api.post('/api/v1/coupons', {
      coupon: {
        name: 'By machine', code: 'BY-MACHINE', coupon_type: 'percentage', percentage_rate: '12.5', frequency: 'once',
        expiration: 'no_expiration',
      },
    }, { 'X-Request-Id': 'req-activity-1' });
    expect(created.status).toBe(200);
    const { body } = await d.t.api.get('/api/v1/events?type=coupon.created');
    const byHand = body.events.find((event: any) => event.data.coupon.code === 'BY-HAND');
    expect(byHand.actor.type).toBe('user');

    await page().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
    const machineRow = page().getByRole('row', { name: /BY-MACHINE/ });
    await machineRow.getByText('Coupon created').waitFor();
    await machineRow.getByText('API key', { exact: true }).waitFor();
    await machineRow.getByText(keyPublicId()).waitFor();
    await machineRow.getByText('req-activity-1').waitFor();
    expect(await machineRow.locator('time').getAttribute('title')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);

    const handRow = page().getByRole('row', { name: /BY-HAND/ });
    await handRow.getByText(byHand.actor.name, { exact: true }).waitFor();
    expect(await handRow.innerText()).not.toContain('API key');
    await expectAccessible(page());
    await d.shot('activity');
  });

  it('filters by type and by object through the URL, and links to the object', async () => {
    await page().getByLabel('Event type').selectOption('coupon.terminated');
    await page().getByText('No event matches').waitFor();
    expect(new URL(page().url()).search).toBe('?type=coupon.terminated');
    await expectAccessible(page());

    await page().getByLabel('Event type').selectOption('coupon.created');
    await page().getByRole('link', { name: 'History of coupon BY-MACHINE' }).click();
    const { body } = await d.t.api.get('/api/v1/coupons/BY-MACHINE');
    await page().waitForURL((url) => url.search === `?object=${body.coupon.lago_id}`);
    expect(await page().getByLabel('Object ID').inputValue()).toBe(body.coupon.lago_id);
    await page().getByText(/^1 event ·/).waitFor();

    await page().getByRole('link', { name: 'BY-MACHINE', exact: true }).click();
    await page().getByRole('heading', { name: 'By machine' }).waitFor();
    // The polished percentage: no trailing ".0" (the API answers "12.5").
    await page().getByText('12.5%', { exact: true }).first().waitFor();
  });
});
