import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './support/test-app';
import {
  badRequestBody, COUPON_KEYS, couponCount, couponParams, createMetric, createPlan, expectStatus, ISO_SECONDS, isoIn,
  notAllowedBody, notFoundBody, percentageCouponParams, uniqueCode, UUID, validationBody,
} from './support/factories';

/** Create: wire shape, order of checks, codes and the request envelope. */
describe('POST /api/v1/coupons', () => {
  let t: TestApp;
  let planCode: string;
  let metricCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    metricCode = (await createMetric(t.api)).code;
    planCode = (await createPlan(t.api)).code;
  });
  afterAll(() => t.close());

  const post = (body: unknown) => t.api.post('/api/v1/coupons', body);

  /** Posts, checks the exact error response, and checks that nothing was written. */
  async function expectRejected(body: unknown, status: number, expected: unknown): Promise<void> {
    const before = await couponCount(t.api);
    const response = await post(body);
    expect({ status: response.status, body: response.body }).toEqual({ status, body: expected });
    expect(await couponCount(t.api)).toBe(before);
  }

  describe('success', () => {
    it("answers 200 with the coupon in Lago's key order, nulls present", async () => {
      const code = uniqueCode();
      const response = expectStatus(await post({ coupon: couponParams({ code, description: null }) }), 200);
      expect(Object.keys(response.body)).toEqual(['coupon']);
      const coupon = response.body.coupon;
      expect(Object.keys(coupon)).toEqual(COUPON_KEYS);
      expect(coupon.lago_id).toMatch(UUID);
      expect(coupon.created_at).toMatch(ISO_SECONDS);
      expect(Math.abs(Date.parse(coupon.created_at) - Date.now())).toBeLessThan(60_000);
      expect(coupon).toEqual({
        lago_id: coupon.lago_id, name: 'Ten euros off', code, description: null, coupon_type: 'fixed_amount',
        amount_cents: 1000, amount_currency: 'EUR', percentage_rate: null, frequency: 'once', frequency_duration: null,
        reusable: true, limited_plans: false, limited_billable_metrics: false, plan_codes: [], billable_metric_codes: [],
        created_at: coupon.created_at, expiration: 'no_expiration', expiration_at: null, terminated_at: null,
        status: 'active', max_redemptions: null, redemptions_count: 0, starts_at: null, metadata: {}, currency_options: {},
      });
      expect((await t.api.get(`/api/v1/coupons/${code}`)).body).toEqual(response.body);
    });

    it('serializes a limited percentage coupon with every optional field', async () => {
      const expirationAt = isoIn(30);
      const coupon = expectStatus(await post({ coupon: percentageCouponParams({
        description: 'Spring', percentage_rate: 20, frequency: 'recurring', frequency_duration: 3, expiration: 'time_limit',
        expiration_at: expirationAt, reusable: false, applies_to: { plan_codes: [planCode] }, max_redemptions: 10,
        starts_at: '2030-01-01T00:00:00Z', metadata: { campaign: 'spring' },
      }) }), 200).body.coupon;
      expect(Object.keys(coupon)).toEqual(COUPON_KEYS);
      expect(coupon).toMatchObject({
        description: 'Spring', coupon_type: 'percentage', amount_cents: null, amount_currency: null, percentage_rate: '20.0',
        frequency: 'recurring', frequency_duration: 3, reusable: false, limited_plans: true, limited_billable_metrics: false,
        plan_codes: [planCode], billable_metric_codes: [], expiration: 'time_limit', expiration_at: expirationAt,
        max_redemptions: 10, starts_at: '2030-01-01T00:00:00Z', metadata: { campaign: 'spring' }, currency_options: {},
      });
    });

    it('limits to billable metrics', async () => {
      const coupon = expectStatus(await post({ coupon: couponParams({ applies_to: { billable_metric_codes: [metricCode] } }) }), 200).body.coupon;
      expect(coupon).toMatchObject({ limited_plans: false, limited_billable_metrics: true, plan_codes: [], billable_metric_codes: [metricCode] });
    });

    it('ignores unknown and read-only keys', async () => {
      const coupon = expectStatus(await post({ coupon: couponParams({
        foo: 'bar', lago_id: 'not-a-uuid', status: 'terminated', redemptions_count: 7, terminated_at: '2020-01-01T00:00:00Z',
        created_at: '2020-01-01T00:00:00Z', limited_plans: true,
      }) }), 200).body.coupon;
      expect(coupon.lago_id).toMatch(UUID);
      expect(coupon).toMatchObject({ status: 'active', redemptions_count: 0, terminated_at: null, limited_plans: false });
      expect(coupon.created_at).not.toBe('2020-01-01T00:00:00Z');
      expect(coupon).not.toHaveProperty('foo');
    });
  });

  describe('order of checks', () => {
    it('invalid_date beats plans_not_found, billable_metrics_not_found, 405 and field errors', async () => {
      await expectRejected(
        { coupon: { expiration_at: '2001-01-01T00:00:00Z', applies_to: { plan_codes: ['nope'], billable_metric_codes: ['nope'] } } },
        422, validationBody({ expiration_at: ['invalid_date'] }),
      );
    });

    it('plans_not_found beats billable_metrics_not_found', async () => {
      await expectRejected({ coupon: { applies_to: { plan_codes: [planCode, 'nope'], billable_metric_codes: ['nope'] } } }, 404, notFoundBody('plans_not_found'));
    });

    it('billable_metrics_not_found beats 405', async () => {
      await expectRejected({ coupon: { applies_to: { plan_codes: [planCode], billable_metric_codes: [metricCode, 'nope'] } } }, 404, notFoundBody('billable_metrics_not_found'));
    });

    it('405 beats field errors', async () => {
      await expectRejected(
        { coupon: { name: '', applies_to: { plan_codes: [planCode], billable_metric_codes: [metricCode] } } },
        405, notAllowedBody('only_one_limitation_type_per_coupon_allowed'),
      );
    });

    it('reports every field error together', async () => {
      await expectRejected({ coupon: { coupon_type: 'bogus', reusable: null, code: '' } }, 422, validationBody({
        name: ['value_is_mandatory'], code: ['value_is_mandatory'], coupon_type: ['value_is_invalid'],
        frequency: ['value_is_mandatory'], expiration: ['value_is_mandatory'], reusable: ['value_is_invalid'],
      }));
      await expectRejected(
        { coupon: couponParams({ amount_cents: undefined, amount_currency: undefined, frequency: 'recurring', expiration: 'time_limit' }) },
        422, validationBody({
          amount_cents: ['value_is_mandatory'], amount_currency: ['value_is_mandatory'],
          frequency_duration: ['value_is_mandatory'], expiration_at: ['value_is_mandatory'],
        }),
      );
      await expectRejected({ coupon: percentageCouponParams({ percentage_rate: null, frequency: 'weekly', expiration: 'never' }) }, 422, validationBody({
        frequency: ['value_is_invalid'], expiration: ['value_is_invalid'], percentage_rate: ['value_is_mandatory'],
      }));
    });
  });

  describe('codes', () => {
    const GENERATED = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/;

    it.each([['absent', undefined], ['null', null]])('generates a readable unique code when %s', async (_label, code) => {
      const first = expectStatus(await post({ coupon: couponParams({ code }) }), 200).body.coupon;
      const second = expectStatus(await post({ coupon: couponParams({ code }) }), 200).body.coupon;
      expect(first.code).toMatch(GENERATED);
      expect(first.code).not.toMatch(/[01OIL]/);
      expect(second.code).not.toBe(first.code);
      expect((await t.api.get(`/api/v1/coupons/${first.code}`)).body.coupon.lago_id).toBe(first.lago_id);
    });

    it.each([
      ['empty', '', 'value_is_mandatory'],
      ['blank', '   ', 'value_is_mandatory'],
      ['with a space', 'a b', 'value_is_invalid'],
      ['with a tab', 'a\tb', 'value_is_invalid'],
      ['with a slash', 'a/b', 'value_is_invalid'],
      ['a number', 42, 'value_is_invalid'],
      ['256 characters', 'x'.repeat(256), 'value_is_out_of_range'],
    ])('refuses a code %s', async (_label, code, key) => {
      await expectRejected({ coupon: couponParams({ code }) }, 422, validationBody({ code: [key] }));
    });

    it('accepts a 255-character code', async () => {
      const code = 'y'.repeat(255);
      expect(expectStatus(await post({ coupon: couponParams({ code }) }), 200).body.coupon.code).toBe(code);
    });

    it('refuses a duplicate code', async () => {
      const code = uniqueCode();
      expectStatus(await post({ coupon: couponParams({ code }) }), 200);
      await expectRejected({ coupon: couponParams({ code }) }, 422, validationBody({ code: ['value_already_exist'] }));
    });

    it('reports value_already_exist together with other field errors', async () => {
      const code = uniqueCode();
      expectStatus(await post({ coupon: couponParams({ code }) }), 200);
      await expectRejected({ coupon: couponParams({ code, name: null }) }, 422, validationBody({
        name: ['value_is_mandatory'], code: ['value_already_exist'],
      }));
    });

    it('lets exactly one of 10 racing creates with one code win', async () => {
      const code = uniqueCode('RACE');
      const responses = await Promise.all(Array.from({ length: 10 }, () => post({ coupon: couponParams({ code }) })));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, ...Array(9).fill(422)]);
      for (const response of responses.filter((r) => r.status === 422)) {
        expect(response.body).toEqual(validationBody({ code: ['value_already_exist'] }));
      }
      const [{ count }] = await t.app.get(DataSource).query('SELECT COUNT(*) AS count FROM coupons WHERE code = ?', [code]);
      expect(Number(count)).toBe(1);
      const listed = await t.api.get(`/api/v1/coupons?search_term=${code}`);
      expect(listed.body.meta.total_count).toBe(1);
    });

    it('is case-sensitive', async () => {
      const base = uniqueCode('case');
      const upper = expectStatus(await post({ coupon: couponParams({ code: base.toUpperCase(), name: 'upper' }) }), 200).body.coupon;
      const lower = expectStatus(await post({ coupon: couponParams({ code: base.toLowerCase(), name: 'lower' }) }), 200).body.coupon;
      expect(upper.lago_id).not.toBe(lower.lago_id);
      expect((await t.api.get(`/api/v1/coupons/${base.toLowerCase()}`)).body.coupon.name).toBe('lower');
      expect((await t.api.get(`/api/v1/coupons/${base.toUpperCase()}`)).body.coupon.name).toBe('upper');
    });

    it.each(["a'b;--", 'x"OR\'1\'=\'1\'#', '50%_off\\', 'ça-va.ok_ü', 'emoji-🎟️'])('stores and finds the code %j verbatim', async (code) => {
      const coupon = expectStatus(await post({ coupon: couponParams({ code }) }), 200).body.coupon;
      expect(coupon.code).toBe(code);
      const read = expectStatus(await t.api.get(`/api/v1/coupons/${encodeURIComponent(code)}`), 200);
      expect(read.body.coupon).toEqual(coupon);
    });
  });

  describe('request envelope', () => {
    const bad = badRequestBody('coupon');
    it.each([
      ['an empty coupon', { coupon: {} }],
      ['no root key', couponParams()],
      ['a null root', { coupon: null }],
      ['an array root', { coupon: [couponParams()] }],
      ['a string root', { coupon: 'x' }],
      ['an array body', [{ coupon: couponParams() }]],
      ['malformed JSON', '{"coupon": {"name": "x",'],
      ['an empty body', ''],
      ['a JSON scalar', '42'],
    ])('answers 400 to %s', async (_label, body) => {
      await expectRejected(body, 400, bad);
    });

    it('refuses __proto__ keys without polluting prototypes', async () => {
      const body = JSON.stringify({ coupon: couponParams() }).replace('"name"', '"metadata":{"__proto__":{"polluted":"yes"}},"name"');
      await expectRejected(body, 400, bad);
      const constructorBody = JSON.stringify({ coupon: couponParams({ metadata: { constructor: { prototype: { polluted: 'yes' } } } }) });
      const response = await post(constructorBody);
      expect([400, 422]).toContain(response.status);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
