import { buildAppliedCouponOverrides } from './applied-coupon-attributes';
import { CouponAttributes } from './coupon-attributes';

const fixedCoupon: CouponAttributes = {
  name: 'Fixed',
  code: 'FIXED',
  description: null,
  couponType: 'fixed_amount',
  amountCents: 1000,
  amountCurrency: 'EUR',
  percentageRate: null,
  frequency: 'once',
  frequencyDuration: null,
  expiration: 'no_expiration',
  expirationAt: null,
  reusable: true,
  maxRedemptions: null,
  startsAt: null,
  metadata: {},
  currencyOptions: { USD: { amountCents: 1100 }, JPY: { amountCents: 150 } },
};
const percentCoupon: CouponAttributes = {
  ...fixedCoupon,
  couponType: 'percentage',
  amountCents: null,
  amountCurrency: null,
  percentageRate: '10.0',
  frequency: 'recurring',
  frequencyDuration: 3,
  currencyOptions: {},
};

describe('buildAppliedCouponOverrides', () => {
  it('defaults every term to the coupon’s', () => {
    expect(buildAppliedCouponOverrides({}, fixedCoupon)).toEqual({
      errors: {},
      attributes: {
        amountCents: 1000,
        amountCurrency: 'EUR',
        percentageRate: null,
        frequency: 'once',
        frequencyDuration: null,
      },
    });
    expect(buildAppliedCouponOverrides({}, percentCoupon)).toEqual({
      errors: {},
      attributes: {
        amountCents: null,
        amountCurrency: null,
        percentageRate: '10.0',
        frequency: 'recurring',
        frequencyDuration: 3,
      },
    });
  });

  it('treats null overrides as absent, as Lago does', () => {
    const input = {
      amount_cents: null,
      amount_currency: null,
      frequency: null,
      frequency_duration: null,
      percentage_rate: null,
    };
    expect(buildAppliedCouponOverrides(input, fixedCoupon)).toEqual(buildAppliedCouponOverrides({}, fixedCoupon));
    expect(buildAppliedCouponOverrides(input, percentCoupon)).toEqual(buildAppliedCouponOverrides({}, percentCoupon));
  });

  it('applies valid overrides', () => {
    expect(
      buildAppliedCouponOverrides(
        { amount_cents: 500, amount_currency: 'GBP', frequency: 'recurring', frequency_duration: 6 },
        fixedCoupon,
      ),
    ).toEqual({
      errors: {},
      attributes: {
        amountCents: 500,
        amountCurrency: 'GBP',
        percentageRate: null,
        frequency: 'recurring',
        frequencyDuration: 6,
      },
    });
    expect(buildAppliedCouponOverrides({ percentage_rate: '12.50', frequency: 'forever' }, percentCoupon)).toEqual({
      errors: {},
      attributes: {
        amountCents: null,
        amountCurrency: null,
        percentageRate: '12.5',
        frequency: 'forever',
        frequencyDuration: null,
      },
    });
  });

  it('ignores overrides that do not apply to the coupon type', () => {
    expect(buildAppliedCouponOverrides({ percentage_rate: 'bad' }, fixedCoupon).errors).toEqual({});
    expect(buildAppliedCouponOverrides({ amount_cents: 'bad', amount_currency: 'bad' }, percentCoupon)).toMatchObject({
      errors: {},
      attributes: { amountCents: null, amountCurrency: null },
    });
  });

  it.each<[Record<string, unknown>, Record<string, string[]>]>([
    [{ amount_cents: 0 }, { amount_cents: ['value_is_out_of_range'] }],
    [{ amount_cents: 2 ** 53 }, { amount_cents: ['value_is_out_of_range'] }],
    [{ amount_cents: '500' }, { amount_cents: ['value_is_invalid'] }],
    [{ amount_cents: 5.5 }, { amount_cents: ['value_is_invalid'] }],
    [{ amount_currency: 'gbp' }, { amount_currency: ['value_is_invalid'] }],
    [{ amount_currency: 'XXX' }, { amount_currency: ['value_is_invalid'] }],
    [{ frequency: 'daily' }, { frequency: ['value_is_invalid'] }],
    [{ frequency: 'recurring' }, { frequency_duration: ['value_is_mandatory'] }],
    [{ frequency: 'recurring', frequency_duration: 0 }, { frequency_duration: ['value_is_out_of_range'] }],
    [{ frequency: 'recurring', frequency_duration: '2' }, { frequency_duration: ['value_is_invalid'] }],
    [
      { amount_cents: -1, amount_currency: 'x', frequency: 'x' },
      {
        amount_cents: ['value_is_out_of_range'],
        amount_currency: ['value_is_invalid'],
        frequency: ['value_is_invalid'],
      },
    ],
  ])('rejects fixed overrides %p', (input, errors) => {
    expect(buildAppliedCouponOverrides(input, fixedCoupon).errors).toEqual(errors);
  });

  it.each<[unknown, string]>([
    [0, 'value_is_out_of_range'],
    [101, 'value_is_out_of_range'],
    ['x', 'value_is_invalid'],
    ['1.000001', 'value_is_invalid'],
  ])('rejects percentage_rate %p', (rate, key) => {
    expect(buildAppliedCouponOverrides({ percentage_rate: rate }, percentCoupon).errors).toEqual({
      percentage_rate: [key],
    });
  });

  it('keeps the coupon’s duration when only frequency stays recurring, and drops it otherwise', () => {
    expect(buildAppliedCouponOverrides({ frequency_duration: 7 }, percentCoupon).attributes.frequencyDuration).toBe(7);
    expect(
      buildAppliedCouponOverrides({ frequency: 'once', frequency_duration: 7 }, percentCoupon).attributes
        .frequencyDuration,
    ).toBeNull();
    expect(
      buildAppliedCouponOverrides({ frequency: 'once', frequency_duration: 'junk' }, percentCoupon).errors,
    ).toEqual({});
  });

  describe('currency options', () => {
    it('uses the option in the customer’s currency when nothing is overridden', () => {
      expect(buildAppliedCouponOverrides({}, fixedCoupon, 'USD').attributes).toMatchObject({
        amountCents: 1100,
        amountCurrency: 'USD',
      });
      expect(buildAppliedCouponOverrides({}, fixedCoupon, 'JPY').attributes).toMatchObject({
        amountCents: 150,
        amountCurrency: 'JPY',
      });
    });

    it('falls back to the main amount without a matching option', () => {
      expect(buildAppliedCouponOverrides({}, fixedCoupon, 'GBP').attributes).toMatchObject({
        amountCents: 1000,
        amountCurrency: 'EUR',
      });
      expect(buildAppliedCouponOverrides({}, fixedCoupon, null).attributes).toMatchObject({
        amountCents: 1000,
        amountCurrency: 'EUR',
      });
      expect(buildAppliedCouponOverrides({}, fixedCoupon, 'constructor').attributes).toMatchObject({
        amountCents: 1000,
        amountCurrency: 'EUR',
      });
    });

    it('lets an explicit amount win over the options', () => {
      expect(buildAppliedCouponOverrides({ amount_cents: 42 }, fixedCoupon, 'USD').attributes).toMatchObject({
        amountCents: 42,
        amountCurrency: 'EUR',
      });
    });

    it('prices an overridden currency from its option, not from the main amount', () => {
      expect(buildAppliedCouponOverrides({ amount_currency: 'JPY' }, fixedCoupon, 'USD').attributes).toMatchObject({
        amountCents: 150,
        amountCurrency: 'JPY',
      });
      expect(buildAppliedCouponOverrides({ amount_currency: 'GBP' }, fixedCoupon, 'USD').attributes).toMatchObject({
        amountCents: 1000,
        amountCurrency: 'GBP',
      });
    });

    it('never uses options on a percentage coupon', () => {
      const odd = { ...percentCoupon, currencyOptions: { USD: { amountCents: 5 } } };
      expect(buildAppliedCouponOverrides({}, odd, 'USD').attributes).toMatchObject({
        amountCents: null,
        amountCurrency: null,
      });
    });
  });

  it('reports a coupon without a stored frequency as missing it', () => {
    const broken = { ...fixedCoupon, frequency: null };
    expect(buildAppliedCouponOverrides({}, broken).errors).toEqual({ frequency: ['value_is_mandatory'] });
    expect(buildAppliedCouponOverrides({ frequency: 'forever' }, broken)).toMatchObject({
      errors: {},
      attributes: { frequency: 'forever' },
    });
  });
});
