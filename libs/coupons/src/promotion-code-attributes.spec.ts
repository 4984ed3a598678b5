import fc from 'fast-check';
import { LIMITS } from './limits';
import {
  NO_RESTRICTIONS,
  type PromotionCodeCouponFacts,
  buildPromotionCodeAttributes,
  couponCodeOf,
} from './promotion-code-attributes';
import { limitedCoupon, now, unlimitedCoupon } from './promotion-code.fixtures';

const create = (input: Record<string, unknown>, coupon: PromotionCodeCouponFacts | null = unlimitedCoupon) =>
  buildPromotionCodeAttributes({ coupon_code: 'SUMMER', ...input }, coupon, now);
const errorsOf = (input: Record<string, unknown>, coupon: PromotionCodeCouponFacts | null = unlimitedCoupon) => {
  const result = create(input, coupon);
  return result.ok ? {} : result.errors;
};
const attributesOf = (input: Record<string, unknown>, coupon: PromotionCodeCouponFacts | null = unlimitedCoupon) => {
  const result = create(input, coupon);
  if (!result.ok) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.attributes;
};

describe('buildPromotionCodeAttributes', () => {
  it('defaults everything but the coupon code', () => {
    expect(create({})).toEqual({
      ok: true,
      attributes: {
        couponCode: 'SUMMER',
        code: null,
        active: true,
        maxRedemptions: null,
        expiresAt: null,
        restrictions: NO_RESTRICTIONS,
        metadata: {},
      },
    });
  });

  it('takes every field of a full input', () => {
    expect(
      create(
        {
          code: 'Summer-10',
          active: false,
          max_redemptions: 100,
          expires_at: '2026-12-31T23:59:59+01:00',
          restrictions: {
            customer_external_id: 'cus_1',
            first_time_transaction: true,
            minimum_amount_cents: 5000,
            minimum_amount_currency: 'EUR',
          },
          metadata: { campaign: 'summer' },
        },
        limitedCoupon,
      ),
    ).toEqual({
      ok: true,
      attributes: {
        couponCode: 'SUMMER',
        code: 'Summer-10',
        active: false,
        maxRedemptions: 100,
        expiresAt: new Date('2026-12-31T22:59:59Z'),
        restrictions: {
          customerExternalId: 'cus_1',
          firstTimeTransaction: true,
          minimumAmountCents: 5000,
          minimumAmountCurrency: 'EUR',
        },
        metadata: { campaign: 'summer' },
      },
    });
  });

  it('ignores unknown keys, at the top and inside restrictions', () => {
    expect(attributesOf({ lago_id: 'x', redemptions_count: 5, restrictions: { plan_code: 'pro' } })).toEqual(
      attributesOf({}),
    );
  });

  it('reports every field error together', () => {
    expect(
      buildPromotionCodeAttributes(
        {
          code: 'a b',
          active: null,
          max_redemptions: 0,
          expires_at: 'soon',
          restrictions: { first_time_transaction: 'yes', minimum_amount_cents: 10 },
          metadata: [],
        },
        unlimitedCoupon,
        now,
      ),
    ).toEqual({
      ok: false,
      errors: {
        coupon_code: ['value_is_mandatory'],
        code: ['value_is_invalid'],
        active: ['value_is_invalid'],
        max_redemptions: ['value_is_out_of_range'],
        expires_at: ['invalid_date'],
        first_time_transaction: ['value_is_invalid'],
        minimum_amount_currency: ['value_is_mandatory'],
        metadata: ['value_is_invalid'],
      },
    });
  });

  describe('coupon_code', () => {
    it.each<[unknown, string]>([
      [undefined, 'value_is_mandatory'],
      [null, 'value_is_mandatory'],
      ['', 'value_is_mandatory'],
      ['  ', 'value_is_mandatory'],
      [123, 'value_is_invalid'],
      [['SUMMER'], 'value_is_invalid'],
      ['SUM MER', 'value_is_invalid'],
      ['SUM/MER', 'value_is_invalid'],
      ['x'.repeat(LIMITS.codeMaxLength + 1), 'value_is_out_of_range'],
    ])('%j → %s', (value, key) => {
      expect(errorsOf({ coupon_code: value })).toEqual({ coupon_code: [key] });
    });

    it.each(['summer_2026.v1', 'x'.repeat(LIMITS.codeMaxLength), 'ÉTÉ'])('accepts the coupon code %j', (value) => {
      expect(attributesOf({ coupon_code: value }).couponCode).toBe(value);
    });
  });

  describe('code', () => {
    it.each([undefined, null])('leaves %j to be generated', (value) => {
      expect(attributesOf({ code: value }).code).toBeNull();
    });

    it.each(['abc', 'x'.repeat(64), 'Summer-10', 'K7QXM2HD', '---'])('keeps %j as given', (value) => {
      expect(attributesOf({ code: value }).code).toBe(value);
    });

    it.each(['', '  ', 'ab', 'x'.repeat(65), 'ab c', 'ab_c', 'ab.c', 'été', 123, true, ['abc'], {}])(
      'refuses %j as value_is_invalid',
      (value) => {
        expect(errorsOf({ code: value })).toEqual({ code: ['value_is_invalid'] });
      },
    );
  });

  describe('active', () => {
    it.each([true, false])('takes %j', (value) => {
      expect(attributesOf({ active: value }).active).toBe(value);
    });

    it.each([null, 'true', 1, 0])('refuses %j', (value) => {
      expect(errorsOf({ active: value })).toEqual({ active: ['value_is_invalid'] });
    });
  });

  describe('max_redemptions', () => {
    it.each([null, 1, 2, LIMITS.maxInteger])('takes %j when the coupon has no limit', (value) => {
      expect(attributesOf({ max_redemptions: value }).maxRedemptions).toBe(value);
    });

    it.each<[unknown, string]>([
      [0, 'value_is_out_of_range'],
      [-1, 'value_is_out_of_range'],
      [LIMITS.maxInteger + 1, 'value_is_out_of_range'],
      [1.5, 'value_is_invalid'],
      ['3', 'value_is_invalid'],
      [true, 'value_is_invalid'],
    ])('%j → %s', (value, key) => {
      expect(errorsOf({ max_redemptions: value })).toEqual({ max_redemptions: [key] });
    });

    it('may reach the coupon own limit, not pass it', () => {
      expect(attributesOf({ max_redemptions: 100 }, limitedCoupon).maxRedemptions).toBe(100);
      expect(errorsOf({ max_redemptions: 101 }, limitedCoupon)).toEqual({ max_redemptions: ['value_is_out_of_range'] });
    });

    it('may be unlimited on a limited coupon (the coupon limit still holds)', () => {
      expect(attributesOf({ max_redemptions: null }, limitedCoupon).maxRedemptions).toBeNull();
    });

    it('is not compared with an unknown coupon', () => {
      expect(errorsOf({ coupon_code: null, max_redemptions: 101 }, null)).toEqual({
        coupon_code: ['value_is_mandatory'],
      });
    });
  });

  describe('expires_at', () => {
    it.each([null, undefined])('%j means no expiry', (value) => {
      expect(attributesOf({ expires_at: value }).expiresAt).toBeNull();
    });

    it.each<[string, string]>([
      ['2026-06-01T12:00:01Z', '2026-06-01T12:00:01.000Z'],
      ['2026-06-01T12:00:00.001Z', '2026-06-01T12:00:00.001Z'],
      ['2026-06-02', '2026-06-02T00:00:00.000Z'],
      ['2026-06-01T13:00:01+01:00', '2026-06-01T12:00:01.000Z'],
      ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
    ])('takes %j, strictly after now', (value, iso) => {
      expect(attributesOf({ expires_at: value }).expiresAt?.toISOString()).toBe(iso);
    });

    it.each([
      '2026-06-01T12:00:00Z',
      '2026-06-01T11:59:59.999Z',
      '2026-06-01T13:00:00+01:00',
      '2026-06-01',
      '2000-01-01',
      '2026-06-01 13:00:00',
      '2026-02-30',
      'tomorrow',
      '',
      1780000000,
      true,
    ])('refuses %j as invalid_date (now, the past, or not a date)', (value) => {
      expect(errorsOf({ expires_at: value })).toEqual({ expires_at: ['invalid_date'] });
    });

    it('may end with the coupon, not after it', () => {
      expect(attributesOf({ expires_at: '2027-01-01T00:00:00Z' }, limitedCoupon).expiresAt).toEqual(
        limitedCoupon.expirationAt,
      );
      expect(attributesOf({ expires_at: '2026-12-31T23:59:59Z' }, limitedCoupon).expiresAt).not.toBeNull();
      expect(errorsOf({ expires_at: '2027-01-01T00:00:01Z' }, limitedCoupon)).toEqual({
        expires_at: ['value_is_out_of_range'],
      });
    });

    it('is not compared with the expiration of an unknown coupon', () => {
      expect(errorsOf({ coupon_code: 1, expires_at: '2030-01-01' }, null)).toEqual({
        coupon_code: ['value_is_invalid'],
      });
    });

    it('reports a past date as invalid_date only, even after the coupon', () => {
      const expired: PromotionCodeCouponFacts = { maxRedemptions: null, expirationAt: new Date('2020-01-01') };
      expect(errorsOf({ expires_at: '2021-01-01' }, expired)).toEqual({ expires_at: ['invalid_date'] });
    });
  });

  describe('metadata', () => {
    it.each([undefined, null])('%j means none', (value) => {
      expect(attributesOf({ metadata: value }).metadata).toEqual({});
    });

    it('follows the coupon metadata rule', () => {
      const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
      expect(attributesOf({ metadata: fifty }).metadata).toEqual(fifty);
      expect(errorsOf({ metadata: { ...fifty, k50: 'v' } })).toEqual({ metadata: ['value_is_invalid'] });
      expect(errorsOf({ metadata: { a: 1 } })).toEqual({ metadata: ['value_is_invalid'] });
      expect(errorsOf({ metadata: { ['k'.repeat(41)]: 'v' } })).toEqual({ metadata: ['value_is_invalid'] });
      expect(errorsOf({ metadata: 'x' })).toEqual({ metadata: ['value_is_invalid'] });
    });
  });

  it('never throws, and succeeds exactly when it reports no error', () => {
    const wireValue = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -2, max: 200 }),
      fc.double(),
      fc.string({ maxLength: 70 }),
      fc.constantFrom('abc', 'Summer-10', 'EUR', '2026-07-01', '2030-01-01T00:00:00Z', 'cus_1'),
      fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 3 }),
    );
    const input = fc.record(
      {
        coupon_code: wireValue,
        code: wireValue,
        active: wireValue,
        max_redemptions: wireValue,
        expires_at: wireValue,
        metadata: wireValue,
        restrictions: fc.oneof(
          wireValue,
          fc.record(
            {
              customer_external_id: wireValue,
              first_time_transaction: wireValue,
              minimum_amount_cents: wireValue,
              minimum_amount_currency: wireValue,
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    const coupon = fc.constantFrom(null, unlimitedCoupon, limitedCoupon);
    fc.assert(
      fc.property(input, coupon, (raw, facts) => {
        const result = buildPromotionCodeAttributes(raw, facts, now);
        if (result.ok) {
          const { attributes } = result;
          expect(typeof attributes.couponCode).toBe('string');
          const { minimumAmountCents, minimumAmountCurrency } = attributes.restrictions;
          expect(minimumAmountCents === null).toBe(minimumAmountCurrency === null);
          if (attributes.expiresAt) expect(attributes.expiresAt.getTime()).toBeGreaterThan(now.getTime());
        } else {
          expect(Object.keys(result.errors).length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('couponCodeOf', () => {
  it('gives the coupon code to look up when it is one', () => {
    expect(couponCodeOf({ coupon_code: 'SUMMER' })).toBe('SUMMER');
  });

  it.each([undefined, null, '', ' ', 1, 'a b', 'x'.repeat(256)])('is null for %j', (value) => {
    expect(couponCodeOf({ coupon_code: value })).toBeNull();
  });
});
