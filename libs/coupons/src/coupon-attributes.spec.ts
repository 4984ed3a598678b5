import fc from 'fast-check';
import { buildCouponAttributes } from './coupon-attributes';

const MAX = Number.MAX_SAFE_INTEGER;
const fixed = {
  name: 'Summer', code: 'SUMMER', coupon_type: 'fixed_amount', amount_cents: 1000, amount_currency: 'EUR',
  frequency: 'once', expiration: 'no_expiration',
};
const percentage = {
  name: 'Ten', code: 'TEN', coupon_type: 'percentage', percentage_rate: '10', frequency: 'forever',
  expiration: 'no_expiration',
};
const create = (input: Record<string, unknown>) => buildCouponAttributes(input, null);
const errorsOf = (input: Record<string, unknown>) => create(input).errors;

describe('buildCouponAttributes on create', () => {
  it('builds a fixed coupon with the defaults', () => {
    expect(create(fixed)).toEqual({
      errors: {},
      attributes: {
        name: 'Summer', code: 'SUMMER', description: null, couponType: 'fixed_amount', amountCents: 1000,
        amountCurrency: 'EUR', percentageRate: null, frequency: 'once', frequencyDuration: null,
        expiration: 'no_expiration', expirationAt: null, reusable: true, maxRedemptions: null, startsAt: null,
        metadata: {}, currencyOptions: {},
      },
    });
  });

  it('builds a full percentage coupon with every optional field', () => {
    const { attributes, errors } = create({
      ...percentage, percentage_rate: 12.5, frequency: 'recurring', frequency_duration: 3, expiration: 'time_limit',
      expiration_at: '2030-01-01T10:00:00+01:00', reusable: false, max_redemptions: 5, starts_at: '2029-12-01',
      metadata: { team: 'growth' }, description: 'Ten percent', applies_to: { plan_codes: ['p'] }, unknown_key: 1,
    });
    expect(errors).toEqual({});
    expect(attributes).toEqual({
      name: 'Ten', code: 'TEN', description: 'Ten percent', couponType: 'percentage', amountCents: null,
      amountCurrency: null, percentageRate: '12.5', frequency: 'recurring', frequencyDuration: 3,
      expiration: 'time_limit', expirationAt: new Date('2030-01-01T09:00:00Z'), reusable: false, maxRedemptions: 5,
      startsAt: new Date('2029-12-01T00:00:00Z'), metadata: { team: 'growth' }, currencyOptions: {},
    });
  });

  it('reports every missing mandatory field of an empty coupon at once', () => {
    expect(errorsOf({})).toEqual({
      name: ['value_is_mandatory'], coupon_type: ['value_is_mandatory'], frequency: ['value_is_mandatory'],
      expiration: ['value_is_mandatory'],
    });
  });

  it('leaves a missing or null code for the API to generate', () => {
    const { code: _code, ...noCode } = fixed;
    expect(create(noCode)).toMatchObject({ errors: {}, attributes: { code: null } });
    expect(create({ ...fixed, code: null })).toMatchObject({ errors: {}, attributes: { code: null } });
  });

  it.each<[string, unknown, string]>([
    ['name', null, 'value_is_mandatory'], ['name', '', 'value_is_mandatory'], ['name', '   ', 'value_is_mandatory'],
    ['name', 12, 'value_is_invalid'], ['name', 'n'.repeat(256), 'value_is_out_of_range'],
    ['code', '', 'value_is_mandatory'], ['code', ' ', 'value_is_mandatory'], ['code', 12, 'value_is_invalid'],
    ['code', 'c'.repeat(256), 'value_is_out_of_range'], ['code', 'a b', 'value_is_invalid'], ['code', 'a/b', 'value_is_invalid'],
    ['description', 5, 'value_is_invalid'], ['description', 'd'.repeat(10001), 'value_is_out_of_range'],
    ['coupon_type', null, 'value_is_mandatory'], ['coupon_type', 'FIXED_AMOUNT', 'value_is_invalid'],
    ['coupon_type', 1, 'value_is_invalid'], ['frequency', 'weekly', 'value_is_invalid'], ['frequency', null, 'value_is_mandatory'],
    ['expiration', 'never', 'value_is_invalid'], ['expiration', true, 'value_is_invalid'],
    ['amount_cents', null, 'value_is_mandatory'], ['amount_cents', '1000', 'value_is_invalid'], ['amount_cents', 10.5, 'value_is_invalid'],
    ['amount_cents', 0, 'value_is_out_of_range'], ['amount_cents', -1, 'value_is_out_of_range'],
    ['amount_cents', MAX + 1, 'value_is_out_of_range'], ['amount_currency', null, 'value_is_mandatory'],
    ['amount_currency', 'eur', 'value_is_invalid'], ['amount_currency', 'XAU', 'value_is_invalid'], ['amount_currency', 978, 'value_is_invalid'],
    ['reusable', null, 'value_is_invalid'], ['reusable', 'true', 'value_is_invalid'],
    ['max_redemptions', 0, 'value_is_out_of_range'], ['max_redemptions', MAX + 1, 'value_is_out_of_range'],
    ['max_redemptions', '5', 'value_is_invalid'], ['max_redemptions', 1.5, 'value_is_invalid'],
    ['starts_at', '2026-02-30', 'value_is_invalid'], ['starts_at', '2026-01-01T10:00:00', 'value_is_invalid'],
    ['starts_at', 1767225600, 'value_is_invalid'], ['metadata', [], 'value_is_invalid'], ['metadata', { k: 1 }, 'value_is_invalid'],
    ['metadata', 'x', 'value_is_invalid'], ['currency_options', { eur: { amount_cents: 1 } }, 'value_is_invalid'],
    ['currency_options', [], 'value_is_invalid'],
  ])('rejects %s = %p with %s', (field, value, key) => {
    expect(errorsOf({ ...fixed, [field]: value })).toEqual({ [field]: [key] });
  });

  it.each<[string, unknown]>([
    ['name', 'n'.repeat(255)], ['code', 'c'.repeat(255)], ['code', 'v1.2_x-Y'], ['description', 'd'.repeat(10000)],
    ['description', null], ['amount_cents', 1], ['amount_cents', MAX], ['amount_currency', 'JPY'], ['amount_currency', 'CLF'],
    ['reusable', false], ['max_redemptions', 1], ['max_redemptions', MAX], ['max_redemptions', null], ['starts_at', null],
    ['starts_at', '2020-01-01T00:00:00Z'], ['metadata', null], ['currency_options', null],
  ])('accepts %s = %p', (field, value) => {
    expect(errorsOf({ ...fixed, [field]: value })).toEqual({});
  });

  it('reports a missing amount and currency on a fixed coupon', () => {
    const { amount_cents: _a, amount_currency: _c, ...rest } = fixed;
    expect(errorsOf(rest)).toEqual({ amount_cents: ['value_is_mandatory'], amount_currency: ['value_is_mandatory'] });
  });

  it('collects errors of several fields together', () => {
    expect(errorsOf({ ...fixed, name: '', amount_cents: 0, amount_currency: 'usd', reusable: null, metadata: [] })).toEqual({
      name: ['value_is_mandatory'], amount_cents: ['value_is_out_of_range'], amount_currency: ['value_is_invalid'],
      reusable: ['value_is_invalid'], metadata: ['value_is_invalid'],
    });
  });

  describe('percentage coupons', () => {
    it.each<[unknown, string]>([
      [null, 'value_is_mandatory'], ['abc', 'value_is_invalid'], ['1.123456', 'value_is_invalid'], [0, 'value_is_out_of_range'],
      [100.5, 'value_is_out_of_range'], ['-5', 'value_is_out_of_range'],
    ])('rejects percentage_rate %p with %s', (rate, key) => {
      expect(errorsOf({ ...percentage, percentage_rate: rate })).toEqual({ percentage_rate: [key] });
    });

    it('requires a rate', () => {
      const { percentage_rate: _r, ...rest } = percentage;
      expect(errorsOf(rest)).toEqual({ percentage_rate: ['value_is_mandatory'] });
    });

    it.each<[unknown, string]>([[20, '20.0'], ['12.50', '12.5'], [100, '100.0'], [0.00001, '0.00001']])(
      'stores %p as %s',
      (rate, stored) => {
        expect(create({ ...percentage, percentage_rate: rate }).attributes.percentageRate).toBe(stored);
      },
    );

    it('ignores (and nulls) amount fields, even invalid ones', () => {
      expect(create({ ...percentage, amount_cents: 'oops', amount_currency: 'eur' })).toMatchObject({
        errors: {}, attributes: { amountCents: null, amountCurrency: null, percentageRate: '10.0' },
      });
    });

    it('refuses non-empty currency options but accepts an empty or null map', () => {
      expect(errorsOf({ ...percentage, currency_options: { USD: { amount_cents: 1 } } }))
        .toEqual({ currency_options: ['value_is_invalid'] });
      expect(errorsOf({ ...percentage, currency_options: 'x' })).toEqual({ currency_options: ['value_is_invalid'] });
      expect(create({ ...percentage, currency_options: {} })).toMatchObject({ errors: {}, attributes: { currencyOptions: {} } });
      expect(errorsOf({ ...percentage, currency_options: null })).toEqual({});
    });
  });

  describe('fields that depend on the type, frequency or expiration', () => {
    it('nulls and ignores percentage_rate on a fixed coupon', () => {
      expect(create({ ...fixed, percentage_rate: 'junk' })).toMatchObject({ errors: {}, attributes: { percentageRate: null } });
    });

    it('requires a duration of 1 or more on recurring coupons only', () => {
      expect(errorsOf({ ...fixed, frequency: 'recurring' })).toEqual({ frequency_duration: ['value_is_mandatory'] });
      expect(errorsOf({ ...fixed, frequency: 'recurring', frequency_duration: null })).toEqual({ frequency_duration: ['value_is_mandatory'] });
      expect(errorsOf({ ...fixed, frequency: 'recurring', frequency_duration: 0 })).toEqual({ frequency_duration: ['value_is_out_of_range'] });
      expect(errorsOf({ ...fixed, frequency: 'recurring', frequency_duration: 2 ** 31 })).toEqual({ frequency_duration: ['value_is_out_of_range'] });
      expect(errorsOf({ ...fixed, frequency: 'recurring', frequency_duration: '3' })).toEqual({ frequency_duration: ['value_is_invalid'] });
      expect(errorsOf({ ...fixed, frequency: 'recurring', frequency_duration: 1.5 })).toEqual({ frequency_duration: ['value_is_invalid'] });
      expect(create({ ...fixed, frequency: 'recurring', frequency_duration: 2 ** 31 - 1 }).attributes.frequencyDuration).toBe(2 ** 31 - 1);
      for (const frequency of ['once', 'forever']) {
        expect(create({ ...fixed, frequency, frequency_duration: 'x' })).toMatchObject({ errors: {}, attributes: { frequencyDuration: null } });
      }
    });

    it('requires expiration_at on time_limit and reports bad dates as invalid_date', () => {
      expect(errorsOf({ ...fixed, expiration: 'time_limit' })).toEqual({ expiration_at: ['value_is_mandatory'] });
      expect(errorsOf({ ...fixed, expiration: 'time_limit', expiration_at: null })).toEqual({ expiration_at: ['value_is_mandatory'] });
      expect(errorsOf({ ...fixed, expiration: 'time_limit', expiration_at: '2026-02-30' })).toEqual({ expiration_at: ['invalid_date'] });
      expect(errorsOf({ ...fixed, expiration: 'time_limit', expiration_at: 12 })).toEqual({ expiration_at: ['invalid_date'] });
    });

    it('nulls expiration_at when there is no expiration', () => {
      expect(create({ ...fixed, expiration_at: '2030-01-01' })).toMatchObject({ errors: {}, attributes: { expirationAt: null } });
      expect(create({ ...fixed, expiration_at: 'garbage' })).toMatchObject({ errors: {}, attributes: { expirationAt: null } });
    });

    it('skips the dependent fields when the type, frequency or expiration is itself invalid', () => {
      expect(errorsOf({ ...fixed, coupon_type: 'bogus', amount_cents: -5 })).toEqual({ coupon_type: ['value_is_invalid'] });
      expect(errorsOf({ ...fixed, frequency: 'bogus' })).toEqual({ frequency: ['value_is_invalid'] });
      expect(errorsOf({ ...fixed, expiration: 'bogus', expiration_at: 'x' })).toEqual({ expiration: ['value_is_invalid'] });
    });
  });

  describe('currency options on fixed coupons', () => {
    it('stores them in camelCase', () => {
      expect(create({ ...fixed, currency_options: { USD: { amount_cents: 1100 }, JPY: { amount_cents: 150 } } }).attributes.currencyOptions)
        .toEqual({ USD: { amountCents: 1100 }, JPY: { amountCents: 150 } });
    });

    it('accepts the main currency only with the main amount', () => {
      expect(errorsOf({ ...fixed, currency_options: { EUR: { amount_cents: 1000 } } })).toEqual({});
      expect(errorsOf({ ...fixed, currency_options: { EUR: { amount_cents: 999 } } })).toEqual({ currency_options: ['value_is_invalid'] });
    });
  });

  it('keeps metadata keys such as __proto__ as data', () => {
    const input = JSON.parse('{"metadata": {"__proto__": "x"}}') as Record<string, unknown>;
    const { attributes, errors } = create({ ...fixed, ...input });
    expect(errors).toEqual({});
    expect(Object.hasOwn(attributes.metadata, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(attributes.metadata)).toBe(Object.prototype);
  });

  it('never throws and always answers with attributes and errors (any JSON input)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys({ ...fixed, ...percentage }), 'metadata', 'currency_options',
        'frequency_duration', 'expiration_at', 'starts_at', 'reusable', 'max_redemptions'), fc.jsonValue()), (input) => {
        const { attributes, errors } = create(input);
        expect(typeof attributes.reusable).toBe('boolean');
        for (const keys of Object.values(errors)) expect(keys.length).toBeGreaterThan(0);
      }),
    );
  });
});
