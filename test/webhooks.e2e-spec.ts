import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { Webhook } from 'standardwebhooks';
import { PurgeWebhookDeliveriesService } from '../apps/api/src/webhooks/purge-webhook-deliveries.service';
import { ApiClient } from './support/api-client';
import { applyCoupon, commitInvoice, fee, invoiceBody, terminateApplied } from './support/apply-factories';
import { createCoupon, createCustomer, expectStatus, notFoundBody, validationBody } from './support/factories';
import { conformanceErrors, OpenApiDocument, responseSchema } from './support/openapi-conformance';
import { createPromotionCode, uniquePromotionCode } from './support/promotion-code-factories';
import { startTestApp, TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

const ENDPOINT_KEYS = ['lago_id', 'url', 'event_types', 'description', 'status', 'secret', 'created_at'];
const DELIVERY_KEYS = ['event_id', 'event_type', 'attempt', 'status', 'response_status', 'response_body', 'duration_ms', 'error', 'next_attempt_at', 'created_at'];

/**
 * Webhook endpoints over HTTP and their deliveries to real receivers (node:http on 127.0.0.1, hence
 * private URLs allowed in the app under test): signatures checked with the standardwebhooks package.
 */
describe('webhooks', () => {
  let t: TestApp;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ webhooks: { workersEnabled: true, retrySchedule: [1, 1, 1, 1, 1, 1, 1, 1], allowPrivateUrls: true } });
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  /** A fresh organization, so that its endpoints get only its own events. */
  async function organization(): Promise<ApiClient> {
    return t.api.withKey(await t.newApiKey());
  }

  async function createEndpoint(api: ApiClient, fields: Record<string, unknown> = {}, target = receiver) {
    const tag = randomBytes(4).toString('hex');
    const response = expectStatus(await api.post('/api/v1/webhook_endpoints', { webhook_endpoint: { url: `${target.url}?to=${tag}`, ...fields } }), 200);
    return { endpoint: response.body.webhook_endpoint, tag, received: () => target.received.filter((hook) => hook.path.endsWith(`?to=${tag}`)) };
  }

  async function deliveries(api: ApiClient, lagoId: string, query = '') {
    return expectStatus(await api.get(`/api/v1/webhook_endpoints/${lagoId}/deliveries?per_page=1000${query}`), 200).body.webhook_deliveries as any[];
  }

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function sql(query: string, params: unknown[] = []): Promise<void> {
    const connection = await createConnection(t.databaseUrl);
    try {
      await connection.query(query, params);
    } finally {
      await connection.end();
    }
  }

  describe('endpoints API', () => {
    it('shows the secret in the create answer only; reads, lists, updates and deletes', async () => {
      const api = await organization();
      const { endpoint } = await createEndpoint(api, { event_types: ['coupon.created'], description: 'CRM' });
      expect(Object.keys(endpoint)).toEqual(ENDPOINT_KEYS);
      expect(endpoint).toMatchObject({ event_types: ['coupon.created'], description: 'CRM', status: 'enabled' });
      expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(endpoint.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);

      const shown = expectStatus(await api.get(`/api/v1/webhook_endpoints/${endpoint.lago_id}`), 200).body.webhook_endpoint;
      expect(shown).toEqual({ ...endpoint, secret: null });
      const list = expectStatus(await api.get('/api/v1/webhook_endpoints'), 200).body;
      expect(list.webhook_endpoints).toEqual([shown]);
      expect(list.meta).toEqual({ current_page: 1, next_page: null, prev_page: null, total_pages: 1, total_count: 1 });
      expect(expectStatus(await t.api.get('/api/v1/webhook_endpoints'), 200).body.webhook_endpoints).toEqual([]);

      const updated = expectStatus(
        await api.put(`/api/v1/webhook_endpoints/${endpoint.lago_id}`, { webhook_endpoint: { event_types: null, status: 'disabled', description: null } }),
        200,
      ).body.webhook_endpoint;
      expect(updated).toEqual({ ...shown, event_types: null, status: 'disabled', description: null });

      expect(expectStatus(await api.delete(`/api/v1/webhook_endpoints/${endpoint.lago_id}`), 200).body.webhook_endpoint.lago_id).toBe(endpoint.lago_id);
      expect(await api.get(`/api/v1/webhook_endpoints/${endpoint.lago_id}`)).toMatchObject({ status: 404, body: notFoundBody('webhook_endpoint_not_found') });
    });

    it('refuses bad fields with field errors, and unknown endpoints and events with 404', async () => {
      const post = (fields: Record<string, unknown>) => t.api.post('/api/v1/webhook_endpoints', { webhook_endpoint: fields });
      expect(await post({ url: 'ftp://example.com/x' })).toMatchObject({ status: 422, body: validationBody({ url: ['value_is_invalid'] }) });
      expect(await post({ description: 'no url' })).toMatchObject({ status: 422, body: validationBody({ url: ['value_is_mandatory'] }) });
      expect(await post({ url: receiver.url, event_types: ['coupon.melted'] })).toMatchObject({
        status: 422, body: validationBody({ event_types: ['value_is_invalid'] }),
      });
      expect((await t.api.post('/api/v1/webhook_endpoints', {})).status).toBe(400);
      const { endpoint } = await createEndpoint(await organization());
      expect(await t.api.put(`/api/v1/webhook_endpoints/${endpoint.lago_id}`, { webhook_endpoint: { status: 'x' } })).toMatchObject({ status: 404 });
      expect(await t.api.get('/api/v1/webhook_endpoints/nope/deliveries')).toMatchObject({ status: 404, body: notFoundBody('webhook_endpoint_not_found') });
      expect(await t.api.post('/api/v1/events/evt_nope/redeliver')).toMatchObject({ status: 404, body: notFoundBody('event_not_found') });
    });
  });

  describe('delivery', () => {
    it('delivers an event per write path, signed with the endpoint secret', async () => {
      const api = await organization();
      const { endpoint, received } = await createEndpoint(api);
      const customer = await createCustomer(api);
      const coupon = await createCoupon(api, { max_redemptions: 1, reusable: false });
      expectStatus(await api.put(`/api/v1/coupons/${coupon.code}`, { coupon: { name: 'Renamed' } }), 200);
      const applied = await applyCoupon(api, customer.external_id, coupon.code);
      const invoice = invoiceBody(customer.external_id, [fee('a', 5000)]);
      await commitInvoice(api, invoice);
      expectStatus(await api.post(`/api/v1/invoice_discounts/${String(invoice.invoice.external_invoice_id)}/void`), 200);
      expectStatus(await terminateApplied(api, customer.external_id, applied.lago_id), 200);
      const other = await createCoupon(api);
      await createPromotionCode(api, other.code, { code: uniquePromotionCode() });
      expectStatus(await api.post('/api/v1/promotion_code_batches', { promotion_code_batch: { coupon_code: other.code, count: 3 } }), 200);
      expectStatus(await api.post(`/api/v1/coupons/${other.code}/terminate`), 200);
      expectStatus(await api.delete(`/api/v1/coupons/${coupon.code}`), 200);

      const expected = [
        'coupon.created', 'coupon.updated', 'applied_coupon.created', 'coupon.exhausted', 'invoice_discount.committed', 'invoice_discount.voided',
        'applied_coupon.terminated', 'promotion_code.created', 'promotion_code_batch.completed', 'coupon.terminated', 'coupon.deleted',
      ];
      await receiver.waitFor(() => expected.every((type) => received().some((hook) => JSON.parse(hook.body).type === type)), 20_000, expected.join(', '));
      for (const hook of received()) {
        const event = new Webhook(endpoint.secret).verify(hook.body, hook.headers) as Record<string, any>;
        expect(hook.headers['webhook-id']).toBe(event.id);
        expect(Math.abs(Number(hook.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
        expect(Object.keys(event)).toEqual(['id', 'type', 'created_at', 'actor', 'request_id', 'data']);
      }
      const events = received().map((hook) => JSON.parse(hook.body));
      expect(events.find((event) => event.type === 'coupon.updated').data.coupon).toMatchObject({ code: coupon.code, name: 'Renamed' });
      const log = await until(() => deliveries(api, endpoint.lago_id), (rows) => rows.every((row) => row.status !== 'pending'), 'recorded attempts');
      expect(log.map((row) => [row.status, row.response_status, row.attempt])).toEqual(log.map(() => ['succeeded', 200, 1]));
      expect(new Set(log.map((row) => row.event_type))).toEqual(new Set(expected));
    });

    it('sends only the subscribed event types', async () => {
      const api = await organization();
      const { received } = await createEndpoint(api, { event_types: ['coupon.deleted'] });
      const coupon = await createCoupon(api);
      expectStatus(await api.delete(`/api/v1/coupons/${coupon.code}`), 200);
      await receiver.waitFor(() => received().length > 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(received().map((hook) => JSON.parse(hook.body).type)).toEqual(['coupon.deleted']);
    });

    it('sends an endpoint the events recorded once it exists; an earlier one stays in the log and can be redelivered', async () => {
      const api = await organization();
      const before = await createCoupon(api);
      const { received } = await createEndpoint(api);
      const after = await createCoupon(api);
      await receiver.waitFor(() => received().length > 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(received().map((hook) => JSON.parse(hook.body).data.coupon.code)).toEqual([after.code]);

      const [earlier] = expectStatus(await api.get(`/api/v1/events?object_id=${before.lago_id}`), 200).body.events;
      expect(earlier).toMatchObject({ type: 'coupon.created', data: { coupon: { code: before.code } } });
      expectStatus(await api.post(`/api/v1/events/${earlier.id}/redeliver`), 200);
      await receiver.waitFor(() => received().length === 2);
      expect(received()[1].headers['webhook-id']).toBe(earlier.id);
    });

    it('retries while the receiver is down and delivers everything once it is up, logging every attempt', async () => {
      const flaky = new WebhookReceiver();
      await flaky.start();
      await flaky.stop();
      const api = await organization();
      const { endpoint } = await createEndpoint(api, {}, flaky);
      const coupons = await Promise.all([1, 2, 3, 4, 5].map(() => createCoupon(api)));
      await until(() => deliveries(api, endpoint.lago_id, '&status=failed'), (failed) => failed.length >= 5, 'failed attempts');
      await flaky.start();
      try {
        await flaky.waitFor(() => flaky.counts().size === coupons.length);
        const log = await until(() => deliveries(api, endpoint.lago_id), (rows) => rows.filter((row) => row.status === 'succeeded').length === 5, 'successes');
        expect(Object.keys(log[0])).toEqual(DELIVERY_KEYS);
        const failed = log.filter((row) => row.status === 'failed');
        expect(failed.length).toBeGreaterThanOrEqual(5);
        expect(failed[0]).toMatchObject({ response_status: null, response_body: null, error: expect.stringMatching(/ECONNREFUSED/) });
        // Made attempts have no next one of their own: a retry is its own row.
        expect(log.map((row) => row.next_attempt_at)).toEqual(log.map(() => null));
        expect(Math.max(...log.filter((row) => row.status === 'succeeded').map((row) => row.attempt))).toBeGreaterThan(1);
        expect(new Set(flaky.received.map((hook) => hook.headers['webhook-id']))).toEqual(new Set(log.map((row) => row.event_id)));
      } finally {
        await flaky.stop();
      }
    });

    it('redelivers an event on request, with the same webhook-id', async () => {
      const api = await organization();
      const { received } = await createEndpoint(api);
      await createCoupon(api);
      await receiver.waitFor(() => received().length === 1);
      const id = received()[0].headers['webhook-id'];
      const scheduled = expectStatus(await api.post(`/api/v1/events/${id}/redeliver`), 200).body.webhook_deliveries;
      expect(scheduled).toEqual([expect.objectContaining({ event_id: id, event_type: 'coupon.created', attempt: 1, status: 'pending' })]);
      // Due at once: the attempt's time is its creation.
      expect(scheduled[0].next_attempt_at).toBe(scheduled[0].created_at);
      await receiver.waitFor(() => received().length === 2);
      expect(received()[1].headers['webhook-id']).toBe(id);
      expect(received()[1].body).toBe(received()[0].body);
    });

    it('signs with both secrets for a day after a rotation', async () => {
      const api = await organization();
      const { endpoint, received } = await createEndpoint(api);
      const rotated = expectStatus(await api.post(`/api/v1/webhook_endpoints/${endpoint.lago_id}/rotate_secret`), 200).body.webhook_endpoint;
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(endpoint.secret);
      await createCoupon(api);
      await receiver.waitFor(() => received().length === 1);
      const [hook] = received();
      expect(hook.headers['webhook-signature'].split(' ')).toHaveLength(2);
      for (const secret of [endpoint.secret, rotated.secret]) expect(new Webhook(secret).verify(hook.body, hook.headers)).toBeTruthy();
    });

    it('logs the first kilobyte of a 10 MB answer and never follows a redirect to the metadata address', async () => {
      const hostile = new WebhookReceiver();
      await hostile.start();
      try {
        let answered = 0;
        hostile.answer = (_request, response) => {
          answered += 1;
          if (answered === 1) {
            response.writeHead(200);
            const chunk = 'y'.repeat(1024 * 1024);
            let sent = 0;
            const pump = () => {
              while (sent < 10) {
                sent += 1;
                if (!response.write(chunk)) return void response.once('drain', pump);
              }
              response.end();
            };
            response.on('error', () => undefined);
            pump();
          } else {
            response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
            response.end();
          }
        };
        const api = await organization();
        const { endpoint } = await createEndpoint(api, { event_types: ['coupon.created', 'coupon.deleted'] }, hostile);
        const coupon = await createCoupon(api);
        await hostile.waitFor(() => hostile.received.length === 1);
        expectStatus(await api.delete(`/api/v1/coupons/${coupon.code}`), 200);
        const log = await until(() => deliveries(api, endpoint.lago_id), (rows) => rows.some((row) => row.response_status === 302), 'the redirect');
        const big = log.find((row) => row.event_type === 'coupon.created');
        expect(big).toMatchObject({ status: 'succeeded', response_status: 200 });
        expect(big.response_body).toBe('y'.repeat(1024));
        expect(log.find((row) => row.response_status === 302)).toMatchObject({ status: 'failed', event_type: 'coupon.deleted', response_body: '' });
        expect(hostile.received.every((hook) => hook.path.startsWith('/hooks'))).toBe(true);
      } finally {
        await hostile.stop();
      }
    });

    it('disables an endpoint whose attempts failed for five days, with its own event', async () => {
      const dead = new WebhookReceiver();
      await dead.start();
      await dead.stop();
      const api = await organization();
      const { endpoint } = await createEndpoint(api, {}, dead);
      const { received: watcher } = await createEndpoint(api, { event_types: ['webhook_endpoint.disabled'] });
      await sql('UPDATE webhook_endpoints SET failing_since = ? WHERE lago_id = ?', [new Date(Date.now() - 6 * 86_400_000), endpoint.lago_id]);
      await createCoupon(api);
      const disabled = await until(
        async () => expectStatus(await api.get(`/api/v1/webhook_endpoints/${endpoint.lago_id}`), 200).body.webhook_endpoint,
        (shown) => shown.status === 'disabled',
        'the endpoint disabled',
      );
      expect(disabled.status).toBe('disabled');
      const events = expectStatus(await api.get('/api/v1/events?type=webhook_endpoint.disabled'), 200).body.events;
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actor: { type: 'system' }, data: { webhook_endpoint: { lago_id: endpoint.lago_id, status: 'disabled', secret: null } } });
      await receiver.waitFor(() => watcher().length === 1);
      expect(JSON.parse(watcher()[0].body).id).toBe(events[0].id);
    });
  });

  it('purges finished attempts older than the retention, in batches, and keeps pending ones', async () => {
    const api = await organization();
    const { endpoint, received } = await createEndpoint(api);
    await Promise.all([1, 2, 3].map(() => createCoupon(api)));
    await receiver.waitFor(() => received().length === 3);
    await until(() => deliveries(api, endpoint.lago_id, '&status=succeeded'), (rows) => rows.length === 3, 'recorded attempts');
    const old = new Date(Date.now() - 31 * 86_400_000);
    await sql(
      "UPDATE webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id SET d.created_at = ? WHERE e.lago_id = ?",
      [old, endpoint.lago_id],
    );
    await sql(
      "INSERT INTO webhook_deliveries (organization_id, endpoint_id, event_id, event_public_id, event_type, attempt, status, due_at, created_at) " +
        "SELECT organization_id, endpoint_id, event_id, event_public_id, event_type, 9, 'pending', ?, ? FROM webhook_deliveries d " +
        'WHERE d.endpoint_id = (SELECT id FROM webhook_endpoints WHERE lago_id = ?) LIMIT 1',
      [new Date(Date.now() + 86_400_000), old, endpoint.lago_id],
    );
    expect(await t.app.get(PurgeWebhookDeliveriesService).call()).toBeGreaterThanOrEqual(3);
    expect(await deliveries(api, endpoint.lago_id)).toEqual([expect.objectContaining({ status: 'pending', attempt: 9 })]);
  });

  it('answers exactly as the OpenAPI document describes', async () => {
    const document = expectStatus(await t.api.withKey(null).get('/api/docs-json'), 200).body as OpenApiDocument;
    const api = await organization();
    const problems: string[] = [];
    const check = (method: string, path: string, body: unknown) => problems.push(...conformanceErrors(document, responseSchema(document, method, path), body, `${method} ${path}`));
    const { endpoint, received } = await createEndpoint(api, { description: 'documented' });
    check('post', '/api/v1/webhook_endpoints', { webhook_endpoint: endpoint });
    check('get', '/api/v1/webhook_endpoints', expectStatus(await api.get('/api/v1/webhook_endpoints'), 200).body);
    check('get', '/api/v1/webhook_endpoints/{lago_id}', expectStatus(await api.get(`/api/v1/webhook_endpoints/${endpoint.lago_id}`), 200).body);
    await createCoupon(api);
    await receiver.waitFor(() => received().length === 1);
    const log = await until(() => api.get(`/api/v1/webhook_endpoints/${endpoint.lago_id}/deliveries`), (r) => r.body.webhook_deliveries[0]?.status === 'succeeded', 'the log');
    check('get', '/api/v1/webhook_endpoints/{lago_id}/deliveries', log.body);
    const redelivered = expectStatus(await api.post(`/api/v1/events/${received()[0].headers['webhook-id']}/redeliver`), 200).body;
    check('post', '/api/v1/events/{id}/redeliver', redelivered);
    check('post', '/api/v1/webhook_endpoints/{lago_id}/rotate_secret', expectStatus(await api.post(`/api/v1/webhook_endpoints/${endpoint.lago_id}/rotate_secret`), 200).body);
    const body = { webhook_endpoint: { event_types: ['coupon.created'] } };
    check('put', '/api/v1/webhook_endpoints/{lago_id}', expectStatus(await api.put(`/api/v1/webhook_endpoints/${endpoint.lago_id}`, body), 200).body);
    check('delete', '/api/v1/webhook_endpoints/{lago_id}', expectStatus(await api.delete(`/api/v1/webhook_endpoints/${endpoint.lago_id}`), 200).body);
    expect(problems).toEqual([]);
  });

  it('rejects an unknown delivery status filter', async () => {
    const api = await organization();
    const { endpoint } = await createEndpoint(api);
    expect(await api.get(`/api/v1/webhook_endpoints/${endpoint.lago_id}/deliveries?status=lost`)).toMatchObject({
      status: 422, body: validationBody({ status: ['value_is_invalid'] }),
    });
  });
});
