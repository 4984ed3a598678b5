import Stripe from 'stripe';
import { startTestApp, TestApp } from './support/test-app';
import { createCoupon, createCustomer, expectStatus, uniqueCode } from './support/factories';

/** Stripe's promotion codes through stripe-node, unmodified, over our promotion codes. */
describe('Stripe dialect: promotion codes through stripe-node', () => {
  let t: TestApp;
  let stripe: Stripe;
  let port: number;

  const inDays = (days: number) => Math.floor(Date.now() / 1000) + days * 86_400;

  beforeAll(async () => {
    t = await startTestApp();
    port = Number(new URL(t.baseUrl).port);
    stripe = new Stripe(t.apiKey, { host: '127.0.0.1', port, protocol: 'http' });
  });
  afterAll(() => t.close());

  async function failure(promise: Promise<unknown>): Promise<any> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected the call to fail');
  }

  it('creates a code with restrictions, in the shape of the client’s API version', async () => {
    const coupon = await stripe.coupons.create({ percent_off: 20, max_redemptions: 50, redeem_by: inDays(60) });
    const customer = await createCustomer(t.api);
    const expiresAt = inDays(10);
    const code = uniqueCode('SPRING').replace(/[^A-Za-z0-9-]/g, '');
    const created = await stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code,
      customer: customer.external_id,
      expires_at: expiresAt,
      max_redemptions: 5,
      metadata: { source: 'newsletter' },
      restrictions: { first_time_transaction: true, minimum_amount: 2000, minimum_amount_currency: 'eur' },
    });
    expect({ ...created }).toEqual({
      id: code,
      object: 'promotion_code',
      active: true,
      code,
      created: expect.any(Number),
      customer: customer.external_id,
      customer_account: null,
      expires_at: expiresAt,
      livemode: false,
      max_redemptions: 5,
      metadata: { source: 'newsletter' },
      promotion: { coupon: coupon.id, type: 'coupon' },
      restrictions: { first_time_transaction: true, minimum_amount: 2000, minimum_amount_currency: 'eur' },
      times_redeemed: 0,
    });

    // Retrieved by its id (the code, whatever its case), with the coupon expanded.
    const expanded = await stripe.promotionCodes.retrieve(code.toLowerCase(), { expand: ['promotion.coupon'] });
    expect(expanded.promotion.coupon).toMatchObject({ id: coupon.id, object: 'coupon', percent_off: 20 });

    // A client pinned to a version before 2025-09-30 reads a `coupon` object instead.
    const legacy = new Stripe(t.apiKey, { host: '127.0.0.1', port, protocol: 'http', apiVersion: '2024-06-20' as Stripe.LatestApiVersion });
    const old = (await legacy.promotionCodes.retrieve(code)) as any;
    expect(old.promotion).toBeUndefined();
    expect(old.coupon).toMatchObject({ id: coupon.id, object: 'coupon', percent_off: 20 });
    const oldCreated = (await legacy.promotionCodes.create({ coupon: coupon.id } as any)) as any;
    expect(oldCreated.coupon.id).toBe(coupon.id);
    expect(oldCreated.code).toMatch(/^[A-Z0-9]{8}$/);

    // The same code through the Lago dialect.
    const lago = expectStatus(await t.api.get(`/api/v1/promotion_codes/${code}`), 200).body.promotion_code;
    expect(lago).toMatchObject({
      code, coupon_code: coupon.id, max_redemptions: 5,
      restrictions: { customer_external_id: customer.external_id, first_time_transaction: true, minimum_amount_cents: 2000, minimum_amount_currency: 'EUR' },
    });
  });

  it('updates active and metadata, lists with filters and cursors', async () => {
    const other = await t.newApiKey();
    const client = new Stripe(other, { host: '127.0.0.1', port, protocol: 'http' });
    const first = await client.coupons.create({ percent_off: 10 });
    const second = await client.coupons.create({ amount_off: 300, currency: 'eur' });
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const created = await client.promotionCodes.create({ promotion: { type: 'coupon', coupon: i % 2 ? second.id : first.id }, code: `LIST-${i}`, metadata: { n: String(i) } });
      codes.push(created.id);
    }
    const updated = await client.promotionCodes.update('LIST-3', { active: false, metadata: { n: '', note: 'paused' } });
    expect(updated).toMatchObject({ id: 'LIST-3', active: false, metadata: { note: 'paused' } });

    const all: string[] = [];
    await client.promotionCodes.list({ limit: 5 }).autoPagingEach((code) => {
      all.push(code.id);
    });
    expect(all).toEqual([...codes].reverse());
    const ofSecond = await client.promotionCodes.list({ coupon: second.id, limit: 100 });
    expect(ofSecond.data.map((c) => c.id)).toEqual(codes.filter((_, i) => i % 2).reverse());
    expect((await client.promotionCodes.list({ active: false })).data.map((c) => c.id)).toEqual(['LIST-3']);
    expect((await client.promotionCodes.list({ code: 'list-7' })).data.map((c) => c.id)).toEqual(['LIST-7']);
    const page = await client.promotionCodes.list({ limit: 2, ending_before: 'LIST-5', expand: ['data.promotion.coupon'] });
    expect(page.data.map((c) => c.id)).toEqual(['LIST-7', 'LIST-6']);
    expect((page.data[0].promotion.coupon as Stripe.Coupon).id).toBe(second.id);
  });

  it('lists the codes restricted to a customer', async () => {
    const coupon = await stripe.coupons.create({ percent_off: 5 });
    const customer = await createCustomer(t.api);
    const mine = await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, customer: customer.external_id });
    await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id } });
    expect((await stripe.promotionCodes.list({ customer: customer.external_id })).data.map((c) => c.id)).toEqual([mine.id]);
  });

  it('refuses bad input in Stripe’s error classes', async () => {
    const coupon = await createCoupon(t.api, { max_redemptions: 10 });
    const cases: [Record<string, unknown>, string, string, number][] = [
      [{ promotion: { type: 'coupon', coupon: 'NO-SUCH' } }, 'promotion[coupon]', 'resource_missing', 400],
      [{ code: 'X' }, 'promotion', 'parameter_missing', 400],
      [{ promotion: { type: 'coupon', coupon: coupon.code }, max_redemptions: 11 }, 'max_redemptions', 'value_is_out_of_range', 400],
      [{ promotion: { type: 'coupon', coupon: coupon.code }, code: 'no spaces' }, 'code', 'value_is_invalid', 400],
      [{ promotion: { type: 'coupon', coupon: coupon.code }, customer: 'nobody' }, 'customer', 'resource_missing', 400],
      [{ promotion: { type: 'coupon', coupon: coupon.code }, restrictions: { minimum_amount: 100 } }, 'restrictions[minimum_amount_currency]', 'parameter_missing', 400],
      [{ promotion: { type: 'coupon', coupon: coupon.code }, restrictions: { currency_options: { usd: { minimum_amount: 1 } } } }, 'restrictions[currency_options]', 'parameter_unknown', 400],
      [{ promotion: { type: 'coupon', coupon: coupon.code }, expires_at: 1_000_000_000 }, 'expires_at', 'invalid_date', 400],
    ];
    for (const [params, param, code, statusCode] of cases) {
      const error = await failure(stripe.promotionCodes.create(params as unknown as Stripe.PromotionCodeCreateParams));
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect({ param: error.param, code: error.code, statusCode: error.statusCode }).toEqual({ param, code, statusCode });
    }
    const taken = await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.code } });
    const duplicate = await failure(stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.code }, code: taken.code.toLowerCase() }));
    expect(duplicate).toMatchObject({ statusCode: 400, code: 'resource_already_exists', param: 'code' });
    const missing = await failure(stripe.promotionCodes.retrieve('NOPE-NOPE'));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
  });
});
