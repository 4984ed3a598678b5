import { startTestApp, TestApp } from './support/test-app';
import {
  badRequestBody, createCoupon, createCustomer, expectStatus, ISO_SECONDS, isoIn, notFoundBody, UUID, validationBody,
} from './support/factories';
import {
  createPromotionCode, NO_RESTRICTIONS, postPromotionCode, promotionCodeByCode, PROMOTION_CODE_KEYS, uniquePromotionCode,
} from './support/promotion-code-factories';

/** Promotion codes: create, read (ignoring case), list with filters, update (deactivate), and every bad field. */
describe('promotion codes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const outcome = async (response: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await response;
    return { status, body };
  };

  describe('POST /api/v1/promotion_codes', () => {
    it('creates a code with every field, in wire key order', async () => {
      const coupon = await createCoupon(t.api, { max_redemptions: 100, expiration: 'time_limit', expiration_at: isoIn(30) });
      const customer = await createCustomer(t.api);
      const code = uniquePromotionCode('Spring');
      const expiresAt = isoIn(10);
      const response = expectStatus(await postPromotionCode(t.api, {
        coupon_code: coupon.code, code, active: false, max_redemptions: 5, expires_at: expiresAt,
        restrictions: { customer_external_id: customer.external_id, first_time_transaction: true, minimum_amount_cents: 5000, minimum_amount_currency: 'EUR' },
        metadata: { campaign: 'spring' },
      }), 200);
      expect(Object.keys(response.body)).toEqual(['promotion_code']);
      const created = response.body.promotion_code;
      expect(Object.keys(created)).toEqual(PROMOTION_CODE_KEYS);
      expect(Object.keys(created.restrictions)).toEqual(Object.keys(NO_RESTRICTIONS));
      expect(created).toEqual({
        lago_id: expect.stringMatching(UUID), code, lago_coupon_id: coupon.lago_id, coupon_code: coupon.code, active: false,
        max_redemptions: 5, redemptions_count: 0, expires_at: expiresAt,
        restrictions: { customer_external_id: customer.external_id, first_time_transaction: true, minimum_amount_cents: 5000, minimum_amount_currency: 'EUR' },
        metadata: { campaign: 'spring' }, lago_batch_id: null, created_at: expect.stringMatching(ISO_SECONDS),
      });
      expect(await promotionCodeByCode(t.api, code)).toEqual(created);
    });

    it('defaults: active, no limit, no expiry, no restrictions, {} metadata; a generated code of 8 unambiguous characters', async () => {
      const coupon = await createCoupon(t.api);
      const created = expectStatus(await postPromotionCode(t.api, { coupon_code: coupon.code }), 200).body.promotion_code;
      expect(created).toMatchObject({ active: true, max_redemptions: null, expires_at: null, restrictions: NO_RESTRICTIONS, metadata: {}, lago_batch_id: null });
      expect(created.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    });

    it('refuses a code already taken in another case (value_already_exist), also when two creates race', async () => {
      const coupon = await createCoupon(t.api);
      const code = uniquePromotionCode('Dup');
      await createPromotionCode(t.api, coupon.code, { code });
      expect(await outcome(postPromotionCode(t.api, { coupon_code: coupon.code, code: code.toLowerCase() }))).toEqual({
        status: 422, body: validationBody({ code: ['value_already_exist'] }),
      });
      const raced = uniquePromotionCode('Race');
      const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => postPromotionCode(t.api, { coupon_code: coupon.code, code: i % 2 ? raced : raced.toLowerCase() })));
      expect(responses.filter(({ status }) => status === 200)).toHaveLength(1);
      for (const response of responses.filter(({ status }) => status !== 200)) {
        expect({ status: response.status, body: response.body }).toEqual({ status: 422, body: validationBody({ code: ['value_already_exist'] }) });
      }
    });

    it('keeps codes per organization, and apart from coupon codes', async () => {
      const coupon = await createCoupon(t.api);
      const code = uniquePromotionCode('Org');
      await createPromotionCode(t.api, coupon.code, { code: coupon.code });
      await createPromotionCode(t.api, coupon.code, { code });
      const other = t.api.withKey(await t.newApiKey());
      const otherCoupon = await createCoupon(other);
      await createPromotionCode(other, otherCoupon.code, { code });
      expect((await other.get(`/api/v1/promotion_codes/${code}`)).body.promotion_code.coupon_code).toBe(otherCoupon.code);
    });

    it('answers 404 for an unknown or deleted coupon, 422 coupon_is_terminated for a terminated one', async () => {
      expect(await outcome(postPromotionCode(t.api, { coupon_code: 'NOPE-NOPE' }))).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
      const deleted = await createCoupon(t.api);
      expectStatus(await t.api.delete(`/api/v1/coupons/${deleted.code}`), 200);
      expect(await outcome(postPromotionCode(t.api, { coupon_code: deleted.code }))).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
      const terminated = await createCoupon(t.api);
      expectStatus(await t.api.post(`/api/v1/coupons/${terminated.code}/terminate`), 200);
      expect(await outcome(postPromotionCode(t.api, { coupon_code: terminated.code }))).toEqual({
        status: 422, body: validationBody({ coupon_code: ['coupon_is_terminated'] }),
      });
    });

    it('answers 404 customer_not_found for a restriction to an unknown customer', async () => {
      const coupon = await createCoupon(t.api);
      expect(await outcome(postPromotionCode(t.api, { coupon_code: coupon.code, restrictions: { customer_external_id: 'nobody' } }))).toEqual({
        status: 404, body: notFoundBody('customer_not_found'),
      });
    });

    it("keeps the code's limits inside the coupon's", async () => {
      const coupon = await createCoupon(t.api, { max_redemptions: 3, expiration: 'time_limit', expiration_at: isoIn(5) });
      expect(await outcome(postPromotionCode(t.api, { coupon_code: coupon.code, max_redemptions: 4, expires_at: isoIn(6) }))).toEqual({
        status: 422, body: validationBody({ max_redemptions: ['value_is_out_of_range'], expires_at: ['value_is_out_of_range'] }),
      });
    });

    it.each([
      ['coupon_code missing', {}, { coupon_code: ['value_is_mandatory'] }],
      ['code too short', { code: 'AB' }, { code: ['value_is_invalid'] }],
      ['code with a space', { code: 'AB CD' }, { code: ['value_is_invalid'] }],
      ['code not a string', { code: 1234 }, { code: ['value_is_invalid'] }],
      ['active null', { active: null }, { active: ['value_is_invalid'] }],
      ['active a string', { active: 'yes' }, { active: ['value_is_invalid'] }],
      ['max_redemptions 0', { max_redemptions: 0 }, { max_redemptions: ['value_is_out_of_range'] }],
      ['max_redemptions a string', { max_redemptions: '5' }, { max_redemptions: ['value_is_invalid'] }],
      ['expires_at past', { expires_at: '2001-01-01T00:00:00Z' }, { expires_at: ['invalid_date'] }],
      ['expires_at unreadable', { expires_at: 'soon' }, { expires_at: ['invalid_date'] }],
      ['restrictions not an object', { restrictions: 'none' }, { restrictions: ['value_is_invalid'] }],
      ['restriction customer not a string', { restrictions: { customer_external_id: 12 } }, { customer_external_id: ['value_is_invalid'] }],
      ['first_time_transaction null', { restrictions: { first_time_transaction: null } }, { first_time_transaction: ['value_is_invalid'] }],
      ['minimum without currency', { restrictions: { minimum_amount_cents: 100 } }, { minimum_amount_currency: ['value_is_mandatory'] }],
      ['currency without minimum', { restrictions: { minimum_amount_currency: 'EUR' } }, { minimum_amount_cents: ['value_is_mandatory'] }],
      ['minimum negative', { restrictions: { minimum_amount_cents: -1, minimum_amount_currency: 'EUR' } }, { minimum_amount_cents: ['value_is_out_of_range'] }],
      ['minimum currency lower case', { restrictions: { minimum_amount_cents: 1, minimum_amount_currency: 'eur' } }, { minimum_amount_currency: ['value_is_invalid'] }],
      ['metadata not strings', { metadata: { a: 1 } }, { metadata: ['value_is_invalid'] }],
    ])('answers a field-keyed 422 for %s', async (_label, params, details) => {
      const coupon = await createCoupon(t.api);
      const body = { coupon_code: coupon.code, code: uniquePromotionCode(), ...params };
      if ('coupon_code' in details) delete (body as Record<string, unknown>).coupon_code;
      expect(await outcome(postPromotionCode(t.api, body))).toEqual({ status: 422, body: validationBody(details) });
    });

    it('reports every field error at once, and 400 without the root object', async () => {
      const coupon = await createCoupon(t.api);
      expect(await outcome(postPromotionCode(t.api, { coupon_code: coupon.code, code: '!', active: 1, metadata: [] }))).toEqual({
        status: 422, body: validationBody({ code: ['value_is_invalid'], active: ['value_is_invalid'], metadata: ['value_is_invalid'] }),
      });
      expect(await outcome(t.api.post('/api/v1/promotion_codes', { coupon: {} }))).toEqual({ status: 400, body: badRequestBody('promotion_code') });
    });

    it('replays a create with the same Idempotency-Key', async () => {
      const coupon = await createCoupon(t.api);
      const params = { coupon_code: coupon.code };
      const first = expectStatus(await postPromotionCode(t.api, params, { 'idempotency-key': 'pc-create-1' }), 200);
      const again = expectStatus(await postPromotionCode(t.api, params, { 'idempotency-key': 'pc-create-1' }), 200);
      expect(again.body).toEqual(first.body);
    });
  });

  describe('GET /api/v1/promotion_codes/:code and the list', () => {
    it('finds a code whatever the case; 404 promotion_code_not_found otherwise', async () => {
      const coupon = await createCoupon(t.api);
      const created = await createPromotionCode(t.api, coupon.code, { code: uniquePromotionCode('Case') });
      expect(await promotionCodeByCode(t.api, created.code.toLowerCase())).toEqual(created);
      for (const path of ['NOPE-NOPE', 'a%20b', '%E2%82%AC%E2%82%AC%E2%82%AC', 'x'.repeat(65)]) {
        expect(await outcome(t.api.get(`/api/v1/promotion_codes/${path}`))).toEqual({ status: 404, body: notFoundBody('promotion_code_not_found') });
      }
    });

    it('lists newest first with Lago meta, filtered by coupon_code, active and code', async () => {
      const api = t.api.withKey(await t.newApiKey());
      const [a, b] = [await createCoupon(api), await createCoupon(api)];
      const first = await createPromotionCode(api, a.code);
      const second = await createPromotionCode(api, a.code, { active: false });
      const third = await createPromotionCode(api, b.code);
      const list = expectStatus(await api.get('/api/v1/promotion_codes'), 200).body;
      expect(Object.keys(list)).toEqual(['promotion_codes', 'meta']);
      expect(list.promotion_codes.map((code: any) => code.code)).toEqual([third.code, second.code, first.code]);
      expect(list.meta).toEqual({ current_page: 1, next_page: null, prev_page: null, total_pages: 1, total_count: 3 });
      const codes = async (query: string) => (await api.get(`/api/v1/promotion_codes?${query}`)).body.promotion_codes.map((code: any) => code.code);
      expect(await codes(`coupon_code=${a.code}`)).toEqual([second.code, first.code]);
      expect(await codes('active=false')).toEqual([second.code]);
      expect(await codes('active=true')).toEqual([third.code, first.code]);
      expect(await codes('active=maybe')).toHaveLength(3);
      expect(await codes(`code=${first.code.toLowerCase()}`)).toEqual([first.code]);
      expect(await codes('code=a%20b')).toEqual([]);
      expect(await codes('lago_batch_id=00000000-0000-0000-0000-000000000000')).toEqual([]);
      const paged = (await api.get('/api/v1/promotion_codes?per_page=2&page=2')).body;
      expect(paged.promotion_codes.map((code: any) => code.code)).toEqual([first.code]);
      expect(paged.meta).toEqual({ current_page: 2, next_page: null, prev_page: 1, total_pages: 2, total_count: 3 });
    });
  });

  describe('PUT /api/v1/promotion_codes/:code', () => {
    it('deactivates, changes expires_at and metadata; the code is found ignoring case', async () => {
      const coupon = await createCoupon(t.api);
      const created = await createPromotionCode(t.api, coupon.code, { metadata: { a: 'b' } });
      const expiresAt = isoIn(3);
      const updated = expectStatus(await t.api.put(`/api/v1/promotion_codes/${created.code.toLowerCase()}`, {
        promotion_code: { active: false, expires_at: expiresAt, metadata: { c: 'd' } },
      }), 200).body.promotion_code;
      expect(updated).toEqual({ ...created, active: false, expires_at: expiresAt, metadata: { c: 'd' } });
      const cleared = expectStatus(await t.api.put(`/api/v1/promotion_codes/${created.code}`, { promotion_code: { expires_at: null } }), 200).body.promotion_code;
      expect(cleared).toEqual({ ...updated, expires_at: null });
    });

    it('locks every other field (same value accepted), and reports bad fields', async () => {
      const coupon = await createCoupon(t.api);
      const created = await createPromotionCode(t.api, coupon.code, { max_redemptions: 2 });
      const put = (params: Record<string, unknown>) => outcome(t.api.put(`/api/v1/promotion_codes/${created.code}`, { promotion_code: params }));
      expect(await put({ code: created.code, coupon_code: coupon.code, max_redemptions: 2, active: true })).toEqual({ status: 200, body: { promotion_code: created } });
      expect(await put({ code: 'OTHER-CODE', coupon_code: 'X', max_redemptions: 3, restrictions: { first_time_transaction: true } })).toEqual({
        status: 422,
        body: validationBody({ coupon_code: ['value_is_locked'], code: ['value_is_locked'], max_redemptions: ['value_is_locked'], restrictions: ['value_is_locked'] }),
      });
      expect(await put({ active: 'no', expires_at: 'never', metadata: 'x' })).toEqual({
        status: 422, body: validationBody({ active: ['value_is_invalid'], metadata: ['value_is_invalid'], expires_at: ['invalid_date'] }),
      });
      expect(await outcome(t.api.put('/api/v1/promotion_codes/NOPE-NOPE', { promotion_code: { active: false } }))).toEqual({
        status: 404, body: notFoundBody('promotion_code_not_found'),
      });
      expect(await outcome(t.api.put(`/api/v1/promotion_codes/${created.code}`, {}))).toEqual({ status: 400, body: badRequestBody('promotion_code') });
    });
  });
});
