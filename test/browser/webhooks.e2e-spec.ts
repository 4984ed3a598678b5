import { Webhook } from 'standardwebhooks';
import { WebhookReceiver } from '../support/webhook-receiver';
import { expectAccessible, openDashboard, type Dashboard } from './support/dashboard';

/**
 * Webhooks in the dashboard against a real receiver (node:http on 127.0.0.1, hence private URLs allowed in
 * the app under test, and retries a second apart): add an endpoint, keep its secret, see a coupon's event
 * delivered, redeliver it.
 */
describe('webhooks in the dashboard (browser)', () => {
  let d: Dashboard;
  const receiver = new WebhookReceiver();
  const page = () => d.page;
  const dialogNamed = (name: string) => page().getByRole('dialog', { name });
  let secret = '';
  let endpointPath = '';

  beforeAll(async () => {
    await receiver.start();
    d = await openDashboard('/webhooks', {
      config: { webhooks: { workersEnabled: true, retrySchedule: [1, 1], allowPrivateUrls: true } },
    });
    await d.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: d.t.baseUrl });
  });

  afterAll(async () => {
    await d?.close();
    await receiver.stop();
  });

  /** The log fills in the background: "Refresh" until `text` shows in it. */
  async function refreshUntil(text: string | RegExp, timeoutMs = 20_000) {
    const log = page().getByRole('region', { name: 'Delivery log' });
    const deadline = Date.now() + timeoutMs;
    while (!(await log.getByText(text).first().isVisible())) {
      if (Date.now() > deadline) throw new Error(`the delivery log never showed ${String(text)}: ${await log.innerText()}`);
      await log.getByRole('button', { name: 'Refresh' }).click();
      await page().waitForTimeout(250);
    }
  }

  it('starts empty', async () => {
    await page().getByText('No webhook endpoints yet').waitFor();
    await expectAccessible(page());
  });

  it('shows a URL the API refuses next to the field', async () => {
    await page().getByRole('button', { name: '+ Add endpoint' }).click();
    const dialog = dialogNamed('Add webhook endpoint');
    await dialog.getByLabel('URL').fill('http://[::1');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await dialog.getByText(/private, loopback and link-local addresses are refused/).waitFor();
    expect(await dialog.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page());
  });

  it('adds an endpoint and shows its signing secret once, copyable', async () => {
    const dialog = dialogNamed('Add webhook endpoint');
    await dialog.getByLabel('URL').fill(receiver.url);
    await dialog.getByLabel(/^Description/).fill('Receiver under test');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();

    const reveal = dialogNamed('Endpoint added');
    secret = await reveal.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await reveal.getByRole('button', { name: 'Copy' }).click();
    await reveal.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page().evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await expectAccessible(page());

    await reveal.getByRole('button', { name: 'Done' }).click();
    await page().getByRole('heading', { name: receiver.url }).waitFor();
    endpointPath = new URL(page().url()).pathname;
    expect(endpointPath).toMatch(/^\/webhook\/[0-9a-f-]{36}$/);
    await page().getByText('No deliveries yet').waitFor();
    // Shown once: the endpoint's own page never has it.
    expect(await page().content()).not.toContain(secret);

    await page().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    const row = page().getByRole('row', { name: new RegExp(receiver.url.replaceAll('/', '\\/')) });
    await row.getByText('All events').waitFor();
    await row.getByText('Enabled').waitFor();
    expect(await row.locator('time').getAttribute('title')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    await expectAccessible(page());
    await d.shot('webhooks');
  });

  it('delivers a coupon created in the dashboard, signed with that secret, and logs the answer', async () => {
    await page().goto(`${d.t.baseUrl}/coupons/new`);
    await page().getByLabel('Name', { exact: true }).fill('Hooked');
    await page().getByLabel(/^Code/).fill('HOOKED-5');
    await page().getByLabel('Currency', { exact: true }).selectOption('EUR');
    await page().getByLabel('Amount', { exact: true }).fill('5');
    await page().getByRole('button', { name: 'Create coupon' }).click();
    await page().getByRole('heading', { name: 'Hooked' }).waitFor();

    await receiver.waitFor(() => receiver.received.some((hook) => hook.body.includes('"HOOKED-5"')));
    const hook = receiver.received.find((received) => received.body.includes('"HOOKED-5"'))!;
    const event = new Webhook(secret).verify(hook.body, hook.headers) as { id: string; type: string };
    expect(event.type).toBe('coupon.created');

    await page().goto(`${d.t.baseUrl}${endpointPath}`);
    await refreshUntil('HTTP 200');
    const row = page().getByRole('row', { name: new RegExp(event.id) });
    await row.getByText('Coupon created').waitFor();
    await row.getByText('Succeeded').waitFor();
    await row.getByText('ok', { exact: true }).waitFor();
    await expectAccessible(page());
  });

  it('redelivers the event: a second attempt, sent and logged', async () => {
    const eventId = receiver.received.find((received) => received.body.includes('"HOOKED-5"'))!.headers['webhook-id'];
    await page().getByRole('button', { name: `Redeliver ${eventId}` }).click();
    await page().getByText('Coupon created scheduled again (1 attempt).').waitFor();
    await receiver.waitFor(() => receiver.counts().get(eventId) === 2);
    await refreshUntil(/^2 attempts/);
    const rows = page().getByRole('row', { name: new RegExp(eventId) });
    expect(await rows.count()).toBe(2);
    for (const index of [0, 1]) await rows.nth(index).getByText('HTTP 200').waitFor();
    await expectAccessible(page());
    await d.shot('webhook-endpoint');
  });

  it('rotates the secret (the new one shown once, and signing) and disables the endpoint', async () => {
    await page().getByRole('button', { name: 'Rotate secret' }).click();
    await dialogNamed('Rotate the signing secret?').getByRole('button', { name: 'Rotate secret' }).click();
    const reveal = dialogNamed('New signing secret');
    const rotated = await reveal.getByLabel('Signing secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await expectAccessible(page());
    await reveal.getByRole('button', { name: 'Done' }).click();
    await expect(page().content()).resolves.not.toContain(rotated);

    await d.t.api.post('/api/v1/coupons', {
      coupon: { name: 'After rotation', code: 'ROTATED-1', coupon_type: 'percentage', percentage_rate: '10', frequency: 'once', expiration: 'no_expiration' },
    });
    await receiver.waitFor(() => receiver.received.some((hook) => hook.body.includes('"ROTATED-1"')));
    const hook = receiver.received.find((received) => received.body.includes('"ROTATED-1"'))!;
    expect((new Webhook(rotated).verify(hook.body, hook.headers) as { type: string }).type).toBe('coupon.created');

    await page().getByRole('button', { name: 'Disable' }).click();
    await page().getByText(/Endpoint disabled/).waitFor();
    await page().getByRole('button', { name: 'Enable' }).waitFor();
    const { body } = await d.t.api.get(`/api/v1/webhook_endpoints/${endpointPath.split('/').pop()}`);
    expect(body.webhook_endpoint.status).toBe('disabled');
  });

  it('deletes the endpoint after confirming', async () => {
    await page().getByRole('button', { name: 'Delete' }).click();
    await dialogNamed('Delete this endpoint?').getByRole('button', { name: 'Delete endpoint' }).click();
    await page().getByText('No webhook endpoints yet').waitFor();
    const { body } = await d.t.api.get('/api/v1/webhook_endpoints');
    expect(body.webhook_endpoints).toEqual([]);
  });
});
