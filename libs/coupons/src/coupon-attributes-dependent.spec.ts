import { create, errorsOf, fixed, percentage } from './coupon.fixtures';

describe('buildCouponAttributes: type-dependent fields on create', () => {
  describe('percentage coupons', () => {
    it.each<[unknown, string]>([
      [null, 'value_is_mandatory'],
      ['abc', 'value_is_invalid'],
      ['1.123456', 'value_is_invalid'],
      [0, 'value_is_out_of_range'],
      [100.5, 'value_is_out_of_range'],
      ['-5', 'value_is_out_of_range'],
    ])('rejects percentage_rate %p with %s', (rate, key) => {
      expect(errorsOf({ ...percentage, percentage_rate: rate })).toEqual({ percentage_rate: [key] });
    });

    it('requires a rate', () => {
      const { percentage_rate: _r, ...rest } = percentage;
      expect(errorsOf(rest)).toEqual({ percentage_rate: ['value_is_mandatory'] });
    });

    it.each<[unknown, string]>([
      [20, '20.0'],
      ['12.50', '12.5'],
      [100, '100.0'],
      [0.00001, '0.00001'],
    ])('stores %p as %s', (rate, stored) => {
      expect(create({ ...percentage, percentage_rate: rate }).attributes.percentageRate).toBe(stored);
    });

    it('ignores (and nulls) amount fields, even invalid ones', () => {
      expect(create({ ...percentage, amount_cents: 'oops', amount_currency: 'eur' })).toMatchObject({
        errors: {},
        attributes: { amountCents: null, amountCurrency: null, percentageRate: '10.0' },
      });
    });

    it('refuses non-empty currency options but accepts an empty or null map', () => {
      expect(errorsOf({ ...percentage, currency_options: { USD: { amount_cents: 1 } } })).toEqual({
        currency_options: ['value_is_invalid'],
      });
      expect(errorsOf({ ...percentage, currency_options: 'x' })).toEqual({ currency_options: ['value_is_invalid'] });
      expect(create({ ...percentage, currency_options: {} })).toMatchObject({
        errors: {},
        attributes: { currencyOptions: {} },
      });
      expect(errorsOf({ ...percentage, currency_options: null })).toEqual({});
    });
  });

  describe('fields that depend on the type, frequency or expiration', () => {
    it('nulls and ignores percentage_rate on a fixed coupon', () => {
      expect(create({ ...fixed, percentage_rate: 'junk' })).toMatchObject({
        errors: {},
        attributes: { percentageRate: null },
      });
    });

    it('requires a duration of 1 or more on recurring coupons only', () => {
      expect(errorsOf({ ...fixed, frequency: 'recurring' })).toEqual({ frequency_duration: ['value_is_mandatory'] });
      expect(errorsOf({ ...fixed, frequency: 'recurring', frequency_duration: null })).toEqual({
        frequency_duration: ['value_is_mandatory'],
      });
      expect(errorsOf({ ...fixed, frequency: 'recurring', frequency_duration: 0 })).toEqual({
        frequency_duration: ['value_is_out_of_range'],
      });
      expect(errorsOf({ ...fixed, frequency: 'recurring', frequency_duration: 2 ** 31 })).toEqual({
        frequency_duration: ['value_is_out_of_range'],
      });
      expect(errorsOf({ ...fixed, frequency: 'recurring', frequency_duration: '3' })).toEqual({
        frequency_duration: ['value_is_invalid'],
      });
      expect(errorsOf({ ...fixed, frequency: 'recurring', frequency_duration: 1.5 })).toEqual({
        frequency_duration: ['value_is_invalid'],
      });
      expect(
        create({ ...fixed, frequency: 'recurring', frequency_duration: 2 ** 31 - 1 }).attributes.frequencyDuration,
      ).toBe(2 ** 31 - 1);
      for (const frequency of ['once', 'forever']) {
        expect(create({ ...fixed, frequency, frequency_duration: 'x' })).toMatchObject({
          errors: {},
          attributes: { frequencyDuration: null },
        });
      }
    });

    it('requires expiration_at on time_limit and reports bad dates as invalid_date', () => {
      expect(errorsOf({ ...fixed, expiration: 'time_limit' })).toEqual({ expiration_at: ['value_is_mandatory'] });
      expect(errorsOf({ ...fixed, expiration: 'time_limit', expiration_at: null })).toEqual({
        expiration_at: ['value_is_mandatory'],
      });
      expect(errorsOf({ ...fixed, expiration: 'time_limit', expiration_at: '2026-02-30' })).toEqual({
        expiration_at: ['invalid_date'],
      });
      expect(errorsOf({ ...fixed, expiration: 'time_limit', expiration_at: 12 })).toEqual({
        expiration_at: ['invalid_date'],
      });
    });

    it('nulls expiration_at when there is no expiration', () => {
      expect(create({ ...fixed, expiration_at: '2030-01-01' })).toMatchObject({
        errors: {},
        attributes: { expirationAt: null },
      });
      expect(create({ ...fixed, expiration_at: 'garbage' })).toMatchObject({
        errors: {},
        attributes: { expirationAt: null },
      });
    });

    it('skips the dependent fields when the type, frequency or expiration is itself invalid', () => {
      expect(errorsOf({ ...fixed, coupon_type: 'bogus', amount_cents: -5 })).toEqual({
        coupon_type: ['value_is_invalid'],
      });
      expect(errorsOf({ ...fixed, frequency: 'bogus' })).toEqual({ frequency: ['value_is_invalid'] });
      expect(errorsOf({ ...fixed, expiration: 'bogus', expiration_at: 'x' })).toEqual({
        expiration: ['value_is_invalid'],
      });
    });
  });

  describe('currency options on fixed coupons', () => {
    it('stores them in camelCase', () => {
      expect(
        create({ ...fixed, currency_options: { USD: { amount_cents: 1100 }, JPY: { amount_cents: 150 } } }).attributes
          .currencyOptions,
      ).toEqual({ USD: { amountCents: 1100 }, JPY: { amountCents: 150 } });
    });

    it('accepts the main currency only with the main amount', () => {
      expect(errorsOf({ ...fixed, currency_options: { EUR: { amount_cents: 1000 } } })).toEqual({});
      expect(errorsOf({ ...fixed, currency_options: { EUR: { amount_cents: 999 } } })).toEqual({
        currency_options: ['value_is_invalid'],
      });
    });
  });
});
