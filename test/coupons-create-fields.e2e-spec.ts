import { startTestApp, TestApp } from './support/test-app';
import { couponCount, couponParams, expectStatus, isoIn, percentageCouponParams, validationBody } from './support/factories';

/** Create: one field at a time — numbers, currencies, dates, limits, our additions. */
describe('POST /api/v1/coupons field rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function accepted(params: Record<string, unknown>): Promise<any> {
    return expectStatus(await t.api.post('/api/v1/coupons', { coupon: params }), 200).body.coupon;
  }

  /** The exact 422 for one field, and no row written. */
  async function refused(params: Record<string, unknown>, details: Record<string, string[]>): Promise<void> {
    const before = await couponCount(t.api);
    const response = await t.api.post('/api/v1/coupons', { coupon: params });
    expect({ status: response.status, body: response.body }).toEqual({ status: 422, body: validationBody(details) });
    expect(await couponCount(t.api)).toBe(before);
  }

  describe('percentage_rate', () => {
    it.each([
      [20, '20.0'], ['20', '20.0'], [12.5, '12.5'], ['12.50', '12.5'], [100, '100.0'], ['100.00000', '100.0'],
      [0.00001, '0.00001'], ['12.34567', '12.34567'], ['007.10', '7.1'],
    ])('accepts %j and returns %j', async (rate, expected) => {
      expect((await accepted(percentageCouponParams({ percentage_rate: rate }))).percentage_rate).toBe(expected);
    });

    it.each([
      [0, 'value_is_out_of_range'], ['0.00000', 'value_is_out_of_range'], [-5, 'value_is_out_of_range'],
      [100.00001, 'value_is_out_of_range'], ['101', 'value_is_out_of_range'],
      ['12.345678', 'value_is_invalid'], [12.345678, 'value_is_invalid'], ['abc', 'value_is_invalid'], ['', 'value_is_invalid'],
      ['1e1', 'value_is_invalid'], [true, 'value_is_invalid'], [{ value: 1 }, 'value_is_invalid'],
    ])('refuses %j with %s', async (rate, key) => {
      await refused(percentageCouponParams({ percentage_rate: rate }), { percentage_rate: [key] });
    });

    it('is mandatory on a percentage coupon', async () => {
      await refused(percentageCouponParams({ percentage_rate: undefined }), { percentage_rate: ['value_is_mandatory'] });
    });
  });

  describe('amount_cents and amount_currency', () => {
    it('accepts 2^53 - 1 and returns it as a JSON integer', async () => {
      expect((await accepted(couponParams({ amount_cents: Number.MAX_SAFE_INTEGER }))).amount_cents).toBe(Number.MAX_SAFE_INTEGER);
    });

    it.each([
      ['1000', 'value_is_invalid'], [10.5, 'value_is_invalid'], [true, 'value_is_invalid'],
      [-1, 'value_is_out_of_range'], [0, 'value_is_out_of_range'], [2 ** 53, 'value_is_out_of_range'],
    ])('refuses amount_cents %j with %s', async (amount, key) => {
      await refused(couponParams({ amount_cents: amount }), { amount_cents: [key] });
    });

    it.each(['JPY', 'BHD', 'USD'])('accepts the currency %s', async (currency) => {
      expect((await accepted(couponParams({ amount_currency: currency }))).amount_currency).toBe(currency);
    });

    it.each([['eur'], ['ABC'], ['XAU'], ['XXX'], ['EURO'], [978]])('refuses the currency %j', async (currency) => {
      await refused(couponParams({ amount_currency: currency }), { amount_currency: ['value_is_invalid'] });
    });
  });

  describe('currency_options', () => {
    it('accepts positive integer minor units per currency, whatever its exponent', async () => {
      const options = { USD: { amount_cents: 1100 }, JPY: { amount_cents: 1500 }, BHD: { amount_cents: 4125 }, CLF: { amount_cents: 10000 } };
      const coupon = await accepted(couponParams({ currency_options: options }));
      expect(coupon.currency_options).toEqual(options);
      expect((await t.api.get(`/api/v1/coupons/${coupon.code}`)).body.coupon.currency_options).toEqual(options);
    });

    it.each([
      ['a lower-case code', { usd: { amount_cents: 100 } }],
      ['a code without minor unit', { XAU: { amount_cents: 100 } }],
      ['an unknown code', { ABC: { amount_cents: 100 } }],
      ['a zero amount', { USD: { amount_cents: 0 } }],
      ['a negative amount', { USD: { amount_cents: -1 } }],
      ['a fractional amount', { JPY: { amount_cents: 12.5 } }],
      ['a string amount', { USD: { amount_cents: '100' } }],
      ['a missing amount', { USD: {} }],
      ['a list', [{ USD: { amount_cents: 100 } }]],
    ])('refuses %s', async (_label, options) => {
      await refused(couponParams({ currency_options: options }), { currency_options: ['value_is_invalid'] });
    });

    it('is refused on a percentage coupon', async () => {
      await refused(percentageCouponParams({ currency_options: { USD: { amount_cents: 100 } } }), { currency_options: ['value_is_invalid'] });
    });
  });

  describe('metadata', () => {
    const entries = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`key${i}`, `value${i}`]));

    it('accepts 50 keys, a 40-character key and a 500-character value', async () => {
      const metadata = { ...entries(48), ['k'.repeat(40)]: 'v', long: 'v'.repeat(500) };
      expect((await accepted(couponParams({ metadata }))).metadata).toEqual(metadata);
    });

    it.each([
      ['51 keys', entries(51)],
      ['a 41-character key', { ['k'.repeat(41)]: 'v' }],
      ['a 501-character value', { key: 'v'.repeat(501) }],
      ['a number value', { key: 5 }],
      ['a null value', { key: null }],
      ['a nested value', { key: { nested: 'x' } }],
      ['an empty key', { '': 'v' }],
      ['a list', ['a']],
      ['a string', 'a=b'],
    ])('refuses %s', async (_label, metadata) => {
      await refused(couponParams({ metadata }), { metadata: ['value_is_invalid'] });
    });

    it('stores a null metadata as {}', async () => {
      expect((await accepted(couponParams({ metadata: null }))).metadata).toEqual({});
    });
  });

  describe('fields that do not apply are ignored and stored as null', () => {
    it('cents and currency on a percentage coupon', async () => {
      const coupon = await accepted(percentageCouponParams({ amount_cents: 'junk', amount_currency: 'eur' }));
      expect(coupon).toMatchObject({ amount_cents: null, amount_currency: null, percentage_rate: '12.5' });
    });

    it('a rate on a fixed coupon', async () => {
      expect((await accepted(couponParams({ percentage_rate: 'junk' }))).percentage_rate).toBeNull();
    });

    it.each(['once', 'forever'])('frequency_duration on a %s coupon', async (frequency) => {
      expect((await accepted(couponParams({ frequency, frequency_duration: 3 }))).frequency_duration).toBeNull();
    });

    it('a future expiration_at on a no_expiration coupon', async () => {
      expect((await accepted(couponParams({ expiration_at: isoIn(10) }))).expiration_at).toBeNull();
    });
  });

  describe('frequency_duration', () => {
    it('is kept on a recurring coupon', async () => {
      expect((await accepted(couponParams({ frequency: 'recurring', frequency_duration: 12 }))).frequency_duration).toBe(12);
    });

    it.each([
      [undefined, 'value_is_mandatory'], [null, 'value_is_mandatory'], [0, 'value_is_out_of_range'],
      [-1, 'value_is_out_of_range'], ['3', 'value_is_invalid'], [1.5, 'value_is_invalid'],
    ])('refuses %j on a recurring coupon with %s', async (duration, key) => {
      await refused(couponParams({ frequency: 'recurring', frequency_duration: duration }), { frequency_duration: [key] });
    });
  });

  describe('expiration_at', () => {
    it.each([
      ['a bare date', '2099-03-04', '2099-03-04T00:00:00Z'],
      ['a positive offset', '2099-06-01T12:00:00+02:00', '2099-06-01T10:00:00Z'],
      ['a negative offset without colon', '2099-06-01T22:30:00-0300', '2099-06-02T01:30:00Z'],
      ['milliseconds', '2099-06-01T12:00:00.999Z', '2099-06-01T12:00:00Z'],
      ['no seconds', '2099-06-01T12:00Z', '2099-06-01T12:00:00Z'],
    ])('accepts %s', async (_label, input, expected) => {
      const coupon = await accepted(couponParams({ expiration: 'time_limit', expiration_at: input }));
      expect(coupon).toMatchObject({ expiration: 'time_limit', expiration_at: expected });
    });

    it.each([
      ['in the past', '2020-01-01T00:00:00Z'],
      ['one second ago', new Date(Date.now() - 1000).toISOString()],
      ['without a zone', '2099-06-01T12:00:00'],
      ['impossible', '2099-02-30T00:00:00Z'],
      ['in another format', '01/06/2099'],
      ['a timestamp', 4102444800],
      ['free text', 'tomorrow'],
    ])('refuses a date %s with invalid_date', async (_label, input) => {
      await refused(couponParams({ expiration: 'time_limit', expiration_at: input }), { expiration_at: ['invalid_date'] });
    });

    it('is mandatory with time_limit', async () => {
      await refused(couponParams({ expiration: 'time_limit' }), { expiration_at: ['value_is_mandatory'] });
      await refused(couponParams({ expiration: 'time_limit', expiration_at: null }), { expiration_at: ['value_is_mandatory'] });
    });
  });

  describe('reusable, max_redemptions, starts_at', () => {
    it.each([[false, false], [true, true], [undefined, true]])('reusable %j is stored as %j', async (reusable, expected) => {
      expect((await accepted(couponParams({ reusable }))).reusable).toBe(expected);
    });

    it.each([null, 'true', 1])('refuses reusable %j', async (reusable) => {
      await refused(couponParams({ reusable }), { reusable: ['value_is_invalid'] });
    });

    it.each([[1, 1], [null, null], [undefined, null]])('max_redemptions %j is stored as %j', async (max, expected) => {
      expect((await accepted(couponParams({ max_redemptions: max }))).max_redemptions).toBe(expected);
    });

    it.each([[0, 'value_is_out_of_range'], [-3, 'value_is_out_of_range'], ['5', 'value_is_invalid'], [2.5, 'value_is_invalid']])(
      'refuses max_redemptions %j with %s', async (max, key) => {
        await refused(couponParams({ max_redemptions: max }), { max_redemptions: [key] });
      },
    );

    it.each([
      ['2030-01-01T08:00:00+01:00', '2030-01-01T07:00:00Z'], ['2030-01-01', '2030-01-01T00:00:00Z'],
      ['2001-01-01T00:00:00Z', '2001-01-01T00:00:00Z'], [null, null],
    ])('starts_at %j is stored as %j', async (startsAt, expected) => {
      expect((await accepted(couponParams({ starts_at: startsAt }))).starts_at).toBe(expected);
    });

    it.each(['2030-01-01T08:00:00', '2030-13-01', '1/1/2030', 'soon', 1893456000, '2030-01-01 08:00:00Z'])(
      'refuses starts_at %j with value_is_invalid', async (startsAt) => {
        await refused(couponParams({ starts_at: startsAt }), { starts_at: ['value_is_invalid'] });
      },
    );
  });

  describe('lengths and types of text fields', () => {
    it('accepts a 255-character name and a 10 000-character description', async () => {
      const coupon = await accepted(couponParams({ name: 'n'.repeat(255), description: 'd'.repeat(10_000) }));
      expect([coupon.name.length, coupon.description.length]).toEqual([255, 10_000]);
    });

    it('counts characters, not bytes', async () => {
      expect((await accepted(couponParams({ name: 'é'.repeat(255) }))).name).toBe('é'.repeat(255));
    });

    it.each([
      ['name', 'n'.repeat(256), 'value_is_out_of_range'], ['description', 'd'.repeat(10_001), 'value_is_out_of_range'],
      ['name', 42, 'value_is_invalid'], ['description', ['x'], 'value_is_invalid'],
      ['name', '  ', 'value_is_mandatory'], ['coupon_type', 1, 'value_is_invalid'], ['frequency', 'ONCE', 'value_is_invalid'],
    ])('refuses %s %j with %s', async (field, value, key) => {
      await refused(couponParams({ [field]: value }), { [field]: [key] });
    });
  });
});
