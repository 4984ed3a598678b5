import {
  CouponAttributes,
  LOCKED_COUPON_FIELDS,
  buildCouponAttributes,
  checkExpirationAtInput,
  lockedFieldChanges,
} from './coupon-attributes';

const stored: CouponAttributes = {
  name: 'Summer',
  code: 'SUMMER',
  description: 'Old',
  couponType: 'fixed_amount',
  amountCents: 1000,
  amountCurrency: 'EUR',
  percentageRate: null,
  frequency: 'recurring',
  frequencyDuration: 3,
  expiration: 'time_limit',
  expirationAt: new Date('2030-01-01T00:00:00Z'),
  reusable: false,
  maxRedemptions: 10,
  startsAt: new Date('2029-01-01T00:00:00Z'),
  metadata: { a: '1' },
  currencyOptions: { USD: { amountCents: 1100 } },
};
const update = (input: Record<string, unknown>) => buildCouponAttributes(input, stored);

describe('buildCouponAttributes on update', () => {
  it('keeps every field when the input is empty', () => {
    expect(update({})).toEqual({ errors: {}, attributes: stored });
  });

  it('replaces only the given keys', () => {
    const { attributes, errors } = update({ name: 'Winter', metadata: { b: '2' }, max_redemptions: null });
    expect(errors).toEqual({});
    expect(attributes).toEqual({ ...stored, name: 'Winter', metadata: { b: '2' }, maxRedemptions: null });
  });

  it('treats null for maps and optional fields as clearing them', () => {
    expect(
      update({ metadata: null, currency_options: null, description: null, starts_at: null }).attributes,
    ).toMatchObject({
      metadata: {},
      currencyOptions: {},
      description: null,
      startsAt: null,
    });
  });

  it('refuses to remove the code or the name', () => {
    expect(update({ code: null }).errors).toEqual({ code: ['value_is_mandatory'] });
    expect(update({ code: '' }).errors).toEqual({ code: ['value_is_mandatory'] });
    expect(update({ name: null }).errors).toEqual({ name: ['value_is_mandatory'] });
  });

  it('validates the merged coupon: switching to percentage needs a rate and drops the amounts', () => {
    expect(update({ coupon_type: 'percentage' }).errors).toEqual({ percentage_rate: ['value_is_mandatory'] });
    expect(update({ coupon_type: 'percentage', percentage_rate: '15.50' })).toEqual({
      errors: {},
      attributes: {
        ...stored,
        couponType: 'percentage',
        amountCents: null,
        amountCurrency: null,
        percentageRate: '15.5',
        currencyOptions: {},
      },
    });
  });

  it('validates the merged coupon: switching back to fixed needs an amount again', () => {
    const percent: CouponAttributes = {
      ...stored,
      couponType: 'percentage',
      amountCents: null,
      amountCurrency: null,
      percentageRate: '10.0',
      currencyOptions: {},
    };
    expect(buildCouponAttributes({ coupon_type: 'fixed_amount' }, percent).errors).toEqual({
      amount_cents: ['value_is_mandatory'],
      amount_currency: ['value_is_mandatory'],
    });
  });

  it('drops the duration when leaving recurring and needs one when entering it', () => {
    expect(update({ frequency: 'once' }).attributes.frequencyDuration).toBeNull();
    const once: CouponAttributes = { ...stored, frequency: 'once', frequencyDuration: null };
    expect(buildCouponAttributes({ frequency: 'recurring' }, once).errors).toEqual({
      frequency_duration: ['value_is_mandatory'],
    });
    expect(
      buildCouponAttributes({ frequency: 'recurring', frequency_duration: 2 }, once).attributes.frequencyDuration,
    ).toBe(2);
  });

  it('clears expiration_at when switching to no_expiration and needs it back for time_limit', () => {
    const open = update({ expiration: 'no_expiration' }).attributes;
    expect(open.expirationAt).toBeNull();
    expect(buildCouponAttributes({ expiration: 'time_limit' }, open).errors).toEqual({
      expiration_at: ['value_is_mandatory'],
    });
  });

  it('keeps a stored expiration_at even if it has passed (only input is checked against now)', () => {
    const past = { ...stored, expirationAt: new Date('2001-01-01T00:00:00Z') };
    expect(buildCouponAttributes({ name: 'x' }, past)).toMatchObject({
      errors: {},
      attributes: { expirationAt: past.expirationAt },
    });
  });

  it('checks merged currency options against a new main amount', () => {
    const withEur = { ...stored, currencyOptions: { EUR: { amountCents: 1000 } } };
    expect(buildCouponAttributes({ amount_cents: 2000 }, withEur).errors).toEqual({
      currency_options: ['value_is_invalid'],
    });
  });

  it('silently drops stored currency options when switching to percentage', () => {
    expect(update({ coupon_type: 'percentage', percentage_rate: 5 })).toMatchObject({
      errors: {},
      attributes: { currencyOptions: {} },
    });
  });
});

describe('checkExpirationAtInput', () => {
  const now = new Date('2026-06-15T12:00:00Z');

  it('ignores an absent or null expiration_at', () => {
    expect(checkExpirationAtInput({}, now)).toBeNull();
    expect(checkExpirationAtInput({ expiration_at: null }, now)).toBeNull();
  });

  it('needs a parseable date strictly after now', () => {
    expect(checkExpirationAtInput({ expiration_at: '2026-06-15T12:00:01Z' }, now)).toBeNull();
    expect(checkExpirationAtInput({ expiration_at: '2026-06-15T12:00:00Z' }, now)).toBe('invalid_date');
    expect(checkExpirationAtInput({ expiration_at: '2026-06-15T11:59:59Z' }, now)).toBe('invalid_date');
    expect(checkExpirationAtInput({ expiration_at: '2026-06-15T17:30:01+05:30' }, now)).toBeNull();
    expect(checkExpirationAtInput({ expiration_at: '2026-06-15T17:30:00+05:30' }, now)).toBe('invalid_date');
    expect(checkExpirationAtInput({ expiration_at: '2026-06-16' }, now)).toBeNull();
    expect(checkExpirationAtInput({ expiration_at: '2026-06-15' }, now)).toBe('invalid_date');
  });

  it.each<[unknown]>([['2026-02-30'], ['2027-01-01T10:00:00'], ['soon'], [1893456000], [''], [true], [{}]])(
    'rejects %p',
    (value) => {
      expect(checkExpirationAtInput({ expiration_at: value }, now)).toBe('invalid_date');
    },
  );

  it('applies whatever the expiration type is', () => {
    expect(checkExpirationAtInput({ expiration: 'no_expiration', expiration_at: '2000-01-01' }, now)).toBe(
      'invalid_date',
    );
  });
});

describe('lockedFieldChanges', () => {
  it('lists the locked fields', () => {
    expect([...LOCKED_COUPON_FIELDS].sort()).toEqual([
      'amount_cents',
      'amount_currency',
      'code',
      'coupon_type',
      'currency_options',
      'frequency',
      'frequency_duration',
      'percentage_rate',
      'reusable',
    ]);
  });

  it('finds no change when the same values are re-sent', () => {
    const after = update({
      code: 'SUMMER',
      coupon_type: 'fixed_amount',
      amount_cents: 1000,
      amount_currency: 'EUR',
      frequency: 'recurring',
      frequency_duration: 3,
      reusable: false,
      currency_options: { USD: { amount_cents: 1100 } },
    }).attributes;
    expect(lockedFieldChanges(stored, after)).toEqual([]);
  });

  it('ignores the always-editable fields', () => {
    const after = update({
      name: 'New',
      description: 'New',
      expiration: 'no_expiration',
      metadata: { x: 'y' },
      starts_at: null,
      max_redemptions: 99,
    }).attributes;
    expect(lockedFieldChanges(stored, after)).toEqual([]);
  });

  it('reports each locked field that changes, with its wire name', () => {
    const after = update({
      code: 'OTHER',
      amount_cents: 999,
      amount_currency: 'USD',
      frequency_duration: 4,
      reusable: true,
      currency_options: { USD: { amount_cents: 1200 } },
    }).attributes;
    expect(lockedFieldChanges(stored, after)).toEqual([
      'code',
      'amount_cents',
      'amount_currency',
      'frequency_duration',
      'reusable',
      'currency_options',
    ]);
  });

  it('reports a type switch together with the fields it nulls', () => {
    const after = update({ coupon_type: 'percentage', percentage_rate: 10, frequency: 'forever' }).attributes;
    expect(lockedFieldChanges(stored, after)).toEqual([
      'coupon_type',
      'amount_cents',
      'amount_currency',
      'percentage_rate',
      'frequency',
      'frequency_duration',
      'currency_options',
    ]);
  });

  it('compares rates by value and currency options regardless of key order', () => {
    const percent: CouponAttributes = {
      ...stored,
      couponType: 'percentage',
      amountCents: null,
      amountCurrency: null,
      percentageRate: '12.5',
      currencyOptions: {},
    };
    expect(
      lockedFieldChanges(percent, buildCouponAttributes({ percentage_rate: '12.50000' }, percent).attributes),
    ).toEqual([]);
    expect(lockedFieldChanges(percent, buildCouponAttributes({ percentage_rate: 12.5 }, percent).attributes)).toEqual(
      [],
    );
    expect(lockedFieldChanges(percent, { ...percent, percentageRate: '12.50000' })).toEqual([]);
    expect(
      lockedFieldChanges(percent, buildCouponAttributes({ percentage_rate: '12.50001' }, percent).attributes),
    ).toEqual(['percentage_rate']);

    const two: CouponAttributes = { ...stored, currencyOptions: { USD: { amountCents: 1 }, JPY: { amountCents: 2 } } };
    expect(
      lockedFieldChanges(two, { ...two, currencyOptions: { JPY: { amountCents: 2 }, USD: { amountCents: 1 } } }),
    ).toEqual([]);
    expect(lockedFieldChanges(two, { ...two, currencyOptions: { JPY: { amountCents: 2 } } })).toEqual([
      'currency_options',
    ]);
    expect(
      lockedFieldChanges(two, { ...two, currencyOptions: { JPY: { amountCents: 2 }, GBP: { amountCents: 1 } } }),
    ).toEqual(['currency_options']);
  });
});
