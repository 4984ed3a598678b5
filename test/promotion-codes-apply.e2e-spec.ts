import { startTestApp, TestApp } from './support/test-app';
import {
  createCoupon, createCustomer, createMetric, createPercentageCoupon, createPlan, expectStatus, isoIn, notAllowedBody, notFoundBody,
  validationBody,
} from './support/factories';
import {
  APPLIED_COUPON_KEYS, appliedCouponsOf, applyCoupon, commitInvoice, couponByCode, fee, invoiceBody, previewInvoice,
} from './support/apply-factories';
import { createPromotionCode, postApplyByPromotionCode, promotionCodeByCode, uniquePromotionCode } from './support/promotion-code-factories';

/** Applying a coupon by one of its promotion codes: the order of checks, the counters, and the code's minimum amount. */
describe('apply by promotion code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const outcome = async (response: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await response;
    return { status, body };
  };

  it('applies the code\'s coupon whatever the case typed, names the code, and moves both counters', async () => {
    const customer = await createCustomer(t.api);
    const coupon = await createCoupon(t.api);
    const code = uniquePromotionCode('Spring');
    await createPromotionCode(t.api, coupon.code, { code });
    const applied = expectStatus(await postApplyByPromotionCode(t.api, customer.external_id, code.toLowerCase()), 200).body.applied_coupon;
    expect(Object.keys(applied)).toEqual(APPLIED_COUPON_KEYS);
    expect(applied).toMatchObject({ lago_coupon_id: coupon.lago_id, coupon_code: coupon.code, promotion_code: code, amount_cents: 1000 });
    expect((await appliedCouponsOf(t.api, customer.external_id))[0]).toMatchObject({ lago_id: applied.lago_id, promotion_code: code });
    expect((await promotionCodeByCode(t.api, code)).redemptions_count).toBe(1);
    expect((await couponByCode(t.api, coupon.code)).redemptions_count).toBe(1);
    const byCoupon = await applyCoupon(t.api, (await createCustomer(t.api)).external_id, coupon.code);
    expect(byCoupon.promotion_code).toBeNull();
  });

  it('takes overrides as an apply by coupon code does', async () => {
    const customer = await createCustomer(t.api);
    const coupon = await createCoupon(t.api);
    const { code } = await createPromotionCode(t.api, coupon.code);
    const applied = expectStatus(await postApplyByPromotionCode(t.api, customer.external_id, code, { amount_cents: 300, frequency: 'recurring', frequency_duration: 2 }), 200).body.applied_coupon;
    expect(applied).toMatchObject({ amount_cents: 300, frequency: 'recurring', frequency_duration_remaining: 2, promotion_code: code });
    expect(await outcome(postApplyByPromotionCode(t.api, customer.external_id, code, { amount_cents: -1 }))).toEqual({
      status: 422, body: validationBody({ amount_cents: ['value_is_out_of_range'] }),
    });
  });

  it('refuses coupon_code and promotion_code together', async () => {
    const customer = await createCustomer(t.api);
    const coupon = await createCoupon(t.api);
    const { code } = await createPromotionCode(t.api, coupon.code);
    expect(await outcome(postApplyByPromotionCode(t.api, customer.external_id, code, { coupon_code: coupon.code }))).toEqual({
      status: 422, body: validationBody({ coupon_code: ['value_is_invalid'] }),
    });
  });

  describe('order of checks', () => {
    it('customer, then the code, then why this customer may not redeem it', async () => {
      const customer = await createCustomer(t.api);
      expect(await outcome(postApplyByPromotionCode(t.api, 'nobody', 'NOPE-NOPE'))).toEqual({ status: 404, body: notFoundBody('customer_not_found') });
      for (const code of ['NOPE-NOPE', 42, 'a b', '']) {
        expect(await outcome(postApplyByPromotionCode(t.api, customer.external_id, code))).toEqual({ status: 404, body: notFoundBody('promotion_code_not_found') });
      }
      const coupon = await createCoupon(t.api);
      const refusal = async (params: Record<string, unknown>, externalId = customer.external_id) => {
        const { code } = await createPromotionCode(t.api, coupon.code, params);
        return outcome(postApplyByPromotionCode(t.api, externalId, code));
      };
      const onCode = (key: string) => ({ status: 422, body: validationBody({ promotion_code: [key] }) });
      // Inactive is judged first, even when the code is also restricted to someone else.
      expect(await refusal({ active: false, restrictions: { customer_external_id: (await createCustomer(t.api)).external_id } })).toEqual(onCode('promotion_code_inactive'));
      expect(await refusal({ restrictions: { customer_external_id: (await createCustomer(t.api)).external_id } })).toEqual(onCode('customer_not_eligible'));
      const returning = await createCustomer(t.api);
      await applyCoupon(t.api, returning.external_id, (await createCoupon(t.api)).code);
      expect(await refusal({ restrictions: { first_time_transaction: true } }, returning.external_id)).toEqual(onCode('first_time_only'));
      const invoiced = await createCustomer(t.api);
      await commitInvoice(t.api, invoiceBody(invoiced.external_id, [fee('f', 100)]));
      expect(await refusal({ restrictions: { first_time_transaction: true } }, invoiced.external_id)).toEqual(onCode('first_time_only'));
      expect((await refusal({ restrictions: { first_time_transaction: true } })).status).toBe(200);
      const { code: single } = await createPromotionCode(t.api, coupon.code, { max_redemptions: 1 });
      expect((await postApplyByPromotionCode(t.api, customer.external_id, single)).status).toBe(200);
      expect(await outcome(postApplyByPromotionCode(t.api, customer.external_id, single))).toEqual(onCode('max_redemptions_reached'));
    });

    it('a code is expired from the instant of its expires_at', async () => {
      const customer = await createCustomer(t.api);
      const coupon = await createCoupon(t.api);
      const { code } = await createPromotionCode(t.api, coupon.code, { expires_at: new Date(Date.now() + 3000).toISOString() });
      await new Promise((resolve) => setTimeout(resolve, 3100));
      expect(await outcome(postApplyByPromotionCode(t.api, customer.external_id, code))).toEqual({
        status: 422, body: validationBody({ promotion_code: ['promotion_code_expired'] }),
      });
    });

    it("then every check on the code's coupon", async () => {
      const customer = await createCustomer(t.api);
      const code = async (overrides: Record<string, unknown>) => (await createPromotionCode(t.api, (await createCoupon(t.api, overrides)).code)).code;
      const deleted = await code({});
      expectStatus(await t.api.delete(`/api/v1/coupons/${(await promotionCodeByCode(t.api, deleted)).coupon_code}`), 200);
      expect(await outcome(postApplyByPromotionCode(t.api, customer.external_id, deleted))).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
      const terminated = await code({});
      expectStatus(await t.api.post(`/api/v1/coupons/${(await promotionCodeByCode(t.api, terminated)).coupon_code}/terminate`), 200);
      expect(await outcome(postApplyByPromotionCode(t.api, customer.external_id, terminated))).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
      expect(await outcome(postApplyByPromotionCode(t.api, customer.external_id, await code({ starts_at: isoIn(2) })))).toEqual({
        status: 422, body: validationBody({ coupon: ['coupon_not_yet_redeemable'] }),
      });
      const plan = await createPlan(t.api);
      await applyCoupon(t.api, customer.external_id, (await createCoupon(t.api, { applies_to: { plan_codes: [plan.code] } })).code);
      expect(await outcome(postApplyByPromotionCode(t.api, customer.external_id, await code({ applies_to: { plan_codes: [plan.code] } })))).toEqual({
        status: 405, body: notAllowedBody('plan_overlapping'),
      });
      const once = await code({ reusable: false });
      expect((await postApplyByPromotionCode(t.api, customer.external_id, once)).status).toBe(200);
      expect(await outcome(postApplyByPromotionCode(t.api, customer.external_id, once))).toEqual({
        status: 422, body: validationBody({ coupon: ['coupon_is_not_reusable'] }),
      });
      const full = await code({ max_redemptions: 1 });
      expect((await postApplyByPromotionCode(t.api, customer.external_id, full)).status).toBe(200);
      expect(await outcome(postApplyByPromotionCode(t.api, (await createCustomer(t.api)).external_id, full))).toEqual({
        status: 422, body: validationBody({ coupon: ['max_redemptions_reached'] }),
      });
      // The refused applies counted nothing.
      expect((await promotionCodeByCode(t.api, full)).redemptions_count).toBe(1);
    });
  });

  describe('minimum amount', () => {
    /** A customer with a 10 % coupon redeemed through a code with a 50.00 EUR minimum. */
    async function customerWithMinimum(frequency: Record<string, unknown> = {}) {
      const customer = await createCustomer(t.api);
      const coupon = await createPercentageCoupon(t.api, { percentage_rate: '10', ...frequency });
      const { code } = await createPromotionCode(t.api, coupon.code, { restrictions: { minimum_amount_cents: 5000, minimum_amount_currency: 'EUR' } });
      const applied = expectStatus(await postApplyByPromotionCode(t.api, customer.external_id, code), 200).body.applied_coupon;
      return { customer: customer.external_id, applied };
    }

    it('credits an invoice whose fees reach the minimum exactly, not one a cent below, nor one in another currency', async () => {
      const { customer, applied } = await customerWithMinimum({ frequency: 'forever' });
      const credited = await previewInvoice(t.api, invoiceBody(customer, [fee('a', 3000), fee('b', 2000)]));
      expect(credited.credits).toEqual([{ lago_applied_coupon_id: applied.lago_id, coupon_code: applied.coupon_code, amount_cents: 500, amount_currency: 'EUR', fees: [{ id: 'a', amount_cents: 300 }, { id: 'b', amount_cents: 200 }] }]);
      expect((await previewInvoice(t.api, invoiceBody(customer, [fee('a', 4999)]))).credits).toEqual([]);
      expect((await previewInvoice(t.api, invoiceBody(customer, [fee('a', 9000)], { currency: 'USD' }))).credits).toEqual([]);
    });

    it('uses no period on an invoice below the minimum, and credits the next one that reaches it', async () => {
      const { customer, applied } = await customerWithMinimum({ frequency: 'recurring', frequency_duration: 1 });
      const below = await commitInvoice(t.api, invoiceBody(customer, [fee('a', 4999)]));
      expect(below).toMatchObject({ coupons_amount_cents: 0, credits: [] });
      const [still] = await appliedCouponsOf(t.api, customer);
      expect(still).toMatchObject({ lago_id: applied.lago_id, status: 'active', frequency_duration_remaining: 1 });
      const reached = await commitInvoice(t.api, invoiceBody(customer, [fee('a', 5000)]));
      expect(reached).toMatchObject({ coupons_amount_cents: 500 });
      expect((await appliedCouponsOf(t.api, customer))[0]).toMatchObject({ status: 'terminated', frequency_duration_remaining: 0 });
    });

    it('leaves coupons applied without a minimum as they were', async () => {
      const customer = await createCustomer(t.api);
      const metric = await createMetric(t.api);
      const limited = await createCoupon(t.api, { amount_cents: 100, applies_to: { billable_metric_codes: [metric.code] } });
      await applyCoupon(t.api, customer.external_id, limited.code);
      const preview = await previewInvoice(t.api, invoiceBody(customer.external_id, [fee('u', 1000, { billable_metric_code: metric.code })]));
      expect(preview.coupons_amount_cents).toBe(100);
    });
  });
});
