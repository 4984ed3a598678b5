import { ExpireCouponsService } from '../apps/api/src/coupons/expire-coupons.service';
import { PurgeEventsService } from '../apps/api/src/events/purge-events.service';
import { ApiKeysService } from '../apps/api/src/organizations/api-keys.service';
import type { ApiClient } from './support/api-client';
import { createCoupon, createCustomer, expectStatus, isoIn, uniqueCode, validationBody } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const EVENT_KEYS = ['id', 'type', 'created_at', 'actor', 'request_id', 'data'];

/**
 * Every change writes its event in the change's own transaction; GET /events is the activity log. Each write
 * path is checked for its event, carrying the object exactly as the API answered it.
 */
describe('events', () => {
  let t: TestApp;
  /** The public id of the suite's key, the actor of its requests. */
  let keyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    keyId = t.apiKey.split('_')[1];
  });
  afterAll(() => t?.close());

  /** The events about one object, oldest first. */
  async function eventsOf(objectId: string, api: ApiClient = t.api): Promise<any[]> {
    const { events } = expectStatus(await api.get(`/api/v1/events?object_id=${objectId}&per_page=1000`), 200).body;
    return events.reverse();
  }

  const typesOf = async (objectId: string) => (await eventsOf(objectId)).map((event) => event.type);

  async function applyCoupon(couponCode: string, externalCustomerId: string): Promise<any> {
    const body = { applied_coupon: { external_customer_id: externalCustomerId, coupon_code: couponCode } };
    return expectStatus(await t.api.post('/api/v1/applied_coupons', body), 200).body.applied_coupon;
  }

  describe('one event per write path, with the object as the API answered it', () => {
    it('coupon.created: id, envelope, the API key as actor and the X-Request-Id', async () => {
      const response = expectStatus(await t.api.post('/api/v1/coupons', { coupon: { name: 'Ten off', code: uniqueCode(), coupon_type: 'fixed_amount', amount_cents: 1000, amount_currency: 'EUR', frequency: 'once', expiration: 'no_expiration' } }, { 'x-request-id': 'req-create-1' }), 200);
      const { coupon } = response.body;
      const [event] = await eventsOf(coupon.lago_id);
      expect(Object.keys(event)).toEqual(EVENT_KEYS);
      expect(event).toEqual({
        id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
        type: 'coupon.created',
        created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        actor: { type: 'api_key', id: keyId, name: null },
        request_id: 'req-create-1',
        data: { coupon },
      });
      expect(Object.keys(event.data.coupon)).toEqual(Object.keys(coupon));
      expect(expectStatus(await t.api.get(`/api/v1/events/${event.id}`), 200).body).toEqual({ event });
    });

    it('a request without X-Request-Id gets the id the server gave it', async () => {
      const coupon = await createCoupon(t.api);
      const [event] = await eventsOf(coupon.lago_id);
      expect(event.request_id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('coupon.updated, coupon.terminated (once), coupon.deleted', async () => {
      const coupon = await createCoupon(t.api);
      const updated = expectStatus(await t.api.put(`/api/v1/coupons/${coupon.code}`, { coupon: { name: 'Renamed' } }), 200).body.coupon;
      const terminated = expectStatus(await t.api.post(`/api/v1/coupons/${coupon.code}/terminate`), 200).body.coupon;
      expectStatus(await t.api.post(`/api/v1/coupons/${coupon.code}/terminate`), 200);
      const deleted = expectStatus(await t.api.delete(`/api/v1/coupons/${coupon.code}`), 200).body.coupon;
      const events = await eventsOf(coupon.lago_id);
      expect(events.map((event) => event.type)).toEqual(['coupon.created', 'coupon.updated', 'coupon.terminated', 'coupon.deleted']);
      expect(events[1].data).toEqual({ coupon: updated });
      expect(events[2].data).toEqual({ coupon: terminated });
      expect(events[3].data).toEqual({ coupon: deleted });
    });

    it('a limited coupon carries its plan codes in its events', async () => {
      const plan = expectStatus(await t.api.post('/api/v1/plans', { plan: { name: 'P', code: uniqueCode('plan'), interval: 'monthly', amount_cents: 100, amount_currency: 'EUR' } }), 200).body.plan;
      const coupon = await createCoupon(t.api, { applies_to: { plan_codes: [plan.code] } });
      const updated = expectStatus(await t.api.put(`/api/v1/coupons/${coupon.code}`, { coupon: { description: 'still limited' } }), 200).body.coupon;
      const events = await eventsOf(coupon.lago_id);
      expect(events.map((event) => event.data.coupon.plan_codes)).toEqual([[plan.code], [plan.code]]);
      expect(events[1].data).toEqual({ coupon: updated });
    });

    it('applied_coupon.created, then coupon.exhausted when the apply takes the last redemption', async () => {
      const coupon = await createCoupon(t.api, { max_redemptions: 2 });
      const first = await applyCoupon(coupon.code, (await createCustomer(t.api)).external_id);
      expect(await typesOf(coupon.lago_id)).toEqual(['coupon.created']);
      await applyCoupon(coupon.code, (await createCustomer(t.api)).external_id);
      const [appliedEvent] = await eventsOf(first.lago_id);
      expect(appliedEvent).toMatchObject({ type: 'applied_coupon.created', data: { applied_coupon: first } });
      const events = await eventsOf(coupon.lago_id);
      expect(events.map((event) => event.type)).toEqual(['coupon.created', 'coupon.exhausted']);
      expect(events[1].data.coupon).toMatchObject({ lago_id: coupon.lago_id, redemptions_count: 2, max_redemptions: 2 });
    });

    it('applied_coupon.terminated, by DELETE and by the deletion of its coupon', async () => {
      const coupon = await createCoupon(t.api);
      const customer = await createCustomer(t.api);
      const byDelete = await applyCoupon(coupon.code, customer.external_id);
      const path = `/api/v1/customers/${customer.external_id}/applied_coupons/${byDelete.lago_id}`;
      const terminated = expectStatus(await t.api.delete(path), 200).body.applied_coupon;
      expectStatus(await t.api.delete(path), 200);
      expect((await eventsOf(byDelete.lago_id)).map((event) => [event.type, event.data])).toEqual([
        ['applied_coupon.created', { applied_coupon: byDelete }],
        ['applied_coupon.terminated', { applied_coupon: terminated }],
      ]);

      const byCouponDeletion = await applyCoupon(coupon.code, (await createCustomer(t.api)).external_id);
      expectStatus(await t.api.delete(`/api/v1/coupons/${coupon.code}`), 200);
      const [, event] = await eventsOf(byCouponDeletion.lago_id);
      expect(event.type).toBe('applied_coupon.terminated');
      expect(event.data.applied_coupon).toMatchObject({ lago_id: byCouponDeletion.lago_id, status: 'terminated', coupon_deleted_at: expect.any(String) });
      expect(event.data.applied_coupon.terminated_at).toEqual(event.data.applied_coupon.coupon_deleted_at);
    });

    it('invoice_discount.committed and invoice_discount.voided (once)', async () => {
      const coupon = await createCoupon(t.api);
      const customer = await createCustomer(t.api);
      await applyCoupon(coupon.code, customer.external_id);
      const externalInvoiceId = uniqueCode('inv');
      const invoice = { external_invoice_id: externalInvoiceId, external_customer_id: customer.external_id, currency: 'EUR', fees: [{ id: 'f', amount_cents: 5000 }] };
      const committed = expectStatus(await t.api.post('/api/v1/invoice_discounts', { invoice }), 200).body.invoice_discount;
      expectStatus(await t.api.post('/api/v1/invoice_discounts', { invoice }), 200);
      const voided = expectStatus(await t.api.post(`/api/v1/invoice_discounts/${externalInvoiceId}/void`), 200).body.invoice_discount;
      expectStatus(await t.api.post(`/api/v1/invoice_discounts/${externalInvoiceId}/void`), 200);
      expect((await eventsOf(committed.lago_id)).map((event) => [event.type, event.data])).toEqual([
        ['invoice_discount.committed', { invoice_discount: committed }],
        ['invoice_discount.voided', { invoice_discount: voided }],
      ]);
    });

    it('applied_coupon.terminated when an invoice uses up what was left of it, in the commit\'s transaction', async () => {
      const coupon = await createCoupon(t.api, { coupon_type: 'fixed_amount', amount_cents: 1000, amount_currency: 'EUR', frequency: 'once' });
      const customer = await createCustomer(t.api);
      const applied = await applyCoupon(coupon.code, customer.external_id);
      const invoice = (amount: number) => ({
        external_invoice_id: uniqueCode('inv'), external_customer_id: customer.external_id, currency: 'EUR', fees: [{ id: 'f', amount_cents: amount }],
      });
      // 600 of 1000: still active, nothing to tell beyond the commit.
      expectStatus(await t.api.post('/api/v1/invoice_discounts', { invoice: invoice(600) }), 200);
      expect(await typesOf(applied.lago_id)).toEqual(['applied_coupon.created']);
      // The last 400: the applied coupon ends, and says so with the object as the API now shows it.
      expectStatus(await t.api.post('/api/v1/invoice_discounts', { invoice: invoice(5000) }), 200);
      const listed = expectStatus(await t.api.get(`/api/v1/customers/${customer.external_id}/applied_coupons?status=terminated`), 200).body.applied_coupons;
      const events = await eventsOf(applied.lago_id);
      expect(events.map((event) => event.type)).toEqual(['applied_coupon.created', 'applied_coupon.terminated']);
      // The customer's list adds the credits; the event carries the applied coupon itself, as a DELETE's does.
      const { credits, ...shown } = listed.find((row: { lago_id: string }) => row.lago_id === applied.lago_id);
      expect(credits.map((credit: { amount_cents: number }) => credit.amount_cents)).toEqual([600, 400]);
      expect(events[1].data).toEqual({ applied_coupon: shown });
      expect(events[1].data.applied_coupon).toMatchObject({ status: 'terminated', amount_cents_remaining: 0 });
    });

    it('promotion_code.created and promotion_code.updated', async () => {
      const coupon = await createCoupon(t.api);
      const created = expectStatus(await t.api.post('/api/v1/promotion_codes', { promotion_code: { coupon_code: coupon.code } }), 200).body.promotion_code;
      const updated = expectStatus(await t.api.put(`/api/v1/promotion_codes/${created.code}`, { promotion_code: { active: false } }), 200).body.promotion_code;
      expect((await eventsOf(created.lago_id)).map((event) => [event.type, event.data])).toEqual([
        ['promotion_code.created', { promotion_code: created }],
        ['promotion_code.updated', { promotion_code: updated }],
      ]);
    });

    it('promotion_code_batch.completed: one event for the whole batch, by the system', async () => {
      const coupon = await createCoupon(t.api);
      const batch = expectStatus(await t.api.post('/api/v1/promotion_code_batches', { promotion_code_batch: { coupon_code: coupon.code, count: 30 } }), 200).body.promotion_code_batch;
      let events: any[] = [];
      for (let attempt = 0; attempt < 100 && events.length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        events = await eventsOf(batch.lago_id);
      }
      const completed = expectStatus(await t.api.get(`/api/v1/promotion_code_batches/${batch.lago_id}`), 200).body.promotion_code_batch;
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'promotion_code_batch.completed',
        actor: { type: 'system', id: null, name: 'promotion-code-batches' },
        request_id: null,
        data: { promotion_code_batch: completed },
      });
      expect(completed).toMatchObject({ status: 'completed', generated_count: 30 });
    });

    it('coupon.terminated by the expiry sweep (the system) and by the CLI command', async () => {
      const bySweep = await createCoupon(t.api, { expiration: 'time_limit', expiration_at: isoIn(1) });
      const expire = t.app.get(ExpireCouponsService);
      expect(await expire.call(new Date(Date.now() + 2 * 86_400_000))).toBeGreaterThanOrEqual(1);
      const sweepEvents = await eventsOf(bySweep.lago_id);
      expect(sweepEvents.map((event) => event.type)).toEqual(['coupon.created', 'coupon.terminated']);
      expect(sweepEvents[1]).toMatchObject({ actor: { type: 'system', id: null, name: 'expiry-sweep' }, request_id: null });
      expect(sweepEvents[1].data.coupon).toEqual(expectStatus(await t.api.get(`/api/v1/coupons/${bySweep.code}`), 200).body.coupon);

      const byCli = await createCoupon(t.api, { expiration: 'time_limit', expiration_at: isoIn(1) });
      await expire.call(new Date(Date.now() + 2 * 86_400_000), { type: 'cli', id: null, name: 'coupons:terminate-expired' });
      const [, cliEvent] = await eventsOf(byCli.lago_id);
      expect(cliEvent).toMatchObject({ type: 'coupon.terminated', actor: { type: 'cli', id: null, name: 'coupons:terminate-expired' } });
    });

    it('holds the largest coupon (over the 64 KB of TEXT): a 10 000-character description and full metadata, in 4-byte characters', async () => {
      // As much metadata as the coupon's own TEXT column holds.
      const metadata = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`key-${index}`, '😀'.repeat(300)]));
      const coupon = await createCoupon(t.api, { description: '😀'.repeat(10_000), metadata });
      const [event] = await eventsOf(coupon.lago_id);
      expect(event.data).toEqual({ coupon });
      expect(Buffer.byteLength(JSON.stringify(event))).toBeGreaterThan(100_000);
    });
  });

  describe('a rolled-back change leaves no event', () => {
    it('a create refused by the unique index after its insert', async () => {
      const code = uniqueCode();
      const attempts = await Promise.all(Array.from({ length: 6 }, () => t.api.post('/api/v1/coupons', { coupon: { name: 'Race', code, coupon_type: 'fixed_amount', amount_cents: 100, amount_currency: 'EUR', frequency: 'once', expiration: 'no_expiration' } })));
      expect(attempts.filter((response) => response.status === 200)).toHaveLength(1);
      expect(attempts.filter((response) => response.status === 422).every((response) => response.body.error_details.code[0] === 'value_already_exist')).toBe(true);
      const { events } = expectStatus(await t.api.get('/api/v1/events?type=coupon.created&per_page=1000'), 200).body;
      expect(events.filter((event: any) => event.data.coupon.code === code)).toHaveLength(1);
    });

    it('an apply refused after its redemption was taken: neither the applied coupon nor coupon.exhausted', async () => {
      const coupon = await createCoupon(t.api, { max_redemptions: 5 });
      const promotionCode = expectStatus(await t.api.post('/api/v1/promotion_codes', { promotion_code: { coupon_code: coupon.code, max_redemptions: 1 } }), 200).body.promotion_code;
      const customers = await Promise.all([createCustomer(t.api), createCustomer(t.api), createCustomer(t.api)]);
      const applies = await Promise.all(customers.map((customer) =>
        t.api.post('/api/v1/applied_coupons', { applied_coupon: { external_customer_id: customer.external_id, promotion_code: promotionCode.code } })));
      const applied = applies.filter((response) => response.status === 200);
      expect(applied).toHaveLength(1);
      const { events } = expectStatus(await t.api.get('/api/v1/events?type=applied_coupon.created&per_page=1000'), 200).body;
      expect(events.filter((event: any) => event.data.applied_coupon.lago_coupon_id === coupon.lago_id)).toHaveLength(1);
      expect(await typesOf(coupon.lago_id)).toEqual(['coupon.created']);
    });
  });

  describe('GET /api/v1/events (the activity log)', () => {
    let api: ApiClient;
    let first: any;
    let second: any;

    beforeAll(async () => {
      api = t.api.withKey(await t.newApiKey());
      first = expectStatus(await api.post('/api/v1/coupons', { coupon: { name: 'A', code: uniqueCode(), coupon_type: 'fixed_amount', amount_cents: 100, amount_currency: 'EUR', frequency: 'once', expiration: 'no_expiration' } }, { 'x-request-id': 'log-1' }), 200).body.coupon;
      await new Promise((resolve) => setTimeout(resolve, 20));
      second = expectStatus(await api.post('/api/v1/coupons', { coupon: { name: 'B', code: uniqueCode(), coupon_type: 'fixed_amount', amount_cents: 100, amount_currency: 'EUR', frequency: 'once', expiration: 'no_expiration' } }, { 'x-request-id': 'log-2' }), 200).body.coupon;
      expectStatus(await api.post(`/api/v1/coupons/${first.code}/terminate`, undefined, { 'x-request-id': 'log-3' }), 200);
    });

    // A coupon's events by its code; the organization's first event is its API key's creation.
    const ids = async (query: string) =>
      (expectStatus(await api.get(`/api/v1/events${query}`), 200).body.events as any[]).map((event) => `${event.type} ${event.data.coupon?.code ?? event.data.api_key.lago_id}`);
    const keyCreated = () => `api_key.created ${String(api.apiKey).split('_')[1]}`;

    it("lists the organization's events only, newest first, with Lago's meta", async () => {
      const body = expectStatus(await api.get('/api/v1/events?per_page=2'), 200).body;
      expect(body.events.map((event: any) => event.type)).toEqual(['coupon.terminated', 'coupon.created']);
      expect(body.meta).toEqual({ current_page: 1, next_page: 2, prev_page: null, total_pages: 2, total_count: 4 });
      expect(await ids('?page=2&per_page=2')).toEqual([`coupon.created ${first.code}`, keyCreated()]);
    });

    it('filters by type, object, actor, request and time', async () => {
      expect(await ids('?type=coupon.created')).toEqual([`coupon.created ${second.code}`, `coupon.created ${first.code}`]);
      expect(await ids(`?object_id=${first.lago_id}`)).toEqual([`coupon.terminated ${first.code}`, `coupon.created ${first.code}`]);
      expect(await ids('?request_id=log-2')).toEqual([`coupon.created ${second.code}`]);
      expect(await ids('?actor_type=api_key')).toHaveLength(3);
      expect(await ids('?actor_type=system')).toEqual([]);
      expect(await ids('?actor_type=cli')).toEqual([keyCreated()]);
      const [, event] = expectStatus(await api.get('/api/v1/events?type=coupon.created'), 200).body.events;
      expect(await ids(`?actor_id=${event.actor.id}&type=coupon.terminated`)).toEqual([`coupon.terminated ${first.code}`]);
      expect(await ids('?actor_id=someone-else')).toEqual([]);
      const firstAt = new Date(event.created_at).getTime();
      expect(await ids(`?created_before=${new Date(firstAt + 1).toISOString()}&type=coupon.created`)).toEqual([`coupon.created ${first.code}`]);
      expect(await ids(`?created_after=${new Date(firstAt).toISOString()}&type=coupon.created`)).toEqual([`coupon.created ${second.code}`]);
    });

    it('answers a bad filter with a 422 on its field', async () => {
      const bad = async (query: string) => (await api.get(`/api/v1/events${query}`)).body;
      expect(await bad('?type=coupon.exploded')).toEqual(validationBody({ type: ['value_is_invalid'] }));
      expect(await bad('?actor_type=robot')).toEqual(validationBody({ actor_type: ['value_is_invalid'] }));
      expect(await bad('?created_after=yesterday&created_before=2026-01-01T00:00:00')).toEqual(
        validationBody({ created_after: ['invalid_date'], created_before: ['invalid_date'] }),
      );
      expect(await bad('?request_id=a&request_id=b')).toEqual(validationBody({ request_id: ['value_is_invalid'] }));
    });

    it("GET /events/:id: 404 event_not_found for an unknown id and for another organization's event", async () => {
      const [mine] = expectStatus(await api.get('/api/v1/events?per_page=1'), 200).body.events;
      expect(expectStatus(await api.get(`/api/v1/events/${mine.id}`), 200).body.event).toEqual(mine);
      const notFound = { status: 404, error: 'Not Found', code: 'event_not_found' };
      expect((await api.get('/api/v1/events/evt_nope')).body).toEqual(notFound);
      expect((await t.api.get(`/api/v1/events/${mine.id}`)).body).toEqual(notFound);
      expect(await eventsOf(first.lago_id)).toEqual([]);
    });
  });

  it('the CLI acts as itself: the seed records coupon.created for each coupon it inserts', async () => {
    const { SeedService } = await import('../apps/cli/src/commands/seed.service');
    const { TransactionRunner } = await import('../apps/api/src/database/transactions');
    const { EventsRecorder } = await import('../apps/api/src/events/events.recorder');
    const { CouponsRepository } = await import('../apps/api/src/coupons/coupons.repository');
    const { CreateBillableMetricService } = await import('../apps/api/src/catalog/create-billable-metric.service');
    const { CreatePlanService } = await import('../apps/api/src/catalog/create-plan.service');
    const { UpsertCustomerService } = await import('../apps/api/src/catalog/upsert-customer.service');
    const { organization, apiKey } = await t.app.get(ApiKeysService).create('Seeded organization');
    const seed = new SeedService(
      t.app.get(CouponsRepository), t.app.get(ApiKeysService), t.app.get(CreateBillableMetricService), t.app.get(CreatePlanService),
      t.app.get(UpsertCustomerService), t.app.get(TransactionRunner), t.app.get(EventsRecorder),
    );
    await seed.seedCoupons(organization, 1200, () => undefined);
    const api = t.api.withKey(apiKey);
    const { events, meta } = expectStatus(await api.get('/api/v1/events?actor_type=cli&type=coupon.created&per_page=1'), 200).body;
    expect(meta.total_count).toBe(1200);
    expect(events[0]).toMatchObject({ type: 'coupon.created', actor: { type: 'cli', id: null, name: 'seed' }, request_id: null });
    expect(events[0].data.coupon).toEqual(expectStatus(await api.get(`/api/v1/coupons/${events[0].data.coupon.code}`), 200).body.coupon);
  });

  it('keeps events EVENTS_RETENTION_DAYS (30) days, then the sweep purges them in batches', async () => {
    const purge = t.app.get(PurgeEventsService);
    const total = async () => expectStatus(await t.api.get('/api/v1/events?per_page=1'), 200).body.meta.total_count;
    const before = await total();
    expect(before).toBeGreaterThan(0);
    expect(await purge.call(new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await total()).toBe(before);
    expect(await purge.call(new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThan(1200);
    expect(await total()).toBe(0);
  });
});
