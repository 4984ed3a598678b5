import { LIMITS } from './limits';
import { NO_RESTRICTIONS, buildPromotionCodeAttributes } from './promotion-code-attributes';
import { now, unlimitedCoupon } from './promotion-code.fixtures';

const create = (restrictions: unknown) =>
  buildPromotionCodeAttributes({ coupon_code: 'SUMMER', restrictions }, unlimitedCoupon, now);
const restrictionsOf = (restrictions: unknown) => {
  const result = create(restrictions);
  if (!result.ok) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.attributes.restrictions;
};
const restrictionErrors = (restrictions: unknown) => {
  const result = create(restrictions);
  return result.ok ? {} : result.errors;
};

describe('buildPromotionCodeAttributes: restrictions', () => {
  it.each([undefined, null, {}])('%j means none', (value) => {
    expect(restrictionsOf(value)).toEqual(NO_RESTRICTIONS);
  });

  it.each(['cus_1', [], 1, true])('refuses the non-object %j', (value) => {
    expect(restrictionErrors(value)).toEqual({ restrictions: ['value_is_invalid'] });
  });

  describe('customer_external_id', () => {
    it.each(['cus_1', 'Cus.1@example.com', 'x'.repeat(255), 'Ünïcode'])('takes %j as given', (value) => {
      expect(restrictionsOf({ customer_external_id: value }).customerExternalId).toBe(value);
    });

    it('takes null as no customer restriction', () => {
      expect(restrictionsOf({ customer_external_id: null }).customerExternalId).toBeNull();
    });

    it.each<[unknown, string]>([
      ['', 'value_is_mandatory'],
      [' \t', 'value_is_mandatory'],
      ['cus 1', 'value_is_invalid'],
      ['cus/1', 'value_is_invalid'],
      ['cus\u0000', 'value_is_invalid'],
      [42, 'value_is_invalid'],
      ['x'.repeat(256), 'value_is_out_of_range'],
    ])('%j → %s, as any identifier', (value, key) => {
      expect(restrictionErrors({ customer_external_id: value })).toEqual({ customer_external_id: [key] });
    });
  });

  describe('first_time_transaction', () => {
    it.each([true, false])('takes %j', (value) => {
      expect(restrictionsOf({ first_time_transaction: value }).firstTimeTransaction).toBe(value);
    });

    it('defaults to false', () => {
      expect(restrictionsOf({ customer_external_id: 'cus_1' }).firstTimeTransaction).toBe(false);
    });

    it.each([null, 'true', 1])('refuses %j', (value) => {
      expect(restrictionErrors({ first_time_transaction: value })).toEqual({
        first_time_transaction: ['value_is_invalid'],
      });
    });
  });

  describe('minimum amount', () => {
    const minimum = (cents: unknown, currency: unknown = 'EUR') => ({
      minimum_amount_cents: cents,
      minimum_amount_currency: currency,
    });

    it.each([0, 1, 5000, LIMITS.maxInteger])('takes %j cents with its currency', (cents) => {
      expect(restrictionsOf(minimum(cents))).toEqual({
        ...NO_RESTRICTIONS,
        minimumAmountCents: cents,
        minimumAmountCurrency: 'EUR',
      });
    });

    it.each(['JPY', 'BHD', 'CLF', 'USD'])('takes the currency %j', (currency) => {
      expect(restrictionsOf(minimum(100, currency)).minimumAmountCurrency).toBe(currency);
    });

    it.each<[unknown, string]>([
      [-1, 'value_is_out_of_range'],
      [LIMITS.maxInteger + 1, 'value_is_out_of_range'],
      [1.5, 'value_is_invalid'],
      ['5000', 'value_is_invalid'],
      [true, 'value_is_invalid'],
    ])('refuses %j cents: %s', (cents, key) => {
      expect(restrictionErrors(minimum(cents))).toEqual({ minimum_amount_cents: [key] });
    });

    it.each(['eur', 'EURO', 'ZZZ', 'XAU', 'XXX', 978, ''])(
      'refuses the currency %j (ISO 4217 with a minor unit only)',
      (currency) => {
        expect(restrictionErrors(minimum(100, currency))).toEqual({ minimum_amount_currency: ['value_is_invalid'] });
      },
    );

    it.each([undefined, null])('wants the currency of an amount (currency %j)', (currency) => {
      expect(restrictionErrors({ minimum_amount_cents: 100, minimum_amount_currency: currency })).toEqual({
        minimum_amount_currency: ['value_is_mandatory'],
      });
    });

    it.each([undefined, null])('wants the amount of a currency (amount %j)', (cents) => {
      expect(restrictionErrors({ minimum_amount_cents: cents, minimum_amount_currency: 'EUR' })).toEqual({
        minimum_amount_cents: ['value_is_mandatory'],
      });
    });

    it('reports a bad amount and its missing currency together', () => {
      expect(restrictionErrors({ minimum_amount_cents: '100' })).toEqual({
        minimum_amount_cents: ['value_is_invalid'],
        minimum_amount_currency: ['value_is_mandatory'],
      });
    });

    it('does not call a bad partner missing', () => {
      expect(restrictionErrors(minimum(100, 'eur'))).toEqual({ minimum_amount_currency: ['value_is_invalid'] });
    });

    it('is none when both are null', () => {
      expect(restrictionsOf(minimum(null, null))).toEqual(NO_RESTRICTIONS);
    });
  });
});
