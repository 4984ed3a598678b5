import Stripe from 'stripe';
import { startTestApp, TestApp } from './support/test-app';
import { createCoupon, createPlan, expectStatus, uniqueCode } from './support/factories';

/** The official `stripe` package from npm, unmodified, pointed at us: the proof of the Stripe dialect. */
describe('Stripe dialect: coupons through stripe-node', () => {
  let t: TestApp;
  let stripe: Stripe;

  const inDays = (days: number) => Math.floor(Date.now() / 1000) + days * 86_400;

  beforeAll(async () => {
    t = await startTestApp();
    const { port } = new URL(t.baseUrl);
    stripe = new Stripe(t.apiKey, { host: '127.0.0.1', port: Number(port), protocol: 'http' });
  });
  afterAll(() => t.close());

  /** The error stripe-node raises for a call. */
  async function failure(promise: Promise<unknown>): Promise<any> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected the call to fail');
  }

  it('creates a coupon with every create parameter, and retrieves it with its expansions', async () => {
    const plan = await createPlan(t.api);
    const id = uniqueCode('STRIPE');
    const redeemBy = inDays(30);
    const created = await stripe.coupons.create({
      id,
      name: 'Summer 25%',
      percent_off: 25.5,
      duration: 'repeating',
      duration_in_months: 3,
      max_redemptions: 100,
      redeem_by: redeemBy,
      applies_to: { products: [plan.code] },
      metadata: { campaign: 'summer', channel: 'email' },
    });
    expect({ ...created }).toEqual({
      id,
      object: 'coupon',
      amount_off: null,
      created: expect.any(Number),
      currency: null,
      duration: 'repeating',
      duration_in_months: 3,
      livemode: false,
      max_redemptions: 100,
      metadata: { campaign: 'summer', channel: 'email' },
      name: 'Summer 25%',
      percent_off: 25.5,
      redeem_by: redeemBy,
      times_redeemed: 0,
      valid: true,
    });
    expect(Math.abs(created.created - Date.now() / 1000)).toBeLessThan(60);

    const found = await stripe.coupons.retrieve(id, { expand: ['applies_to', 'currency_options'] });
    expect(found.applies_to).toEqual({ products: [plan.code] });
    expect(found.currency_options).toEqual({});
    expect(found.percent_off).toBe(25.5);
  });

  it('creates an amount coupon in several currencies; a name defaults to the id and an id is generated', async () => {
    const created = await stripe.coupons.create(
      { amount_off: 500, currency: 'usd', currency_options: { eur: { amount_off: 450 }, jpy: { amount_off: 700 } }, duration: 'forever' },
    );
    expect(created.id).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(created).toMatchObject({ amount_off: 500, currency: 'usd', duration: 'forever', duration_in_months: null, name: null, percent_off: null, redeem_by: null });
    expect(created.currency_options).toBeUndefined();
    const expanded = await stripe.coupons.retrieve(created.id, { expand: ['currency_options'] });
    expect(expanded.currency_options).toEqual({ usd: { amount_off: 500 }, eur: { amount_off: 450 }, jpy: { amount_off: 700 } });
    // `duration` defaults to once, as Stripe's does.
    expect((await stripe.coupons.create({ percent_off: 10 })).duration).toBe('once');
  });

  it('updates name, metadata (an empty value unsets a key) and currency options', async () => {
    const coupon = await stripe.coupons.create({ amount_off: 1000, currency: 'eur', name: 'Before', metadata: { keep: '1', drop: '2' } });
    const updated = await stripe.coupons.update(coupon.id, {
      name: 'After',
      metadata: { drop: '', added: '3' },
      currency_options: { usd: { amount_off: 1100 } },
      expand: ['currency_options'],
    });
    expect(updated).toMatchObject({ id: coupon.id, name: 'After', metadata: { keep: '1', added: '3' }, amount_off: 1000 });
    expect(updated.currency_options).toEqual({ eur: { amount_off: 1000 }, usd: { amount_off: 1100 } });
    // An empty name falls back to the id, which Stripe shows as no name.
    expect((await stripe.coupons.update(coupon.id, { name: '' })).name).toBeNull();
    expect((await stripe.coupons.update(coupon.id, { metadata: '' })).metadata).toEqual({});
  });

  it("deletes a coupon: Stripe's deleted object, then a 404", async () => {
    const coupon = await stripe.coupons.create({ percent_off: 5 });
    const deleted = await stripe.coupons.del(coupon.id);
    expect({ ...deleted }).toEqual({ id: coupon.id, object: 'coupon', deleted: true });
    const error = await failure(stripe.coupons.retrieve(coupon.id));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id', type: 'StripeInvalidRequestError' });
  });

  it('pages through 250 coupons newest first with autoPagingEach, and backwards with ending_before', async () => {
    const other = await t.newApiKey();
    const { port } = new URL(t.baseUrl);
    const client = new Stripe(other, { host: '127.0.0.1', port: Number(port), protocol: 'http' });
    const ids: string[] = [];
    for (let i = 0; i < 250; i++) ids.push((await client.coupons.create({ id: `PAGE-${String(i).padStart(3, '0')}`, percent_off: 1 + (i % 50) })).id);

    const seen: string[] = [];
    await client.coupons.list({ limit: 100 }).autoPagingEach((coupon) => {
      seen.push(coupon.id);
    });
    expect(seen).toHaveLength(250);
    expect(seen).toEqual([...ids].reverse());

    const first = await client.coupons.list({ limit: 3 });
    expect(first).toMatchObject({ object: 'list', has_more: true, url: '/v1/coupons' });
    expect(first.data.map((c) => c.id)).toEqual(['PAGE-249', 'PAGE-248', 'PAGE-247']);
    const back = await client.coupons.list({ limit: 2, ending_before: 'PAGE-245' });
    expect(back.data.map((c) => c.id)).toEqual(['PAGE-247', 'PAGE-246']);
    expect(back.has_more).toBe(true);
    const last = await client.coupons.list({ limit: 100, starting_after: 'PAGE-050' });
    expect(last.data.map((c) => c.id)).toEqual(ids.slice(0, 50).reverse());
    expect(last.has_more).toBe(false);
    const expanded = await client.coupons.list({ limit: 1, expand: ['data.applies_to'] });
    expect(expanded.data[0].applies_to).toEqual({ products: [] });
  });

  it('replays an idempotent retry and refuses the same key with other parameters', async () => {
    const idempotencyKey = uniqueCode('idem');
    const first = await stripe.coupons.create({ percent_off: 15, name: 'Once only' }, { idempotencyKey });
    const again = await stripe.coupons.create({ percent_off: 15, name: 'Once only' }, { idempotencyKey });
    expect(again.id).toBe(first.id);
    const error = await failure(stripe.coupons.create({ percent_off: 20, name: 'Once only' }, { idempotencyKey }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
  });

  it.each([
    ['a percentage above 100', { percent_off: 150 }, 'percent_off', 'value_is_out_of_range'],
    ['neither percent_off nor amount_off', { name: 'Nothing off' }, 'percent_off', 'parameter_missing'],
    ['both percent_off and amount_off', { percent_off: 5, amount_off: 5, currency: 'eur' }, 'amount_off', 'parameters_exclusive'],
    ['an amount without its currency', { amount_off: 500 }, 'currency', 'parameter_missing'],
    ['an unknown currency', { amount_off: 500, currency: 'zzz' }, 'currency', 'value_is_invalid'],
    ['repeating without months', { percent_off: 5, duration: 'repeating' }, 'duration_in_months', 'parameter_missing'],
    ['an unknown duration', { percent_off: 5, duration: 'weekly' }, 'duration', 'value_is_invalid'],
    ['a redeem_by in the past', { percent_off: 5, redeem_by: 1_000_000_000 }, 'redeem_by', 'invalid_date'],
    ['a name over 40 characters', { percent_off: 5, name: 'x'.repeat(41) }, 'name', 'value_is_out_of_range'],
    ['a non-integer max_redemptions', { percent_off: 5, max_redemptions: 'many' }, 'max_redemptions', 'parameter_invalid_integer'],
    ['max_redemptions of 0', { percent_off: 5, max_redemptions: 0 }, 'max_redemptions', 'value_is_out_of_range'],
    ['an unknown product', { percent_off: 5, applies_to: { products: ['nope'] } }, 'applies_to[products]', 'resource_missing'],
    ['an unknown parameter', { percent_off: 5, colour: 'blue' }, 'colour', 'parameter_unknown'],
    ['too much metadata', { percent_off: 5, metadata: { ['k'.repeat(41)]: 'v' } }, 'metadata', 'value_is_invalid'],
  ])('refuses %s with StripeInvalidRequestError', async (_case, params, param, code) => {
    const error = await failure(stripe.coupons.create(params as Stripe.CouponCreateParams));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect({ statusCode: error.statusCode, param: error.param, code: error.code }).toEqual({ statusCode: 400, param, code });
    expect(typeof error.message).toBe('string');
  });

  it('refuses a taken id, an unknown key, and an unknown coupon in its own error classes', async () => {
    const coupon = await stripe.coupons.create({ percent_off: 5 });
    const taken = await failure(stripe.coupons.create({ id: coupon.id, percent_off: 5 }));
    expect(taken).toMatchObject({ statusCode: 400, code: 'resource_already_exists', param: 'id' });
    const { port } = new URL(t.baseUrl);
    const stranger = new Stripe('sk_test_not_ours', { host: '127.0.0.1', port: Number(port), protocol: 'http' });
    const unauthorized = await failure(stranger.coupons.list());
    expect(unauthorized).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(unauthorized.statusCode).toBe(401);
    const missing = await failure(stripe.coupons.update('NO-SUCH-COUPON', { name: 'x' }));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    const badCursor = await failure(stripe.coupons.list({ starting_after: 'NO-SUCH-COUPON' }));
    expect(badCursor).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'starting_after' });
    const badLimit = await failure(stripe.coupons.list({ limit: 101 }));
    expect(badLimit).toMatchObject({ statusCode: 400, param: 'limit' });
  });

  it('shares its coupons with the Lago dialect, both ways', async () => {
    const id = uniqueCode('SHARED');
    await stripe.coupons.create({ id, amount_off: 750, currency: 'eur', duration: 'repeating', duration_in_months: 6, metadata: { from: 'stripe' } });
    const lago = expectStatus(await t.api.get(`/api/v1/coupons/${id}`), 200).body.coupon;
    expect(lago).toMatchObject({
      code: id, name: id, coupon_type: 'fixed_amount', amount_cents: 750, amount_currency: 'EUR', frequency: 'recurring', frequency_duration: 6,
      expiration: 'no_expiration', metadata: { from: 'stripe' }, status: 'active',
    });

    const fromLago = await createCoupon(t.api, { name: 'Made in Lago', amount_cents: 1234, frequency: 'forever', expiration: 'time_limit', expiration_at: '2099-01-01T00:00:00Z' });
    const seen = await stripe.coupons.retrieve(fromLago.code);
    expect(seen).toMatchObject({
      id: fromLago.code, name: 'Made in Lago', amount_off: 1234, currency: 'eur', duration: 'forever', redeem_by: Date.UTC(2099, 0, 1) / 1000, valid: true,
    });
    expect((await stripe.coupons.list({ limit: 1 })).data[0].id).toBe(fromLago.code);
  });

  it("answers unknown routes and oversized form bodies in Stripe's shape", async () => {
    const unknown = await fetch(`${t.baseUrl}/v1/charges`, { headers: { authorization: `Bearer ${t.apiKey}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { type: 'invalid_request_error', message: expect.any(String) } });
    const form = await fetch(`${t.baseUrl}/v1/coupons`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: Array.from({ length: 150 }, (_, i) => `expand[${i}]=applies_to`).join('&'),
    });
    expect(form.status).toBe(400);
    expect((await form.json()).error.type).toBe('invalid_request_error');
  });
});
