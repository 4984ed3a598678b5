import { Client, getLagoError } from 'lago-javascript-client';
import { startTestApp, TestApp } from './support/test-app';
import { COUPON_KEYS, createPlan, notFoundBody, validationBody } from './support/factories';

/** The official Lago client, unmodified, pointed at us: the proof of wire compatibility. */
describe('lago-javascript-client against the API', () => {
  let t: TestApp;
  let lago: ReturnType<typeof Client>;
  let planCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    lago = Client(t.apiKey, { baseUrl: `${t.baseUrl}/api/v1` });
    planCode = (await createPlan(t.api)).code;
  });
  afterAll(() => t.close());

  /** The client rejects with the Response, its parsed error body attached. */
  async function failure(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
    try {
      await promise;
    } catch (error) {
      return { status: (error as Response).status, body: await getLagoError(error) };
    }
    throw new Error('expected the client call to fail');
  }

  it('creates, finds, lists, updates and destroys a coupon', async () => {
    const created = await lago.coupons.createCoupon({
      coupon: {
        name: 'Startup deal', code: 'startup_deal', description: 'For startups', coupon_type: 'percentage', percentage_rate: '15.5',
        frequency: 'recurring', frequency_duration: 6, reusable: false, expiration: 'time_limit',
        expiration_at: '2099-01-31T23:59:59Z', applies_to: { plan_codes: [planCode] },
      },
    } as never);
    expect(created.status).toBe(200);
    const coupon = created.data.coupon;
    expect(Object.keys(coupon)).toEqual(COUPON_KEYS);
    expect(coupon).toMatchObject({
      name: 'Startup deal', code: 'startup_deal', description: 'For startups', coupon_type: 'percentage', amount_cents: null,
      amount_currency: null, percentage_rate: '15.5', frequency: 'recurring', frequency_duration: 6, reusable: false,
      limited_plans: true, plan_codes: [planCode], limited_billable_metrics: false, billable_metric_codes: [],
      expiration: 'time_limit', expiration_at: '2099-01-31T23:59:59Z', terminated_at: null,
    });

    const found = await lago.coupons.findCoupon('startup_deal');
    expect(found.data).toEqual({ coupon });

    await lago.coupons.createCoupon({
      coupon: { name: 'Five off', code: 'five_off', coupon_type: 'fixed_amount', amount_cents: 500, amount_currency: 'USD', frequency: 'once', expiration: 'no_expiration' },
    } as never);
    const page = await lago.coupons.findAllCoupons({ page: 1, per_page: 1 });
    expect(page.data.coupons.map((item) => item.code)).toEqual(['five_off']);
    expect(page.data.meta).toEqual({ current_page: 1, next_page: 2, prev_page: null, total_pages: 2, total_count: 2 });
    const all = await lago.coupons.findAllCoupons();
    expect(all.data.coupons.map((item) => item.code)).toEqual(['five_off', 'startup_deal']);

    const updated = await lago.coupons.updateCoupon('startup_deal', {
      coupon: { name: 'Startup deal 2', percentage_rate: '20', applies_to: { plan_codes: [] } },
    });
    expect(updated.data.coupon).toEqual({
      ...coupon, name: 'Startup deal 2', percentage_rate: '20.0', limited_plans: false, plan_codes: [],
    });

    const destroyed = await lago.coupons.destroyCoupon('startup_deal');
    expect(destroyed.data.coupon).toEqual(updated.data.coupon);
    expect(await failure(lago.coupons.findCoupon('startup_deal'))).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
    expect((await lago.coupons.findAllCoupons()).data.meta.total_count).toBe(1);
  });

  it('surfaces our error bodies through the client', async () => {
    expect(await failure(lago.coupons.createCoupon({ coupon: { name: 'No type' } }))).toEqual({
      status: 422,
      body: validationBody({ coupon_type: ['value_is_mandatory'], frequency: ['value_is_mandatory'], expiration: ['value_is_mandatory'] }),
    });
    expect(await failure(lago.coupons.destroyCoupon('missing'))).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
    const anonymous = Client('cpn_wrong', { baseUrl: `${t.baseUrl}/api/v1` });
    expect(await failure(anonymous.coupons.findAllCoupons())).toEqual({ status: 401, body: { status: 401, error: 'Unauthorized' } });
  });
});
