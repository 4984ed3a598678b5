import { startTestApp, TestApp } from './support/test-app';
import {
  createCoupon, createCustomer, createMetric, createPercentageCoupon, createPlan, expectStatus, ISO_SECONDS, isoIn, validationBody,
} from './support/factories';
import { appliedCoupon, applyCoupon, couponByCode, terminateApplied } from './support/apply-factories';

/** The coupon rules that only bite once a coupon has been applied: locked fields, redemption limits. */
describe('coupon rules after application', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const put = (code: string, coupon: Record<string, unknown>) => t.api.put(`/api/v1/coupons/${encodeURIComponent(code)}`, { coupon });

  async function appliedOnce(create: () => Promise<any>): Promise<any> {
    const coupon = await create();
    await applyCoupon(t.api, (await createCustomer(t.api)).external_id, coupon.code);
    return couponByCode(t.api, coupon.code);
  }

  describe('PUT once applied', () => {
    it.each([
      ['amount_cents', { amount_cents: 2000 }],
      ['amount_currency', { amount_currency: 'USD' }],
      ['coupon_type', { coupon_type: 'percentage', percentage_rate: 10 }],
      ['frequency', { frequency: 'forever' }],
      ['reusable', { reusable: false }],
      ['code', { code: 'RENAMED-AFTER-APPLY' }],
      ['currency_options', { currency_options: { USD: { amount_cents: 1100 } } }],
    ])('refuses a change of %s with value_is_locked and changes nothing', async (field, change) => {
      const coupon = await appliedOnce(() => createCoupon(t.api));
      const response = await put(coupon.code, change);
      expect(response.status).toBe(422);
      expect(response.body.error_details[field]).toEqual(['value_is_locked']);
      expect(await couponByCode(t.api, coupon.code)).toEqual(coupon);
    });

    it('reports every locked field together, percentage_rate and frequency_duration included', async () => {
      const coupon = await appliedOnce(() => createPercentageCoupon(t.api, { frequency: 'recurring', frequency_duration: 3 }));
      const response = await put(coupon.code, { percentage_rate: 15, frequency_duration: 4, reusable: false });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 422,
        body: validationBody({ percentage_rate: ['value_is_locked'], frequency_duration: ['value_is_locked'], reusable: ['value_is_locked'] }),
      });
    });

    it('refuses a change of applies_to, and accepts the same lists in another order', async () => {
      const plans = [await createPlan(t.api), await createPlan(t.api)];
      const coupon = await appliedOnce(() => createCoupon(t.api, { applies_to: { plan_codes: plans.map((plan) => plan.code) } }));
      const other = await createPlan(t.api);
      const changed = await put(coupon.code, { applies_to: { plan_codes: [plans[0].code, other.code] } });
      expect({ status: changed.status, body: changed.body }).toEqual({ status: 422, body: validationBody({ applies_to: ['value_is_locked'] }) });
      const cleared = await put(coupon.code, { applies_to: { plan_codes: [] } });
      expect(cleared.body).toEqual(validationBody({ applies_to: ['value_is_locked'] }));
      const metric = await createMetric(t.api);
      const switched = await put(coupon.code, { applies_to: { plan_codes: [], billable_metric_codes: [metric.code] } });
      expect(switched.body).toEqual(validationBody({ applies_to: ['value_is_locked'] }));
      const reordered = expectStatus(await put(coupon.code, { applies_to: { plan_codes: [plans[1].code, plans[0].code] } }), 200).body.coupon;
      expect(new Set(reordered.plan_codes)).toEqual(new Set(plans.map((plan) => plan.code)));
    });

    it('accepts locked fields re-sent with the same meaning (12.5 as "12.50", same cents, same code)', async () => {
      const coupon = await appliedOnce(() => createPercentageCoupon(t.api));
      const same = expectStatus(await put(coupon.code, {
        percentage_rate: '12.50', coupon_type: 'percentage', frequency: 'once', reusable: true, code: coupon.code, name: 'Renamed',
      }), 200).body.coupon;
      expect(same).toEqual({ ...coupon, name: 'Renamed' });
      const fixed = await appliedOnce(() => createCoupon(t.api, { currency_options: { USD: { amount_cents: 1100 } } }));
      const sameFixed = expectStatus(await put(fixed.code, {
        amount_cents: 1000, amount_currency: 'EUR', currency_options: { USD: { amount_cents: 1100 } },
      }), 200).body.coupon;
      expect(sameFixed).toEqual(fixed);
    });

    it('keeps name, description, expiration, expiration_at, metadata, starts_at and max_redemptions editable', async () => {
      const coupon = await appliedOnce(() => createCoupon(t.api));
      const expirationAt = isoIn(30);
      const updated = expectStatus(await put(coupon.code, {
        name: 'New name', description: 'New description', expiration: 'time_limit', expiration_at: expirationAt,
        metadata: { campaign: 'autumn' }, starts_at: '2020-01-01T00:00:00Z', max_redemptions: 5,
      }), 200).body.coupon;
      expect(updated).toEqual({
        ...coupon, name: 'New name', description: 'New description', expiration: 'time_limit', expiration_at: expirationAt,
        metadata: { campaign: 'autumn' }, starts_at: '2020-01-01T00:00:00Z', max_redemptions: 5,
      });
      const back = expectStatus(await put(coupon.code, { expiration: 'no_expiration', max_redemptions: null }), 200).body.coupon;
      expect(back).toMatchObject({ expiration: 'no_expiration', expiration_at: null, max_redemptions: null });
    });

    it('refuses max_redemptions below redemptions_count, accepts it equal', async () => {
      const coupon = await createCoupon(t.api, { max_redemptions: 10 });
      for (let i = 0; i < 2; i++) await applyCoupon(t.api, (await createCustomer(t.api)).external_id, coupon.code);
      const below = await put(coupon.code, { max_redemptions: 1 });
      expect({ status: below.status, body: below.body }).toEqual({ status: 422, body: validationBody({ max_redemptions: ['value_is_out_of_range'] }) });
      expect(expectStatus(await put(coupon.code, { max_redemptions: 2 }), 200).body.coupon).toMatchObject({ max_redemptions: 2, redemptions_count: 2 });
    });

    it('lets every field change before the first application', async () => {
      const coupon = await createCoupon(t.api);
      const updated = expectStatus(await put(coupon.code, { amount_cents: 2500, frequency: 'forever', reusable: false }), 200).body.coupon;
      expect(updated).toMatchObject({ amount_cents: 2500, frequency: 'forever', reusable: false, redemptions_count: 0 });
    });
  });

  describe('DELETE and terminate', () => {
    it("DELETE terminates the coupon's active applied coupons, which then list as terminated with coupon_deleted_at", async () => {
      const coupon = await createCoupon(t.api, { reusable: true });
      const customer = await createCustomer(t.api);
      const first = await applyCoupon(t.api, customer.external_id, coupon.code);
      const second = await applyCoupon(t.api, customer.external_id, coupon.code);
      expectStatus(await terminateApplied(t.api, customer.external_id, first.lago_id), 200);
      const firstTerminatedAt = (await appliedCoupon(t.api, customer.external_id, first.lago_id)).terminated_at;
      const otherCustomer = await createCustomer(t.api);
      const unrelated = await applyCoupon(t.api, otherCustomer.external_id, (await createCoupon(t.api)).code);

      const deleted = expectStatus(await t.api.delete(`/api/v1/coupons/${coupon.code}`), 200).body.coupon;
      expect(deleted).toMatchObject({ code: coupon.code, status: 'active', redemptions_count: 2 });
      const listed = expectStatus(await t.api.get(`/api/v1/applied_coupons?status=terminated&external_customer_id=${customer.external_id}`), 200).body;
      expect(listed.applied_coupons.map((applied: any) => applied.lago_id)).toEqual([second.lago_id, first.lago_id]);
      for (const applied of listed.applied_coupons) {
        expect(applied).toMatchObject({
          coupon_code: coupon.code, coupon_status: 'active', coupon_deleted_at: expect.stringMatching(ISO_SECONDS),
          status: 'terminated', terminated_at: expect.stringMatching(ISO_SECONDS),
        });
      }
      expect(listed.applied_coupons[1].terminated_at).toBe(firstTerminatedAt);
      expect((await appliedCoupon(t.api, otherCustomer.external_id, unrelated.lago_id)).status).toBe('active');
      expect((await t.api.get(`/api/v1/coupons/${coupon.code}`)).status).toBe(404);
    });

    it('terminate leaves applied coupons running', async () => {
      const coupon = await createCoupon(t.api);
      const customer = await createCustomer(t.api);
      const applied = await applyCoupon(t.api, customer.external_id, coupon.code);
      expectStatus(await t.api.post(`/api/v1/coupons/${coupon.code}/terminate`), 200);
      expect(await appliedCoupon(t.api, customer.external_id, applied.lago_id)).toMatchObject({
        status: 'active', terminated_at: null, coupon_status: 'terminated', coupon_deleted_at: null,
      });
    });
  });

  it('redemptions_count counts successful applies and never goes down', async () => {
    const coupon = await createCoupon(t.api, { reusable: false });
    const customers = [await createCustomer(t.api), await createCustomer(t.api), await createCustomer(t.api)];
    const applied = [];
    for (const customer of customers) applied.push(await applyCoupon(t.api, customer.external_id, coupon.code));
    expect((await t.api.post('/api/v1/applied_coupons', { applied_coupon: { external_customer_id: customers[0].external_id, coupon_code: coupon.code } })).status).toBe(422);
    expect((await couponByCode(t.api, coupon.code)).redemptions_count).toBe(3);
    expectStatus(await terminateApplied(t.api, customers[0].external_id, applied[0].lago_id), 200);
    expect((await couponByCode(t.api, coupon.code)).redemptions_count).toBe(3);
    expectStatus(await t.api.post(`/api/v1/coupons/${coupon.code}/terminate`), 200);
    expect((await couponByCode(t.api, coupon.code)).redemptions_count).toBe(3);
    expect(expectStatus(await t.api.delete(`/api/v1/coupons/${coupon.code}`), 200).body.coupon.redemptions_count).toBe(3);
  });
});
