import { randomBytes } from 'node:crypto';
import { ApiClient } from './support/api-client';
import { expectStatus } from './support/factories';
import { createCoupon } from './support/factories';
import { createTestDatabase } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';
import { ApiProcess, createKeyWithCli, ensureBuilt, spawnApi } from './robustness/support/processes';

const COUPONS = 300;

/**
 * Webhook delivery across real API processes (node dist/apps/api/src/main.js) on one database: the
 * delivery workers of several processes never make one attempt twice, and an attempt claimed by a
 * process killed mid-delivery is taken over after its claim lapses.
 */
describe('webhook delivery across API processes', () => {
  let database: { url: string; drop(): Promise<void> };
  let processes: ApiProcess[] = [];
  const receiver = new WebhookReceiver();
  const env = () => ({ DATABASE_URL: database.url, RATE_LIMIT_PER_MINUTE: '0', WEBHOOKS_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_SCHEDULE: '1,1,1' });

  beforeAll(async () => {
    ensureBuilt();
    await receiver.start();
    database = await createTestDatabase();
  }, 180_000);

  afterEach(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    processes = [];
  });

  afterAll(async () => {
    await receiver.stop();
    await database?.drop();
  });

  async function endpointFor(client: ApiClient, tag: string) {
    const body = { webhook_endpoint: { url: `${receiver.url}?to=${tag}`, event_types: ['coupon.created'] } };
    return expectStatus(await client.post('/api/v1/webhook_endpoints', body), 200).body.webhook_endpoint;
  }

  it(`two processes deliver ${COUPONS} events, each attempt exactly once`, async () => {
    processes = await Promise.all([0, 1].map(() => spawnApi(env())));
    const key = await createKeyWithCli(database.url, `Two ${randomBytes(4).toString('hex')}`);
    const clients = processes.map((p) => new ApiClient(p.baseUrl, key));
    const tag = randomBytes(4).toString('hex');
    const endpoint = await endpointFor(clients[0], tag);
    for (let start = 0; start < COUPONS; start += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => createCoupon(clients[(start + i) % 2])));
    }
    const mine = () => receiver.received.filter((hook) => hook.path.endsWith(`?to=${tag}`));
    await receiver.waitFor(() => new Set(mine().map((hook) => hook.headers['webhook-id'])).size === COUPONS, 60_000);
    // Room for a duplicate to show up, were one on its way.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(mine()).toHaveLength(COUPONS);
    const log = expectStatus(await clients[1].get(`/api/v1/webhook_endpoints/${endpoint.lago_id}/deliveries?per_page=1000`), 200).body.webhook_deliveries;
    expect(log).toHaveLength(COUPONS);
    expect(log.every((row: { status: string; attempt: number }) => row.status === 'succeeded' && row.attempt === 1)).toBe(true);
  }, 180_000);

  it('an attempt cut off by a killed process is delivered after a restart, within 30 s', async () => {
    const first = await spawnApi(env());
    processes = [first];
    const key = await createKeyWithCli(database.url, `Killed ${randomBytes(4).toString('hex')}`);
    const tag = randomBytes(4).toString('hex');
    const endpoint = await endpointFor(new ApiClient(first.baseUrl, key), tag);
    const mine = () => receiver.received.filter((hook) => hook.path.endsWith(`?to=${tag}`));
    // The receiver holds the first attempt open: the process dies while it waits for the answer.
    receiver.answer = () => undefined;
    await createCoupon(new ApiClient(first.baseUrl, key));
    await receiver.waitFor(() => mine().length === 1);
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    receiver.answer = (_request, response) => response.end('ok');
    const second = await spawnApi(env());
    processes = [first, second];
    await receiver.waitFor(() => mine().length === 2, 45_000, 'the attempt taken over');
    expect(mine()[1].receivedAt - killedAt).toBeLessThan(30_000);
    expect(mine()[1].headers['webhook-id']).toBe(mine()[0].headers['webhook-id']);
    const client = new ApiClient(second.baseUrl, key);
    const deadline = Date.now() + 10_000;
    let log: Array<{ status: string }> = [];
    while (Date.now() < deadline) {
      log = expectStatus(await client.get(`/api/v1/webhook_endpoints/${endpoint.lago_id}/deliveries`), 200).body.webhook_deliveries;
      if (log.some((row) => row.status === 'succeeded')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(log.map((row) => row.status)).toEqual(['succeeded']);
  }, 180_000);
});
