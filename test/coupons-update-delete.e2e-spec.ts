import { DataSource } from 'typeorm';
import { ExpireCouponsService } from '../apps/api/src/coupons/expire-coupons.service';
import { startTestApp, TestApp } from './support/test-app';
import {
  badRequestBody, couponCount, createCoupon, createMetric, createPercentageCoupon, createPlan, expectStatus, ISO_SECONDS,
  isoIn, notAllowedBody, notFoundBody, uniqueCode, validationBody,
} from './support/factories';

/** PUT/PATCH, DELETE, terminate and the expiry sweep. */
describe('changing coupons', () => {
  let t: TestApp;
  let planCode: string;
  let otherPlanCode: string;
  let metricCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    metricCode = (await createMetric(t.api)).code;
    planCode = (await createPlan(t.api)).code;
    otherPlanCode = (await createPlan(t.api)).code;
  });
  afterAll(() => t.close());

  const put = (code: string, coupon: unknown) => t.api.put(`/api/v1/coupons/${encodeURIComponent(code)}`, { coupon });
  const read = async (code: string) => (await t.api.get(`/api/v1/coupons/${encodeURIComponent(code)}`)).body.coupon;

  /** The exact error, and the coupon exactly as it was. */
  async function expectUpdateRefused(code: string, coupon: unknown, status: number, expected: unknown): Promise<void> {
    const before = await read(code);
    const response = await put(code, coupon);
    expect({ status: response.status, body: response.body }).toEqual({ status, body: expected });
    expect(await read(code)).toEqual(before);
  }

  describe('PUT and PATCH', () => {
    it.each(['put', 'patch'] as const)('%s changes only the keys given', async (method) => {
      const coupon = await createCoupon(t.api, { description: 'old', metadata: { a: '1' }, applies_to: { plan_codes: [planCode] } });
      const response = expectStatus(await t.api[method](`/api/v1/coupons/${coupon.code}`, { coupon: { name: 'Renamed' } }), 200);
      expect(response.body).toEqual({ coupon: { ...coupon, name: 'Renamed' } });
      expect(await read(coupon.code)).toEqual({ ...coupon, name: 'Renamed' });
    });

    it('changes every field with the same checks as create', async () => {
      const coupon = await createCoupon(t.api);
      const expirationAt = isoIn(40);
      const changed = expectStatus(await put(coupon.code, {
        name: 'All new', description: 'desc', coupon_type: 'percentage', percentage_rate: '33.30', frequency: 'recurring',
        frequency_duration: 6, expiration: 'time_limit', expiration_at: expirationAt, reusable: false, max_redemptions: 9,
        starts_at: '2031-02-03', metadata: { k: 'v' }, applies_to: { billable_metric_codes: [metricCode] },
      }), 200).body.coupon;
      expect(changed).toEqual({
        ...coupon, name: 'All new', description: 'desc', coupon_type: 'percentage', amount_cents: null, amount_currency: null,
        percentage_rate: '33.3', frequency: 'recurring', frequency_duration: 6, expiration: 'time_limit', expiration_at: expirationAt,
        reusable: false, max_redemptions: 9, starts_at: '2031-02-03T00:00:00Z', metadata: { k: 'v' },
        limited_billable_metrics: true, billable_metric_codes: [metricCode],
      });
    });

    it('asks for the fields a new type needs', async () => {
      const coupon = await createPercentageCoupon(t.api);
      await expectUpdateRefused(coupon.code, { coupon_type: 'fixed_amount', name: '' }, 422, validationBody({
        name: ['value_is_mandatory'], amount_cents: ['value_is_mandatory'], amount_currency: ['value_is_mandatory'],
      }));
      await expectUpdateRefused(coupon.code, { frequency: 'recurring', percentage_rate: '1.123456', metadata: { k: 1 } }, 422, validationBody({
        percentage_rate: ['value_is_invalid'], frequency_duration: ['value_is_mandatory'], metadata: ['value_is_invalid'],
      }));
      await expectUpdateRefused(coupon.code, { expiration: 'time_limit' }, 422, validationBody({ expiration_at: ['value_is_mandatory'] }));
      await expectUpdateRefused(coupon.code, { reusable: null, code: '' }, 422, validationBody({
        code: ['value_is_mandatory'], reusable: ['value_is_invalid'],
      }));
      await expectUpdateRefused(coupon.code, { code: null }, 422, validationBody({ code: ['value_is_mandatory'] }));
    });

    it('switching to no_expiration clears expiration_at', async () => {
      const coupon = await createCoupon(t.api, { expiration: 'time_limit', expiration_at: isoIn(5) });
      const changed = expectStatus(await put(coupon.code, { expiration: 'no_expiration' }), 200).body.coupon;
      expect(changed).toMatchObject({ expiration: 'no_expiration', expiration_at: null });
      const again = expectStatus(await put(coupon.code, { expiration: 'time_limit', expiration_at: '2099-12-31' }), 200).body.coupon;
      expect(again).toMatchObject({ expiration: 'time_limit', expiration_at: '2099-12-31T00:00:00Z' });
    });

    it('applies_to: absent keeps, [] clears, a new list replaces', async () => {
      const coupon = await createCoupon(t.api, { applies_to: { plan_codes: [planCode, otherPlanCode] } });
      expect((expectStatus(await put(coupon.code, { name: 'x', applies_to: {} }), 200).body.coupon).plan_codes.sort())
        .toEqual([planCode, otherPlanCode].sort());
      const replaced = expectStatus(await put(coupon.code, { applies_to: { plan_codes: [otherPlanCode] } }), 200).body.coupon;
      expect(replaced).toMatchObject({ limited_plans: true, plan_codes: [otherPlanCode] });
      const cleared = expectStatus(await put(coupon.code, { applies_to: { plan_codes: [] } }), 200).body.coupon;
      expect(cleared).toMatchObject({ limited_plans: false, plan_codes: [], limited_billable_metrics: false, billable_metric_codes: [] });
      expect(await read(coupon.code)).toEqual(cleared);
      const switched = expectStatus(await put(coupon.code, { applies_to: { billable_metric_codes: [metricCode] } }), 200).body.coupon;
      expect(switched).toMatchObject({ limited_plans: false, limited_billable_metrics: true, billable_metric_codes: [metricCode] });
    });

    it('renames: to a free code, to its own code, never to a taken one', async () => {
      const taken = await createCoupon(t.api);
      const coupon = await createCoupon(t.api);
      const newCode = uniqueCode('renamed');
      expectStatus(await put(coupon.code, { code: coupon.code }), 200);
      await expectUpdateRefused(coupon.code, { code: taken.code }, 422, validationBody({ code: ['value_already_exist'] }));
      await expectUpdateRefused(coupon.code, { code: 'has space' }, 422, validationBody({ code: ['value_is_invalid'] }));
      const renamed = expectStatus(await put(coupon.code, { code: newCode }), 200).body.coupon;
      expect(renamed).toEqual({ ...coupon, code: newCode });
      expect((await t.api.get(`/api/v1/coupons/${coupon.code}`)).status).toBe(404);
      expect(await read(newCode)).toEqual(renamed);
    });

    it('lets one of two racing renames to the same code win', async () => {
      const [first, second] = [await createCoupon(t.api), await createCoupon(t.api)];
      const target = uniqueCode('race');
      const responses = await Promise.all([put(first.code, { code: target }), put(second.code, { code: target })]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 422]);
      expect(responses.find((response) => response.status === 422)!.body).toEqual(validationBody({ code: ['value_already_exist'] }));
    });

    it('stores JSON columns on update', async () => {
      const coupon = await createCoupon(t.api, { metadata: { a: '1' } });
      const options = { USD: { amount_cents: 1100 }, JPY: { amount_cents: 1500 } };
      const changed = expectStatus(await put(coupon.code, { metadata: { b: '2' }, currency_options: options }), 200).body.coupon;
      expect(changed).toEqual({ ...coupon, metadata: { b: '2' }, currency_options: options });
      expect(await read(coupon.code)).toEqual(changed);
    });

    it('never undoes a terminate that races with edits', async () => {
      const coupon = await createCoupon(t.api);
      const edits = Array.from({ length: 8 }, (_, i) => put(coupon.code, { description: `edit ${i}` }));
      const terminate = t.api.post(`/api/v1/coupons/${coupon.code}/terminate`);
      const responses = await Promise.all([...edits, terminate]);
      expect(responses.map((response) => response.status)).toEqual(Array(9).fill(200));
      expect(await read(coupon.code)).toMatchObject({ status: 'terminated', terminated_at: expect.stringMatching(ISO_SECONDS) });
    });

    it('answers 400 to a missing or empty root', async () => {
      const coupon = await createCoupon(t.api);
      for (const body of [{ coupon: {} }, { name: 'x' }, []]) {
        const response = await t.api.put(`/api/v1/coupons/${coupon.code}`, body);
        expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: badRequestBody('coupon') });
      }
    });
  });

  describe('order of checks on update', () => {
    let code: string;
    beforeAll(async () => {
      code = (await createCoupon(t.api, { applies_to: { plan_codes: [planCode] } })).code;
    });

    it('404 comes first', async () => {
      const response = await put('no-such-coupon', { expiration_at: '2001-01-01T00:00:00Z', applies_to: { plan_codes: ['nope'] } });
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
    });

    it('then invalid_date', async () => {
      await expectUpdateRefused(code, { expiration_at: 'yesterday', applies_to: { plan_codes: ['nope'] } }, 422, validationBody({ expiration_at: ['invalid_date'] }));
    });

    it('then plans_not_found, then billable_metrics_not_found', async () => {
      await expectUpdateRefused(code, { applies_to: { plan_codes: ['nope'], billable_metric_codes: ['nope'] } }, 404, notFoundBody('plans_not_found'));
      await expectUpdateRefused(code, { applies_to: { billable_metric_codes: ['nope'] } }, 404, notFoundBody('billable_metrics_not_found'));
    });

    it('then 405, also against the plans the coupon keeps', async () => {
      await expectUpdateRefused(code, { name: '', applies_to: { billable_metric_codes: [metricCode] } }, 405,
        notAllowedBody('only_one_limitation_type_per_coupon_allowed'));
    });

    it('then one 422 with every field error', async () => {
      await expectUpdateRefused(code, { name: '', amount_cents: 0, amount_currency: 'usd' }, 422, validationBody({
        name: ['value_is_mandatory'], amount_cents: ['value_is_out_of_range'], amount_currency: ['value_is_invalid'],
      }));
    });
  });

  describe('DELETE', () => {
    it('soft-deletes, answers the coupon as it was, and frees the code', async () => {
      const coupon = await createCoupon(t.api, { applies_to: { plan_codes: [planCode] }, metadata: { a: 'b' } });
      const count = await couponCount(t.api);
      const response = expectStatus(await t.api.delete(`/api/v1/coupons/${coupon.code}`), 200);
      expect(response.body).toEqual({ coupon });
      expect(await couponCount(t.api)).toBe(count - 1);
      for (const response of [
        await t.api.get(`/api/v1/coupons/${coupon.code}`), await t.api.delete(`/api/v1/coupons/${coupon.code}`),
        await put(coupon.code, { name: 'x' }), await t.api.post(`/api/v1/coupons/${coupon.code}/terminate`),
      ]) {
        expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
      }
      const listed = (await t.api.get(`/api/v1/coupons?search_term=${coupon.code}`)).body;
      expect(listed.coupons).toEqual([]);
      const reborn = await createCoupon(t.api, { code: coupon.code, name: 'Reborn' });
      expect(reborn.lago_id).not.toBe(coupon.lago_id);
      expect(await read(coupon.code)).toEqual(reborn);
    });

    it('answers a terminated coupon as it was', async () => {
      const coupon = await createCoupon(t.api);
      const terminated = expectStatus(await t.api.post(`/api/v1/coupons/${coupon.code}/terminate`), 200).body.coupon;
      expect((await t.api.delete(`/api/v1/coupons/${coupon.code}`)).body).toEqual({ coupon: terminated });
    });
  });

  describe('terminate', () => {
    it('is idempotent and keeps the first terminated_at', async () => {
      const coupon = await createCoupon(t.api);
      const first = expectStatus(await t.api.post(`/api/v1/coupons/${coupon.code}/terminate`), 200).body.coupon;
      expect(first).toEqual({ ...coupon, status: 'terminated', terminated_at: first.terminated_at });
      expect(first.terminated_at).toMatch(ISO_SECONDS);
      const stored = async () =>
        (await t.app.get(DataSource).query('SELECT terminated_at FROM coupons WHERE lago_id = ?', [coupon.lago_id]))[0].terminated_at;
      const firstInstant = new Date(await stored()).getTime();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = expectStatus(await t.api.post(`/api/v1/coupons/${coupon.code}/terminate`), 200).body.coupon;
      expect(second).toEqual(first);
      expect(new Date(await stored()).getTime()).toBe(firstInstant);
      expect(await read(coupon.code)).toEqual(first);
      const listed = (await t.api.get(`/api/v1/coupons?status=terminated&search_term=${coupon.code}`)).body.coupons;
      expect(listed).toEqual([first]);
    });

    it('answers 404 for an unknown code', async () => {
      const response = await t.api.post('/api/v1/coupons/nope/terminate');
      expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: notFoundBody('coupon_not_found') });
    });
  });

  describe('expiry sweep', () => {
    it('terminates coupons whose expiration_at has passed, once', async () => {
      const sweep = t.app.get(ExpireCouponsService);
      expect(await sweep.call()).toBe(0);
      const expiresAt = new Date(Math.ceil((Date.now() + 1200) / 1000) * 1000);
      const expiring = await createCoupon(t.api, { expiration: 'time_limit', expiration_at: expiresAt.toISOString() });
      const later = await createCoupon(t.api, { expiration: 'time_limit', expiration_at: isoIn(1) });
      const forever = await createCoupon(t.api);
      await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 50));

      // Until the sweep runs, GET shows the stored status.
      expect((await read(expiring.code)).status).toBe('active');
      expect(await sweep.call()).toBe(1);
      const expired = await read(expiring.code);
      expect(expired).toEqual({ ...expiring, status: 'terminated', terminated_at: expired.terminated_at });
      expect(Date.parse(expired.terminated_at)).toBeGreaterThanOrEqual(expiresAt.getTime());
      expect(await read(later.code)).toEqual(later);
      expect(await read(forever.code)).toEqual(forever);
      expect(await sweep.call()).toBe(0);
      expect(await read(expiring.code)).toEqual(expired);
    });
  });
});
