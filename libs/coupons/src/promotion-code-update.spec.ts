import fc from 'fast-check';
import {
  LOCKED_PROMOTION_CODE_FIELDS,
  type PromotionCodeCouponFacts,
  type StoredPromotionCode,
  buildPromotionCodeUpdate,
} from './promotion-code-attributes';
import { limitedCoupon, now, storedCode, unlimitedCoupon } from './promotion-code.fixtures';

const update = (
  input: Record<string, unknown>,
  stored: StoredPromotionCode = storedCode,
  coupon: PromotionCodeCouponFacts = limitedCoupon,
) => buildPromotionCodeUpdate(input, stored, coupon, now);
const errorsOf = (input: Record<string, unknown>, stored: StoredPromotionCode = storedCode) => {
  const result = update(input, stored);
  return result.ok ? {} : result.errors;
};
const unrestricted: StoredPromotionCode = {
  ...storedCode,
  maxRedemptions: null,
  expiresAt: null,
  restrictions: {
    customerExternalId: null,
    firstTimeTransaction: false,
    minimumAmountCents: null,
    minimumAmountCurrency: null,
  },
};

/** The stored code as the API returns it, with the fields an update ignores. */
const asReturned = {
  lago_id: '1b7c1a52-0000-4000-8000-000000000000',
  code: 'Summer-10',
  lago_coupon_id: '2b7c1a52-0000-4000-8000-000000000000',
  coupon_code: 'SUMMER',
  active: true,
  max_redemptions: 50,
  redemptions_count: 7,
  expires_at: '2026-12-01T00:00:00Z',
  restrictions: {
    customer_external_id: 'cus_1',
    first_time_transaction: true,
    minimum_amount_cents: 5000,
    minimum_amount_currency: 'EUR',
  },
  metadata: { campaign: 'summer' },
  lago_batch_id: null,
  created_at: '2026-05-01T00:00:00Z',
};

describe('buildPromotionCodeUpdate', () => {
  it('keeps everything when the input is empty', () => {
    expect(update({})).toEqual({ ok: true, attributes: storedCode });
  });

  it('changes active, metadata and expires_at', () => {
    expect(update({ active: false, metadata: { a: 'b' }, expires_at: '2026-09-01T00:00:00Z' })).toEqual({
      ok: true,
      attributes: {
        ...storedCode,
        active: false,
        metadata: { a: 'b' },
        expiresAt: new Date('2026-09-01T00:00:00Z'),
      },
    });
  });

  it('re-activates a code', () => {
    const inactive = { ...storedCode, active: false };
    expect(update({ active: true }, inactive)).toEqual({ ok: true, attributes: storedCode });
  });

  it('clears the expiry and the metadata with null', () => {
    expect(update({ expires_at: null, metadata: null })).toEqual({
      ok: true,
      attributes: { ...storedCode, expiresAt: null, metadata: {} },
    });
  });

  it('accepts the object as returned (read-only fields are ignored)', () => {
    expect(update(asReturned)).toEqual({ ok: true, attributes: storedCode });
  });

  it('lists the locked fields', () => {
    expect([...LOCKED_PROMOTION_CODE_FIELDS].sort()).toEqual([
      'code',
      'coupon_code',
      'max_redemptions',
      'restrictions',
    ]);
  });

  describe('locked fields', () => {
    it.each<[string, unknown]>([
      ['coupon_code', 'WINTER'],
      ['coupon_code', null],
      ['code', 'Winter-10'],
      ['code', 'SUMMER-10'],
      ['code', null],
      ['code', 'a b'],
      ['max_redemptions', 51],
      ['max_redemptions', null],
      ['max_redemptions', '50'],
      ['max_redemptions', 0],
      ['restrictions', null],
      ['restrictions', 'x'],
      ['restrictions', { customer_external_id: 'cus_2' }],
      ['restrictions', { customer_external_id: null }],
      ['restrictions', { first_time_transaction: false }],
      ['restrictions', { first_time_transaction: null }],
      ['restrictions', { minimum_amount_cents: 5001 }],
      ['restrictions', { minimum_amount_currency: 'USD' }],
    ])('refuses %s: %j as value_is_locked', (field, value) => {
      expect(errorsOf({ [field]: value })).toEqual({ [field]: ['value_is_locked'] });
    });

    it.each<[string, unknown]>([
      ['coupon_code', 'SUMMER'],
      ['code', 'Summer-10'],
      ['max_redemptions', 50],
      ['restrictions', {}],
      ['restrictions', { customer_external_id: 'cus_1' }],
      ['restrictions', { first_time_transaction: true, minimum_amount_cents: 5000 }],
      ['restrictions', asReturned.restrictions],
      ['restrictions', { ...asReturned.restrictions, unknown: 1 }],
    ])('accepts %s re-sent with the same value %j', (field, value) => {
      expect(update({ [field]: value })).toEqual({ ok: true, attributes: storedCode });
    });

    it('treats null restrictions as the same when there are none', () => {
      expect(update({ restrictions: null, max_redemptions: null }, unrestricted)).toEqual({
        ok: true,
        attributes: unrestricted,
      });
      expect(update({ restrictions: {} }, unrestricted).ok).toBe(true);
      expect(errorsOf({ restrictions: { first_time_transaction: true } }, unrestricted)).toEqual({
        restrictions: ['value_is_locked'],
      });
    });

    it('reports every locked field with the editable fields errors', () => {
      expect(
        errorsOf({
          coupon_code: 'WINTER',
          code: 'other',
          max_redemptions: 1,
          restrictions: null,
          active: 'no',
          expires_at: '2020-01-01',
          metadata: 1,
        }),
      ).toEqual({
        coupon_code: ['value_is_locked'],
        code: ['value_is_locked'],
        max_redemptions: ['value_is_locked'],
        restrictions: ['value_is_locked'],
        active: ['value_is_invalid'],
        expires_at: ['invalid_date'],
        metadata: ['value_is_invalid'],
      });
    });
  });

  describe('editable fields', () => {
    it.each([null, 'false', 0])('refuses active: %j', (value) => {
      expect(errorsOf({ active: value })).toEqual({ active: ['value_is_invalid'] });
    });

    it.each(['2026-06-01T12:00:00Z', '2026-05-01', 'later', 5])('refuses expires_at: %j as invalid_date', (value) => {
      expect(errorsOf({ expires_at: value })).toEqual({ expires_at: ['invalid_date'] });
    });

    it('keeps expires_at within the coupon expiration', () => {
      expect(update({ expires_at: '2027-01-01T00:00:00Z' }).ok).toBe(true);
      expect(errorsOf({ expires_at: '2027-01-01T00:00:01Z' })).toEqual({ expires_at: ['value_is_out_of_range'] });
      expect(update({ expires_at: '2030-01-01' }, storedCode, unlimitedCoupon).ok).toBe(true);
    });

    it('does not judge a stored expiry that has passed when it is not sent', () => {
      const lapsed = { ...storedCode, expiresAt: new Date('2026-01-01T00:00:00Z') };
      expect(update({ active: false }, lapsed)).toEqual({ ok: true, attributes: { ...lapsed, active: false } });
    });

    it('refuses metadata over its limits', () => {
      expect(errorsOf({ metadata: { a: 'x'.repeat(501) } })).toEqual({ metadata: ['value_is_invalid'] });
    });
  });

  it('never changes a locked field, whatever the input', () => {
    const anything = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 12 }), fc.object());
    const input = fc.dictionary(
      fc.constantFrom('coupon_code', 'code', 'max_redemptions', 'restrictions', 'active', 'metadata', 'expires_at'),
      anything,
    );
    fc.assert(
      fc.property(input, (raw) => {
        const result = update(raw);
        if (!result.ok) return;
        const { couponCode, code, maxRedemptions, restrictions } = result.attributes;
        expect({ couponCode, code, maxRedemptions, restrictions }).toEqual({
          couponCode: storedCode.couponCode,
          code: storedCode.code,
          maxRedemptions: storedCode.maxRedemptions,
          restrictions: storedCode.restrictions,
        });
      }),
    );
  });
});
