import { startTestApp, TestApp } from './support/test-app';
import {
  badRequestBody, createCoupon, createCustomer, createMetric, createPercentageCoupon, createPlan, expectStatus, ISO_SECONDS,
  isoIn, notAllowedBody, notFoundBody, UUID, validationBody,
} from './support/factories';
import {
  APPLIED_COUPON_KEYS, appliedCouponsOf, applyCoupon, commitInvoice, fee, invoiceBody, postApply, terminateApplied,
} from './support/apply-factories';

/** Applied coupons: apply, its order of checks, the lists and terminate. */
describe('applied coupons', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const expectError = async (response: Promise<{ status: number; body: unknown }>, status: number, body: unknown) => {
    const { status: actual, body: actualBody } = await response;
    expect({ status: actual, body: actualBody }).toEqual({ status, body });
  };

  describe('POST /api/v1/applied_coupons', () => {
    it("applies a fixed once coupon with its own terms, in Lago's key order", async () => {
      const customer = await createCustomer(t.api);
      const coupon = await createCoupon(t.api, { description: 'Welcome', expiration: 'time_limit', expiration_at: isoIn(10) });
      const response = expectStatus(await postApply(t.api, customer.external_id, coupon.code), 200);
      expect(Object.keys(response.body)).toEqual(['applied_coupon']);
      const applied = response.body.applied_coupon;
      expect(Object.keys(applied)).toEqual(APPLIED_COUPON_KEYS);
      expect(applied.lago_id).toMatch(UUID);
      expect(applied.created_at).toMatch(ISO_SECONDS);
      expect(applied).toEqual({
        lago_id: applied.lago_id, lago_coupon_id: coupon.lago_id, coupon_code: coupon.code, promotion_code: null, coupon_name: 'Ten euros off',
        coupon_description: 'Welcome', coupon_status: 'active', coupon_deleted_at: null, lago_customer_id: customer.lago_id,
        external_customer_id: customer.external_id, status: 'active', amount_cents: 1000, amount_cents_remaining: 1000,
        amount_currency: 'EUR', percentage_rate: null, frequency: 'once', frequency_duration: null,
        frequency_duration_remaining: null, expiration_at: coupon.expiration_at, created_at: applied.created_at, terminated_at: null,
      });
    });

    it('applies overrides of amount, currency and frequency; remaining amount only for fixed once', async () => {
      const customer = await createCustomer(t.api);
      const coupon = await createCoupon(t.api);
      const recurring = await applyCoupon(t.api, customer.external_id, coupon.code, {
        amount_cents: 250, amount_currency: 'USD', frequency: 'recurring', frequency_duration: 3,
      });
      expect(recurring).toMatchObject({
        amount_cents: 250, amount_cents_remaining: null, amount_currency: 'USD', percentage_rate: null,
        frequency: 'recurring', frequency_duration: 3, frequency_duration_remaining: 3,
      });
      const forever = await applyCoupon(t.api, customer.external_id, coupon.code, { frequency: 'forever', frequency_duration: 4 });
      expect(forever).toMatchObject({ amount_cents: 1000, amount_cents_remaining: null, frequency: 'forever', frequency_duration: null, frequency_duration_remaining: null });
    });

    it('applies a percentage coupon with its default rate or an overridden one, and its recurring duration', async () => {
      const customer = await createCustomer(t.api);
      const coupon = await createPercentageCoupon(t.api, { frequency: 'recurring', frequency_duration: 6 });
      expect(await applyCoupon(t.api, customer.external_id, coupon.code)).toMatchObject({
        amount_cents: null, amount_cents_remaining: null, amount_currency: null, percentage_rate: '12.5',
        frequency: 'recurring', frequency_duration: 6, frequency_duration_remaining: 6,
      });
      expect(await applyCoupon(t.api, customer.external_id, coupon.code, { percentage_rate: '20.50', frequency_duration: 2 })).toMatchObject({
        percentage_rate: '20.5', frequency_duration: 2, frequency_duration_remaining: 2,
      });
    });

    it("takes a fixed coupon's amount in the customer's currency from currency_options", async () => {
      const coupon = await createCoupon(t.api, { amount_cents: 1100, amount_currency: 'USD', currency_options: { EUR: { amount_cents: 1000 }, JPY: { amount_cents: 1500 } } });
      const eur = await createCustomer(t.api, { currency: 'EUR' });
      const jpy = await createCustomer(t.api, { currency: 'JPY' });
      const gbp = await createCustomer(t.api, { currency: 'GBP' });
      expect(await applyCoupon(t.api, eur.external_id, coupon.code)).toMatchObject({ amount_cents: 1000, amount_cents_remaining: 1000, amount_currency: 'EUR' });
      expect(await applyCoupon(t.api, jpy.external_id, coupon.code)).toMatchObject({ amount_cents: 1500, amount_currency: 'JPY' });
      expect(await applyCoupon(t.api, gbp.external_id, coupon.code)).toMatchObject({ amount_cents: 1100, amount_currency: 'USD' });
    });

    it('answers 400 without the applied_coupon root object', async () => {
      await expectError(t.api.post('/api/v1/applied_coupons', { coupon: {} }), 400, badRequestBody('applied_coupon'));
    });
  });

  describe('order of checks', () => {
    it('customer_not_found before coupon_not_found', async () => {
      await expectError(postApply(t.api, 'nobody', 'NO-SUCH-CODE'), 404, notFoundBody('customer_not_found'));
    });

    it('coupon_not_found for a missing, deleted, terminated or expired coupon, even one not yet redeemable', async () => {
      const customer = await createCustomer(t.api);
      await expectError(postApply(t.api, customer.external_id, 'NO-SUCH-CODE'), 404, notFoundBody('coupon_not_found'));
      const live = await createCoupon(t.api);
      await expectError(postApply(t.api, customer.external_id, live.code.toLowerCase()), 404, notFoundBody('coupon_not_found'));
      await expectError(postApply(t.api, customer.external_id, 1000 as never), 404, notFoundBody('coupon_not_found'));
      const deleted = await createCoupon(t.api);
      expectStatus(await t.api.delete(`/api/v1/coupons/${deleted.code}`), 200);
      await expectError(postApply(t.api, customer.external_id, deleted.code), 404, notFoundBody('coupon_not_found'));
      const terminated = await createCoupon(t.api, { starts_at: isoIn(5) });
      expectStatus(await t.api.post(`/api/v1/coupons/${terminated.code}/terminate`), 200);
      await expectError(postApply(t.api, customer.external_id, terminated.code), 404, notFoundBody('coupon_not_found'));
    });

    it('refuses a coupon from the exact instant it expires, before the sweep terminates it', async () => {
      const customer = await createCustomer(t.api);
      const expirationAt = `${new Date(Date.now() + 2000).toISOString().slice(0, 19)}Z`;
      const coupon = await createCoupon(t.api, { expiration: 'time_limit', expiration_at: expirationAt });
      const wait = Date.parse(expirationAt) - Date.now() + 50;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await expectError(postApply(t.api, customer.external_id, coupon.code), 404, notFoundBody('coupon_not_found'));
      expect((await t.api.get(`/api/v1/coupons/${coupon.code}`)).body.coupon).toMatchObject({ status: 'active', terminated_at: null, redemptions_count: 0 });
    });

    it('coupon_not_yet_redeemable before plan_overlapping', async () => {
      const customer = await createCustomer(t.api);
      const plan = await createPlan(t.api);
      const current = await createCoupon(t.api, { applies_to: { plan_codes: [plan.code] } });
      await applyCoupon(t.api, customer.external_id, current.code);
      const later = await createCoupon(t.api, { applies_to: { plan_codes: [plan.code] }, starts_at: isoIn(1) });
      await expectError(postApply(t.api, customer.external_id, later.code), 422, validationBody({ coupon: ['coupon_not_yet_redeemable'] }));
    });

    it('405 plan_overlapping for the same plan twice, before coupon_is_not_reusable', async () => {
      const customer = await createCustomer(t.api);
      const plan = await createPlan(t.api);
      const coupon = await createCoupon(t.api, { reusable: false, applies_to: { plan_codes: [plan.code] } });
      await applyCoupon(t.api, customer.external_id, coupon.code);
      await expectError(postApply(t.api, customer.external_id, coupon.code), 405, notAllowedBody('plan_overlapping'));
      const other = await createCoupon(t.api, { applies_to: { plan_codes: [plan.code, (await createPlan(t.api)).code] } });
      await expectError(postApply(t.api, customer.external_id, other.code), 405, notAllowedBody('plan_overlapping'));
      await applyCoupon(t.api, customer.external_id, (await createCoupon(t.api, { applies_to: { plan_codes: [(await createPlan(t.api)).code] } })).code);
    });

    it('405 plan_overlapping between a metric-limited coupon and a plan whose charges use that metric, both ways', async () => {
      const metric = await createMetric(t.api);
      const plan = await createPlan(t.api, {}, [metric.code]);
      const byPlan = await createCoupon(t.api, { applies_to: { plan_codes: [plan.code] } });
      const byMetric = await createCoupon(t.api, { applies_to: { billable_metric_codes: [metric.code] } });
      const first = await createCustomer(t.api);
      await applyCoupon(t.api, first.external_id, byPlan.code);
      await expectError(postApply(t.api, first.external_id, byMetric.code), 405, notAllowedBody('plan_overlapping'));
      const second = await createCustomer(t.api);
      const applied = await applyCoupon(t.api, second.external_id, byMetric.code);
      await expectError(postApply(t.api, second.external_id, byPlan.code), 405, notAllowedBody('plan_overlapping'));
      // Only active applied coupons overlap; an unrestricted coupon never does.
      expectStatus(await terminateApplied(t.api, second.external_id, applied.lago_id), 200);
      await applyCoupon(t.api, second.external_id, byPlan.code);
      await applyCoupon(t.api, second.external_id, (await createCoupon(t.api)).code);
    });

    it('coupon_is_not_reusable, also once the first applied coupon is terminated, before max_redemptions_reached', async () => {
      const customer = await createCustomer(t.api);
      const coupon = await createCoupon(t.api, { reusable: false, max_redemptions: 1 });
      const applied = await applyCoupon(t.api, customer.external_id, coupon.code);
      const notReusable = validationBody({ coupon: ['coupon_is_not_reusable'] });
      await expectError(postApply(t.api, customer.external_id, coupon.code), 422, notReusable);
      expectStatus(await terminateApplied(t.api, customer.external_id, applied.lago_id), 200);
      await expectError(postApply(t.api, customer.external_id, coupon.code), 422, notReusable);
      const other = await createCustomer(t.api);
      await expectError(postApply(t.api, other.external_id, coupon.code), 422, validationBody({ coupon: ['max_redemptions_reached'] }));
    });

    it('max_redemptions_reached before field errors; field errors all together, nothing redeemed', async () => {
      const full = await createCoupon(t.api, { max_redemptions: 1 });
      await applyCoupon(t.api, (await createCustomer(t.api)).external_id, full.code);
      const customer = await createCustomer(t.api);
      await expectError(postApply(t.api, customer.external_id, full.code, { amount_cents: -1 }), 422, validationBody({ coupon: ['max_redemptions_reached'] }));
      const coupon = await createCoupon(t.api, { max_redemptions: 5 });
      await expectError(
        postApply(t.api, customer.external_id, coupon.code, { amount_cents: '1000', amount_currency: 'eur', frequency: 'weekly' }),
        422, validationBody({ frequency: ['value_is_invalid'], amount_currency: ['value_is_invalid'], amount_cents: ['value_is_invalid'] }),
      );
      await expectError(postApply(t.api, customer.external_id, coupon.code, { amount_cents: 0 }), 422, validationBody({ amount_cents: ['value_is_out_of_range'] }));
      await expectError(postApply(t.api, customer.external_id, coupon.code, { frequency: 'recurring' }), 422, validationBody({ frequency_duration: ['value_is_mandatory'] }));
      const percentage = await createPercentageCoupon(t.api);
      await expectError(postApply(t.api, customer.external_id, percentage.code, { percentage_rate: 150 }), 422, validationBody({ percentage_rate: ['value_is_out_of_range'] }));
      expect((await t.api.get(`/api/v1/coupons/${coupon.code}`)).body.coupon.redemptions_count).toBe(0);
      expect((await t.api.get(`/api/v1/coupons/${percentage.code}`)).body.coupon.redemptions_count).toBe(0);
      expect(await appliedCouponsOf(t.api, customer.external_id)).toEqual([]);
    });
  });

  describe('lists', () => {
    it('filters by status, customer and repeated coupon_code[], newest first, with pagination meta', async () => {
      const alice = await createCustomer(t.api);
      const bob = await createCustomer(t.api);
      const first = await createCoupon(t.api);
      const second = await createCoupon(t.api);
      const a1 = await applyCoupon(t.api, alice.external_id, first.code);
      const a2 = await applyCoupon(t.api, alice.external_id, second.code);
      const b1 = await applyCoupon(t.api, bob.external_id, first.code);
      expectStatus(await terminateApplied(t.api, alice.external_id, a1.lago_id), 200);
      const ids = async (query: string) => {
        const body = expectStatus(await t.api.get(`/api/v1/applied_coupons?${query}`), 200).body;
        return { ids: body.applied_coupons.map((applied: any) => applied.lago_id), total: body.meta.total_count };
      };
      const codes = `coupon_code[]=${first.code}&coupon_code[]=${second.code}`;
      expect(await ids(codes)).toEqual({ ids: [b1.lago_id, a2.lago_id, a1.lago_id], total: 3 });
      expect(await ids(`coupon_code[]=${second.code}`)).toEqual({ ids: [a2.lago_id], total: 1 });
      expect(await ids(`${codes}&status=terminated`)).toEqual({ ids: [a1.lago_id], total: 1 });
      expect(await ids(`${codes}&status=active&external_customer_id=${alice.external_id}`)).toEqual({ ids: [a2.lago_id], total: 1 });
      expect(await ids(`${codes}&status=bogus`)).toEqual({ ids: [b1.lago_id, a2.lago_id, a1.lago_id], total: 3 });
      const page = expectStatus(await t.api.get(`/api/v1/applied_coupons?${codes}&per_page=2&page=2`), 200).body;
      expect(page.applied_coupons.map((applied: any) => applied.lago_id)).toEqual([a1.lago_id]);
      expect(page.meta).toEqual({ current_page: 2, next_page: null, prev_page: 1, total_pages: 2, total_count: 3 });
      const listed = (await appliedCouponsOf(t.api, alice.external_id));
      expect(listed.map((applied) => applied.lago_id)).toEqual([a2.lago_id, a1.lago_id]);
      expect(Object.keys(listed[0])).toEqual([...APPLIED_COUPON_KEYS, 'credits']);
      expect(listed[1]).toMatchObject({ status: 'terminated', credits: [] });
      await expectError(t.api.get('/api/v1/customers/nobody/applied_coupons'), 404, notFoundBody('customer_not_found'));
    });

    it('lists the credits an invoice discount took, in their exact shape', async () => {
      const customer = await createCustomer(t.api);
      const coupon = await createCoupon(t.api, { description: 'Spring' });
      const applied = await applyCoupon(t.api, customer.external_id, coupon.code);
      const invoice = await commitInvoice(t.api, invoiceBody(customer.external_id, [fee('f1', 400)]));
      const [listed] = await appliedCouponsOf(t.api, customer.external_id);
      expect(listed).toMatchObject({ lago_id: applied.lago_id, status: 'active', amount_cents_remaining: 600 });
      expect(listed.credits).toEqual([{
        lago_id: expect.stringMatching(UUID), amount_cents: 400, amount_currency: 'EUR', before_taxes: true,
        item: { lago_item_id: coupon.lago_id, type: 'coupon', code: coupon.code, name: 'Ten euros off', description: 'Spring' },
        invoice: { lago_id: invoice.lago_id, external_invoice_id: invoice.external_invoice_id },
      }]);
      expect(Object.keys(listed.credits[0])).toEqual(['lago_id', 'amount_cents', 'amount_currency', 'before_taxes', 'item', 'invoice']);
      const global = expectStatus(await t.api.get(`/api/v1/applied_coupons?external_customer_id=${customer.external_id}`), 200).body;
      expect(global.applied_coupons).toEqual([listed]);
    });
  });

  describe('DELETE /api/v1/customers/:external_customer_id/applied_coupons/:lago_id', () => {
    it('terminates, idempotently', async () => {
      const customer = await createCustomer(t.api);
      const applied = await applyCoupon(t.api, customer.external_id, (await createCoupon(t.api)).code);
      const first = expectStatus(await terminateApplied(t.api, customer.external_id, applied.lago_id), 200).body;
      expect(first.applied_coupon).toEqual({ ...applied, status: 'terminated', terminated_at: expect.stringMatching(ISO_SECONDS) });
      expect(Object.keys(first.applied_coupon)).toEqual(APPLIED_COUPON_KEYS);
      expect(expectStatus(await terminateApplied(t.api, customer.external_id, applied.lago_id), 200).body).toEqual(first);
    });

    it('404 for a non-uuid or unknown id, another customer, or an unknown customer', async () => {
      const customer = await createCustomer(t.api);
      const other = await createCustomer(t.api);
      const applied = await applyCoupon(t.api, customer.external_id, (await createCoupon(t.api)).code);
      const notFound = notFoundBody('applied_coupon_not_found');
      await expectError(terminateApplied(t.api, customer.external_id, 'not-a-uuid'), 404, notFound);
      await expectError(terminateApplied(t.api, customer.external_id, '00000000-0000-4000-8000-000000000000'), 404, notFound);
      await expectError(terminateApplied(t.api, other.external_id, applied.lago_id), 404, notFound);
      await expectError(terminateApplied(t.api, 'nobody', applied.lago_id), 404, notFoundBody('customer_not_found'));
      expect((await appliedCouponsOf(t.api, customer.external_id))[0].status).toBe('active');
    });
  });

  it("isolates organizations: another key neither sees nor uses this organization's customers, coupons and applied coupons", async () => {
    const customer = await createCustomer(t.api);
    const coupon = await createCoupon(t.api);
    const applied = await applyCoupon(t.api, customer.external_id, coupon.code);
    const other = t.api.withKey(await t.newApiKey());
    await expectError(postApply(other, customer.external_id, coupon.code), 404, notFoundBody('customer_not_found'));
    const theirs = await createCustomer(other, { external_id: customer.external_id });
    await expectError(postApply(other, theirs.external_id, coupon.code), 404, notFoundBody('coupon_not_found'));
    await expectError(terminateApplied(other, customer.external_id, applied.lago_id), 404, notFoundBody('applied_coupon_not_found'));
    expect(expectStatus(await other.get('/api/v1/applied_coupons'), 200).body.applied_coupons).toEqual([]);
    expect(expectStatus(await other.get(`/api/v1/customers/${customer.external_id}/applied_coupons`), 200).body.applied_coupons).toEqual([]);
    expect((await appliedCouponsOf(t.api, customer.external_id))[0].status).toBe('active');
  });
});
