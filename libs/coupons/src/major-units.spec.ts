import fc from 'fast-check';
import { CURRENCY_CODES, currencyExponent, formatMinorUnits } from './currencies';
import { LIMITS } from './limits';
import { parseMajorUnits } from './major-units';

const ok = (value: number | null) => ({ ok: true, value });
const invalid = { ok: false, error: 'value_is_invalid' };
const outOfRange = { ok: false, error: 'value_is_out_of_range' };

describe('parseMajorUnits', () => {
  it.each([
    ['10.50', 'USD', 1050],
    ['10.5', 'USD', 1050],
    ['10', 'USD', 1000],
    ['0.01', 'USD', 1],
    ['1500', 'JPY', 1500],
    ['1.005', 'BHD', 1005],
    ['0.0001', 'CLF', 1],
    ['007.10', 'EUR', 710],
  ])('converts %s %s to %i minor units', (amount, currency, minorUnits) => {
    expect(parseMajorUnits(amount, currency)).toEqual(ok(minorUnits));
  });

  it('reads trailing zeros as no precision at all', () => {
    expect(parseMajorUnits('10.500', 'USD')).toEqual(ok(1050));
    expect(parseMajorUnits('1500.00', 'JPY')).toEqual(ok(1500));
    expect(parseMajorUnits('1.0050', 'BHD')).toEqual(ok(1005));
  });

  it('refuses more significant decimals than the currency has', () => {
    expect(parseMajorUnits('10.505', 'USD')).toEqual(invalid);
    expect(parseMajorUnits('1.5', 'JPY')).toEqual(invalid);
    expect(parseMajorUnits('0.0001', 'BHD')).toEqual(invalid);
    expect(parseMajorUnits('0.00001', 'CLF')).toEqual(invalid);
  });

  it('takes a JSON number as the decimal it prints as, never through float arithmetic', () => {
    expect(parseMajorUnits(10.5, 'USD')).toEqual(ok(1050));
    // 0.1 + 0.2 prints as 0.30000000000000004: more precise than cents, so refused rather than rounded.
    expect(parseMajorUnits(0.1 + 0.2, 'USD')).toEqual(invalid);
    expect(parseMajorUnits(1.13, 'USD')).toEqual(ok(113));
    expect(parseMajorUnits(1e-7, 'USD')).toEqual(invalid);
    expect(parseMajorUnits(Number.NaN, 'USD')).toEqual(invalid);
    expect(parseMajorUnits(Number.POSITIVE_INFINITY, 'USD')).toEqual(invalid);
  });

  it.each(['', ' 10', '10 ', '1e3', '+10', '10,50', '.5', '5.', '0x10', 'ten', '--1', '1.2.3', '١٠'])(
    'refuses %j, which is no plain decimal',
    (amount) => {
      expect(parseMajorUnits(amount, 'USD')).toEqual(invalid);
    },
  );

  it.each([true, [], {}, ['10'], { amount: '10' }])('refuses the non-amount %j', (amount) => {
    expect(parseMajorUnits(amount, 'USD')).toEqual(invalid);
  });

  it('gives no amount for null or undefined', () => {
    expect(parseMajorUnits(null, 'USD')).toEqual(ok(null));
    expect(parseMajorUnits(undefined, 'USD')).toEqual(ok(null));
  });

  it('puts zero, negative and unsafe amounts out of range', () => {
    for (const amount of ['0', '0.00', '-0', '-1', '-0.01', -5, 0]) expect(parseMajorUnits(amount, 'USD')).toEqual(outOfRange);
    expect(parseMajorUnits('90071992547409.91', 'USD')).toEqual(ok(LIMITS.maxInteger));
    expect(parseMajorUnits('90071992547409.92', 'USD')).toEqual(outOfRange);
    expect(parseMajorUnits('9007199254740992', 'JPY')).toEqual(outOfRange);
    expect(parseMajorUnits('1'.repeat(100_000), 'USD')).toEqual(outOfRange);
    expect(parseMajorUnits(1e300, 'USD')).toEqual(outOfRange);
  });

  it('throws on an unknown currency: the caller validates it first', () => {
    expect(() => parseMajorUnits('10', 'usd')).toThrow(RangeError);
    expect(() => parseMajorUnits('10', 'XAU')).toThrow(RangeError);
  });

  it('inverts formatMinorUnits for every currency and every safe positive amount', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), fc.integer({ min: 1, max: LIMITS.maxInteger }), (currency, minorUnits) => {
        expect(parseMajorUnits(formatMinorUnits(minorUnits, currency), currency)).toEqual(ok(minorUnits));
      }),
    );
  });

  it('never accepts more decimals than the exponent, whatever the digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), fc.stringMatching(/^[0-9]{1,12}$/), fc.stringMatching(/^[0-9]{0,8}[1-9]$/), (currency, integer, fraction) => {
        const result = parseMajorUnits(`${integer}.${fraction}`, currency);
        if (fraction.length > currencyExponent(currency)) expect(result).toEqual(invalid);
        else expect(result.ok || (result as { error: string }).error === 'value_is_out_of_range').toBe(true);
      }),
    );
  });
});
