import fc from 'fast-check';
import { create, errorsOf, fixed, percentage } from './coupon.fixtures';

const MAX = Number.MAX_SAFE_INTEGER;

describe('buildCouponAttributes on create', () => {
  it('builds a fixed coupon with the defaults', () => {
    expect(create(fixed)).toEqual({
      errors: {},
      attributes: {
        name: 'Summer',
        code: 'SUMMER',
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
        currencyOptions: {},
      },
    });
  });

  it('builds a full percentage coupon with every optional field', () => {
    const { attributes, errors } = create({
      ...percentage,
      percentage_rate: 12.5,
      frequency: 'recurring',
      frequency_duration: 3,
      expiration: 'time_limit',
      expiration_at: '2030-01-01T10:00:00+01:00',
      reusable: false,
      max_redemptions: 5,
      starts_at: '2029-12-01',
      metadata: { team: 'growth' },
      description: 'Ten percent',
      applies_to: { plan_codes: ['p'] },
      unknown_key: 1,
    });
    expect(errors).toEqual({});
    expect(attributes).toEqual({
      name: 'Ten',
      code: 'TEN',
      description: 'Ten percent',
      couponType: 'percentage',
      amountCents: null,
      amountCurrency: null,
      percentageRate: '12.5',
      frequency: 'recurring',
      frequencyDuration: 3,
      expiration: 'time_limit',
      expirationAt: new Date('2030-01-01T09:00:00Z'),
      reusable: false,
      maxRedemptions: 5,
      startsAt: new Date('2029-12-01T00:00:00Z'),
      metadata: { team: 'growth' },
      currencyOptions: {},
    });
  });

  it('reports every missing mandatory field of an empty coupon at once', () => {
    expect(errorsOf({})).toEqual({
      name: ['value_is_mandatory'],
      coupon_type: ['value_is_mandatory'],
      frequency: ['value_is_mandatory'],
      expiration: ['value_is_mandatory'],
    });
  });

  it('leaves a missing or null code for the API to generate', () => {
    const { code: _code, ...noCode } = fixed;
    expect(create(noCode)).toMatchObject({ errors: {}, attributes: { code: null } });
    expect(create({ ...fixed, code: null })).toMatchObject({ errors: {}, attributes: { code: null } });
  });

  it.each<[string, unknown, string]>([
    ['name', null, 'value_is_mandatory'],
    ['name', '', 'value_is_mandatory'],
    ['name', '   ', 'value_is_mandatory'],
    ['name', 12, 'value_is_invalid'],
    ['name', 'n'.repeat(256), 'value_is_out_of_range'],
    ['code', '', 'value_is_mandatory'],
    ['code', ' ', 'value_is_mandatory'],
    ['code', 12, 'value_is_invalid'],
    ['code', 'c'.repeat(256), 'value_is_out_of_range'],
    ['code', 'a b', 'value_is_invalid'],
    ['code', 'a/b', 'value_is_invalid'],
    ['description', 5, 'value_is_invalid'],
    ['description', 'd'.repeat(10001), 'value_is_out_of_range'],
    ['coupon_type', null, 'value_is_mandatory'],
    ['coupon_type', 'FIXED_AMOUNT', 'value_is_invalid'],
    ['coupon_type', 1, 'value_is_invalid'],
    ['frequency', 'weekly', 'value_is_invalid'],
    ['frequency', null, 'value_is_mandatory'],
    ['expiration', 'never', 'value_is_invalid'],
    ['expiration', true, 'value_is_invalid'],
    ['amount_cents', null, 'value_is_mandatory'],
    ['amount_cents', '1000', 'value_is_invalid'],
    ['amount_cents', 10.5, 'value_is_invalid'],
    ['amount_cents', 0, 'value_is_out_of_range'],
    ['amount_cents', -1, 'value_is_out_of_range'],
    ['amount_cents', MAX + 1, 'value_is_out_of_range'],
    ['amount_currency', null, 'value_is_mandatory'],
    ['amount_currency', 'eur', 'value_is_invalid'],
    ['amount_currency', 'XAU', 'value_is_invalid'],
    ['amount_currency', 978, 'value_is_invalid'],
    ['reusable', null, 'value_is_invalid'],
    ['reusable', 'true', 'value_is_invalid'],
    ['max_redemptions', 0, 'value_is_out_of_range'],
    ['max_redemptions', MAX + 1, 'value_is_out_of_range'],
    ['max_redemptions', '5', 'value_is_invalid'],
    ['max_redemptions', 1.5, 'value_is_invalid'],
    ['starts_at', '2026-02-30', 'value_is_invalid'],
    ['starts_at', '2026-01-01T10:00:00', 'value_is_invalid'],
    ['starts_at', 1767225600, 'value_is_invalid'],
    ['metadata', [], 'value_is_invalid'],
    ['metadata', { k: 1 }, 'value_is_invalid'],
    ['metadata', 'x', 'value_is_invalid'],
    ['currency_options', { eur: { amount_cents: 1 } }, 'value_is_invalid'],
    ['currency_options', [], 'value_is_invalid'],
  ])('rejects %s = %p with %s', (field, value, key) => {
    expect(errorsOf({ ...fixed, [field]: value })).toEqual({ [field]: [key] });
  });

  it.each<[string, unknown]>([
    ['name', 'n'.repeat(255)],
    ['code', 'c'.repeat(255)],
    ['code', 'v1.2_x-Y'],
    ['description', 'd'.repeat(10000)],
    ['description', null],
    ['amount_cents', 1],
    ['amount_cents', MAX],
    ['amount_currency', 'JPY'],
    ['amount_currency', 'CLF'],
    ['reusable', false],
    ['max_redemptions', 1],
    ['max_redemptions', MAX],
    ['max_redemptions', null],
    ['starts_at', null],
    ['starts_at', '2020-01-01T00:00:00Z'],
    ['metadata', null],
    ['currency_options', null],
  ])('accepts %s = %p', (field, value) => {
    expect(errorsOf({ ...fixed, [field]: value })).toEqual({});
  });

  it('reports a missing amount and currency on a fixed coupon', () => {
    const { amount_cents: _a, amount_currency: _c, ...rest } = fixed;
    expect(errorsOf(rest)).toEqual({ amount_cents: ['value_is_mandatory'], amount_currency: ['value_is_mandatory'] });
  });

  it('collects errors of several fields together', () => {
    expect(
      errorsOf({ ...fixed, name: '', amount_cents: 0, amount_currency: 'usd', reusable: null, metadata: [] }),
    ).toEqual({
      name: ['value_is_mandatory'],
      amount_cents: ['value_is_out_of_range'],
      amount_currency: ['value_is_invalid'],
      reusable: ['value_is_invalid'],
      metadata: ['value_is_invalid'],
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
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            ...Object.keys({ ...fixed, ...percentage }),
            'metadata',
            'currency_options',
            'frequency_duration',
            'expiration_at',
            'starts_at',
            'reusable',
            'max_redemptions',
          ),
          fc.jsonValue(),
        ),
        (input) => {
          const { attributes, errors } = create(input);
          expect(typeof attributes.reusable).toBe('boolean');
          for (const keys of Object.values(errors)) expect(keys.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
