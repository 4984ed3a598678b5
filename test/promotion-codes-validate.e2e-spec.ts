import { createConnection } from 'mysql2/promise';
import { startTestApp, TestApp } from './support/test-app';
import { badRequestBody, createCoupon, createCustomer, createPercentageCoupon, createPlan, expectStatus, validationBody } from './support/factories';
import { applyCoupon, couponByCode, fee, INVOICE_DISCOUNT_KEYS } from './support/apply-factories';
import { createPromotionCode, postApplyByPromotionCode, postValidation, promotionCodeByCode } from './support/promotion-code-factories';
import { conformanceErrors, OpenApiDocument, responseSchema } from './support/openapi-conformance';

/** POST /promotion_codes/validate: the apply's answer without the apply, and the discount the code would give. */
describe('promotion code validation at checkout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const outcome = async (response: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await response;
    return { status, body };
  };

  it('says valid, with the code, its coupon and the discount as if applied now (after the coupons already applied)', async () => {
    const customer = await createCustomer(t.api);
    await applyCoupon(t.api, customer.external_id, (await createCoupon(t.api, { amount_cents: 1000 })).code);
    const coupon = await createPercentageCoupon(t.api, { percentage_rate: '10' });
    const promotionCode = await createPromotionCode(t.api, coupon.code);
    const response = expectStatus(await postValidation(t.api, {
      code: promotionCode.code.toLowerCase(), external_customer_id: customer.external_id,
      invoice: { currency: 'EUR', fees: [fee('a', 6000), fee('b', 4000)] },
    }), 200);
    expect(Object.keys(response.body)).toEqual(['validation']);
    const { validation } = response.body;
    expect(Object.keys(validation)).toEqual(['valid', 'reason', 'promotion_code', 'coupon', 'invoice_discount']);
    expect(validation).toMatchObject({ valid: true, reason: null, promotion_code: promotionCode, coupon: await couponByCode(t.api, coupon.code) });
    expect(Object.keys(validation.invoice_discount)).toEqual(INVOICE_DISCOUNT_KEYS);
    expect(validation.invoice_discount).toMatchObject({
      lago_id: null, status: 'preview', fees_amount_cents: 10000, coupons_amount_cents: 1900, sub_total_excluding_taxes_amount_cents: 8100,
      created_at: null,
    });
    // The fixed coupon first (applied earlier), then 10 % of what it left: the code's credit has no applied-coupon id yet.
    expect(validation.invoice_discount.credits.map((credit: any) => [credit.lago_applied_coupon_id === null, credit.amount_cents])).toEqual([[false, 1000], [true, 900]]);
  });

  it('without an invoice, invoice_discount is null; a minimum the invoice misses gives no credit', async () => {
    const customer = await createCustomer(t.api);
    const coupon = await createPercentageCoupon(t.api);
    const { code } = await createPromotionCode(t.api, coupon.code, { restrictions: { minimum_amount_cents: 5000, minimum_amount_currency: 'EUR' } });
    const plain = expectStatus(await postValidation(t.api, { code, external_customer_id: customer.external_id }), 200).body.validation;
    expect(plain).toMatchObject({ valid: true, reason: null, invoice_discount: null });
    const below = expectStatus(await postValidation(t.api, { code, external_customer_id: customer.external_id, invoice: { currency: 'EUR', fees: [fee('a', 4999)] } }), 200);
    expect(below.body.validation.invoice_discount).toMatchObject({ coupons_amount_cents: 0, credits: [] });
  });

  it('gives the error key the apply would give, and changes nothing', async () => {
    const customer = await createCustomer(t.api);
    const coupon = await createCoupon(t.api, { max_redemptions: 1 });
    const single = await createPromotionCode(t.api, coupon.code, { max_redemptions: 1 });
    const inactive = await createPromotionCode(t.api, coupon.code, { active: false });
    const reason = async (code: string, externalId = customer.external_id) => {
      const { validation } = expectStatus(await postValidation(t.api, { code, external_customer_id: externalId, invoice: { currency: 'EUR', fees: [fee('a', 100)] } }), 200).body;
      const apply = await postApplyByPromotionCode(t.api, externalId, code);
      const applyKey = apply.status === 422 ? (Object.values(apply.body.error_details)[0] as string[])[0] : apply.body.code;
      expect(validation.reason).toBe(applyKey);
      expect(validation).toMatchObject({ valid: false, invoice_discount: null });
      return validation;
    };
    expect((await reason('NOPE-NOPE')).promotion_code).toBeNull();
    expect(await reason(single.code, 'nobody')).toMatchObject({ reason: 'customer_not_found', promotion_code: single });
    expect(await reason(inactive.code)).toMatchObject({ reason: 'promotion_code_inactive', promotion_code: inactive, coupon: { code: coupon.code } });

    const database = await createConnection(t.databaseUrl);
    const counts = async () => {
      const [rows] = await database.query(
        'SELECT (SELECT COUNT(*) FROM applied_coupons) AS applied, (SELECT SUM(redemptions_count) FROM coupons) AS coupons, ' +
          '(SELECT SUM(redemptions_count) FROM promotion_codes) AS codes, (SELECT COUNT(*) FROM invoice_discounts) AS invoices, ' +
          '(SELECT COUNT(*) FROM credits) AS credits, (SELECT COUNT(*) FROM idempotency_keys) AS idempotency',
      );
      return (rows as Record<string, unknown>[])[0];
    };
    try {
      const before = await counts();
      for (let i = 0; i < 3; i++) {
        const ok = expectStatus(await postValidation(t.api, { code: single.code, external_customer_id: customer.external_id, invoice: { currency: 'EUR', fees: [fee('a', 5000)] } }), 200);
        expect(ok.body.validation).toMatchObject({ valid: true, reason: null });
      }
      expect(await counts()).toEqual(before);
      expect(await promotionCodeByCode(t.api, single.code)).toEqual(single);
    } finally {
      await database.end();
    }
    expect((await postApplyByPromotionCode(t.api, customer.external_id, single.code)).status).toBe(200);
    expect(await reason(single.code)).toMatchObject({ reason: 'max_redemptions_reached', promotion_code: { redemptions_count: 1 } });
  });

  it('reports the coupon checks too: overlap and a deleted coupon', async () => {
    const customer = await createCustomer(t.api);
    const plan = await createPlan(t.api);
    await applyCoupon(t.api, customer.external_id, (await createCoupon(t.api, { applies_to: { plan_codes: [plan.code] } })).code);
    const overlapping = await createPromotionCode(t.api, (await createCoupon(t.api, { applies_to: { plan_codes: [plan.code] } })).code);
    const validate = async (code: string) => expectStatus(await postValidation(t.api, { code, external_customer_id: customer.external_id }), 200).body.validation;
    expect(await validate(overlapping.code)).toMatchObject({ valid: false, reason: 'plan_overlapping' });
    const gone = await createCoupon(t.api);
    const orphan = await createPromotionCode(t.api, gone.code);
    expectStatus(await t.api.delete(`/api/v1/coupons/${gone.code}`), 200);
    expect(await validate(orphan.code)).toEqual({ valid: false, reason: 'coupon_not_found', promotion_code: orphan, coupon: null, invoice_discount: null });
  });

  it.each([
    ['code missing', { external_customer_id: 'c' }, { code: ['value_is_mandatory'] }],
    ['code blank', { code: ' ', external_customer_id: 'c' }, { code: ['value_is_mandatory'] }],
    ['code not a string', { code: 7, external_customer_id: 'c' }, { code: ['value_is_invalid'] }],
    ['customer missing', { code: 'ABC' }, { external_customer_id: ['value_is_mandatory'] }],
    ['customer not a string', { code: 'ABC', external_customer_id: [] }, { external_customer_id: ['value_is_invalid'] }],
    ['invoice not an object', { code: 'ABC', external_customer_id: 'c', invoice: 'inv' }, { invoice: ['value_is_invalid'] }],
    ['invoice without fees', { code: 'ABC', external_customer_id: 'c', invoice: { currency: 'EUR', fees: [] } }, { fees: ['value_is_invalid'] }],
    ['invoice currency unknown', { code: 'ABC', external_customer_id: 'c', invoice: { currency: 'eur', fees: [fee('a', 1)] } }, { currency: ['value_is_invalid'] }],
  ])('answers a field-keyed 422 for %s', async (_label, params, details) => {
    expect(await outcome(postValidation(t.api, params))).toEqual({ status: 422, body: validationBody(details) });
  });

  it('answers exactly as the OpenAPI document describes (promotion codes, validations, applies by code)', async () => {
    const document: OpenApiDocument = expectStatus(await t.api.withKey(null).get('/api/docs-json'), 200).body;
    const customer = await createCustomer(t.api);
    const coupon = await createPercentageCoupon(t.api);
    const created = expectStatus(await t.api.post('/api/v1/promotion_codes', { promotion_code: { coupon_code: coupon.code } }), 200).body;
    const answers: [string, string, unknown][] = [
      ['post', '/api/v1/promotion_codes', created],
      ['get', '/api/v1/promotion_codes', expectStatus(await t.api.get('/api/v1/promotion_codes'), 200).body],
      ['get', '/api/v1/promotion_codes/{code}', expectStatus(await t.api.get(`/api/v1/promotion_codes/${created.promotion_code.code}`), 200).body],
      ['put', '/api/v1/promotion_codes/{code}', expectStatus(await t.api.put(`/api/v1/promotion_codes/${created.promotion_code.code}`, { promotion_code: { metadata: {} } }), 200).body],
      ['post', '/api/v1/promotion_codes/validate', expectStatus(await postValidation(t.api, {
        code: created.promotion_code.code, external_customer_id: customer.external_id, invoice: { currency: 'EUR', fees: [fee('a', 100)] },
      }), 200).body],
      ['post', '/api/v1/promotion_codes/validate', expectStatus(await postValidation(t.api, { code: 'NOPE-NOPE', external_customer_id: customer.external_id }), 200).body],
      ['post', '/api/v1/applied_coupons', expectStatus(await postApplyByPromotionCode(t.api, customer.external_id, created.promotion_code.code), 200).body],
    ];
    const problems = answers.flatMap(([method, path, body]) => conformanceErrors(document, responseSchema(document, method, path), body, `${method} ${path}`));
    expect(problems).toEqual([]);
  });

  it('answers 400 naming its root key', async () => {
    expect(await outcome(t.api.post('/api/v1/promotion_codes/validate', { promotion_code: {} }))).toEqual({ status: 400, body: badRequestBody('validation') });
    const malformed = await fetch(`${t.baseUrl}/api/v1/promotion_codes/validate`, {
      method: 'POST', headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/json' }, body: '{"validation":',
    });
    expect({ status: malformed.status, body: await malformed.json() }).toEqual({ status: 400, body: badRequestBody('validation') });
  });
});
