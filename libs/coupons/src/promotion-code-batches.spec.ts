import fc from 'fast-check';
import { NO_RESTRICTIONS, type PromotionCodeCouponFacts } from './promotion-code-attributes';
import {
  PROMOTION_CODE_BATCH_LIMITS,
  buildPromotionCodeBatchAttributes,
  fitsCodeSpace,
  generateBatchCode,
  promotionCodeSpaceSize,
} from './promotion-code-batches';
import { isValidPromotionCode, promotionCodeLookupKey } from './promotion-codes';
import { limitedCoupon, now, unlimitedCoupon } from './promotion-code.fixtures';

const build = (input: Record<string, unknown>, coupon: PromotionCodeCouponFacts | null = unlimitedCoupon) =>
  buildPromotionCodeBatchAttributes({ coupon_code: 'SUMMER', count: 100, ...input }, coupon, now);
const errorsOf = (input: Record<string, unknown>, coupon: PromotionCodeCouponFacts | null = unlimitedCoupon) => {
  const result = build(input, coupon);
  return result.ok ? {} : result.errors;
};
const attributesOf = (input: Record<string, unknown>, coupon: PromotionCodeCouponFacts | null = unlimitedCoupon) => {
  const result = build(input, coupon);
  if (!result.ok) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.attributes;
};

describe('promotionCodeSpaceSize', () => {
  it.each<[number, bigint]>([
    [0, 1n],
    [1, 31n],
    [4, 923_521n],
    [5, 28_629_151n],
    [8, 852_891_037_441n],
    [10, 819_628_286_980_801n],
    [32, 529_144_398_052_420_314_716_929_933_900_838_757_437_386_767_361n],
  ])('31^%i = %s, exactly', (length, size) => {
    expect(promotionCodeSpaceSize(length)).toBe(size);
  });

  it('stays exact beyond 2^53', () => {
    expect(promotionCodeSpaceSize(11)).toBe(promotionCodeSpaceSize(10) * 31n);
    expect(promotionCodeSpaceSize(11)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it.each([-1, 2.5, Number.NaN])('refuses the length %p', (length) => {
    expect(() => promotionCodeSpaceSize(length)).toThrow(RangeError);
  });
});

describe('fitsCodeSpace', () => {
  it.each<[number, number, boolean]>([
    [9235, 4, true],
    [9236, 4, false],
    [286_291, 5, true],
    [286_292, 5, false],
    [1_000_000, 6, true],
    [1_000_000, 32, true],
    [1, 4, true],
  ])('%i codes of %i random symbols: %s', (count, length, fits) => {
    expect(fitsCodeSpace(count, length)).toBe(fits);
  });

  it('allows exactly the counts up to 1 % of 31^length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 4, max: 32 }), (count, length) => {
        expect(fitsCodeSpace(count, length)).toBe(BigInt(count) <= promotionCodeSpaceSize(length) / 100n);
      }),
    );
  });
});

describe('generateBatchCode', () => {
  it('puts the prefix as given before the random part', () => {
    for (let i = 0; i < 200; i += 1) expect(generateBatchCode('spring-', 10)).toMatch(/^spring-[A-HJKMNP-Z2-9]{10}$/);
  });

  it('uses the given random source', () => {
    const fill = (bytes: Uint8Array<ArrayBuffer>) => bytes.set([0, 1, 2, 3]);
    expect(generateBatchCode('X-', 4, fill)).toBe('X-ABCD');
  });

  it('always makes a valid promotion code, even at the extremes of prefix and length', () => {
    const { prefixMaxLength, lengthMin, lengthMax } = PROMOTION_CODE_BATCH_LIMITS;
    expect(isValidPromotionCode(generateBatchCode('', lengthMin))).toBe(true);
    expect(generateBatchCode('p'.repeat(prefixMaxLength), lengthMax)).toHaveLength(52);
    const prefix = fc.string({ unit: fc.constantFrom(...'aZ9-'), maxLength: prefixMaxLength });
    fc.assert(
      fc.property(prefix, fc.integer({ min: lengthMin, max: lengthMax }), (p, length) => {
        const code = generateBatchCode(p, length);
        expect(isValidPromotionCode(code)).toBe(true);
        expect(promotionCodeLookupKey(code)).toBe(code.toUpperCase());
      }),
    );
  });
});

describe('buildPromotionCodeBatchAttributes', () => {
  it('defaults to single-use codes of 10 random symbols and no prefix', () => {
    expect(build({})).toEqual({
      ok: true,
      attributes: {
        couponCode: 'SUMMER',
        count: 100,
        prefix: '',
        length: 10,
        maxRedemptions: 1,
        expiresAt: null,
        restrictions: NO_RESTRICTIONS,
        metadata: {},
      },
    });
  });

  it('takes every field of a full input', () => {
    const result = build(
      {
        count: 5000,
        prefix: 'Spring-',
        length: 12,
        max_redemptions: 3,
        expires_at: '2026-12-01T00:00:00Z',
        restrictions: { first_time_transaction: true, minimum_amount_cents: 1000, minimum_amount_currency: 'USD' },
        metadata: { channel: 'print' },
      },
      limitedCoupon,
    );
    expect(result).toEqual({
      ok: true,
      attributes: {
        couponCode: 'SUMMER',
        count: 5000,
        prefix: 'Spring-',
        length: 12,
        maxRedemptions: 3,
        expiresAt: new Date('2026-12-01T00:00:00Z'),
        restrictions: {
          customerExternalId: null,
          firstTimeTransaction: true,
          minimumAmountCents: 1000,
          minimumAmountCurrency: 'USD',
        },
        metadata: { channel: 'print' },
      },
    });
  });

  it('reports every field error together', () => {
    expect(
      buildPromotionCodeBatchAttributes(
        { count: 0, prefix: 'a b', length: 3, max_redemptions: 0, expires_at: '2020-01-01', metadata: 1 },
        unlimitedCoupon,
        now,
      ),
    ).toEqual({
      ok: false,
      errors: {
        coupon_code: ['value_is_mandatory'],
        count: ['value_is_out_of_range'],
        length: ['value_is_out_of_range'],
        prefix: ['value_is_invalid'],
        max_redemptions: ['value_is_out_of_range'],
        expires_at: ['invalid_date'],
        metadata: ['value_is_invalid'],
      },
    });
  });

  describe('count', () => {
    it.each([1, 2, 999_999, 1_000_000])('takes %i', (count) => {
      expect(attributesOf({ count }).count).toBe(count);
    });

    it.each<[unknown, string]>([
      [undefined, 'value_is_mandatory'],
      [null, 'value_is_mandatory'],
      [0, 'value_is_out_of_range'],
      [-1, 'value_is_out_of_range'],
      [1_000_001, 'value_is_out_of_range'],
      [1.5, 'value_is_invalid'],
      ['100', 'value_is_invalid'],
      [true, 'value_is_invalid'],
    ])('%j → %s', (count, key) => {
      expect(errorsOf({ count })).toEqual({ count: [key] });
    });

    it('stays within 1 % of the code space of its length', () => {
      expect(attributesOf({ count: 9235, length: 4 }).count).toBe(9235);
      expect(errorsOf({ count: 9236, length: 4 })).toEqual({ count: ['value_is_out_of_range'] });
      expect(attributesOf({ count: 286_291, length: 5 }).count).toBe(286_291);
      expect(errorsOf({ count: 286_292, length: 5 })).toEqual({ count: ['value_is_out_of_range'] });
    });

    it('is measured against the default length when none is given', () => {
      expect(attributesOf({ count: 1_000_000 }).length).toBe(10);
      expect(attributesOf({ count: 1_000_000, length: null }).length).toBe(10);
    });

    it('is not measured against a length that is itself wrong', () => {
      expect(errorsOf({ count: 9236, length: 3 })).toEqual({ length: ['value_is_out_of_range'] });
      expect(errorsOf({ count: 9236, length: '4' })).toEqual({ length: ['value_is_invalid'] });
    });

    it('reports out of range once when it is both too large and too large for its space', () => {
      expect(errorsOf({ count: 1_000_001, length: 4 })).toEqual({ count: ['value_is_out_of_range'] });
    });
  });

  describe('length', () => {
    it.each([4, 5, 31, 32])('takes %i', (length) => {
      expect(attributesOf({ count: 1, length }).length).toBe(length);
    });

    it.each<[unknown, string]>([
      [3, 'value_is_out_of_range'],
      [0, 'value_is_out_of_range'],
      [-4, 'value_is_out_of_range'],
      [33, 'value_is_out_of_range'],
      [4.5, 'value_is_invalid'],
      ['10', 'value_is_invalid'],
      [false, 'value_is_invalid'],
    ])('%j → %s', (length, key) => {
      expect(errorsOf({ count: 1, length })).toEqual({ length: [key] });
    });
  });

  describe('prefix', () => {
    it.each([undefined, null, ''])('%j means none', (prefix) => {
      expect(attributesOf({ prefix }).prefix).toBe('');
    });

    it.each(['A', 'spring-', 'Summer2026-', '-', 'x'.repeat(20)])('takes %j as given', (prefix) => {
      expect(attributesOf({ prefix }).prefix).toBe(prefix);
    });

    it('refuses more than 20 characters as value_is_out_of_range', () => {
      expect(errorsOf({ prefix: 'x'.repeat(21) })).toEqual({ prefix: ['value_is_out_of_range'] });
    });

    it.each(['a b', 'ab_', 'a.b', 'é', 'a/b', ' ', 12, true, ['A']])('refuses %j as value_is_invalid', (prefix) => {
      expect(errorsOf({ prefix })).toEqual({ prefix: ['value_is_invalid'] });
    });
  });

  describe('terms shared with a single code', () => {
    it('makes codes single-use by default, and takes another limit or none', () => {
      expect(attributesOf({}).maxRedemptions).toBe(1);
      expect(attributesOf({ max_redemptions: 5 }).maxRedemptions).toBe(5);
      expect(attributesOf({ max_redemptions: null }).maxRedemptions).toBeNull();
    });

    it('keeps each code within its coupon limits', () => {
      expect(attributesOf({}, limitedCoupon).maxRedemptions).toBe(1);
      expect(errorsOf({ max_redemptions: 101 }, limitedCoupon)).toEqual({ max_redemptions: ['value_is_out_of_range'] });
      expect(errorsOf({ expires_at: '2027-01-01T00:00:01Z' }, limitedCoupon)).toEqual({
        expires_at: ['value_is_out_of_range'],
      });
    });

    it('checks restrictions as for a single code', () => {
      expect(errorsOf({ restrictions: { minimum_amount_currency: 'EUR', customer_external_id: '' } })).toEqual({
        customer_external_id: ['value_is_mandatory'],
        minimum_amount_cents: ['value_is_mandatory'],
      });
    });

    it('skips the coupon limits while the coupon is unknown', () => {
      expect(errorsOf({ coupon_code: '', max_redemptions: 101 }, null)).toEqual({
        coupon_code: ['value_is_mandatory'],
      });
    });
  });
});
