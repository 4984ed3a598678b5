import { CURRENCY_CODES, currencyExponent, currencyName, formatMinorUnits, isCurrencyCode } from './currencies';

describe('currencies', () => {
  it('holds ISO codes with a minor unit, sorted and unique', () => {
    expect(CURRENCY_CODES).toEqual(expect.arrayContaining(['EUR', 'USD', 'JPY', 'BHD', 'CLF', 'XOF', 'XPF']));
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    for (const code of CURRENCY_CODES) expect(code).toMatch(/^[A-Z]{3}$/);
    expect(Object.isFrozen(CURRENCY_CODES)).toBe(true);
  });

  it.each(['XAU', 'XAG', 'XPD', 'XPT', 'XDR', 'XSU', 'XUA', 'XBA', 'XBB', 'XBC', 'XBD', 'XTS', 'XXX'])(
    'excludes %s, which has no minor unit',
    (code) => {
      expect(CURRENCY_CODES).not.toContain(code);
      expect(isCurrencyCode(code)).toBe(false);
    },
  );

  it('matches exact upper-case codes only', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    for (const value of ['eur', 'Eur', ' EUR', 'EUR ', 'EURO', '', 'ZZZ', null, undefined, 978, ['EUR'], {}]) {
      expect(isCurrencyCode(value)).toBe(false);
    }
  });

  it('does not treat inherited Map/Object names as codes', () => {
    expect(isCurrencyCode('constructor')).toBe(false);
    expect(isCurrencyCode('__proto__')).toBe(false);
  });

  it.each([
    ['JPY', 0],
    ['KRW', 0],
    ['XOF', 0],
    ['EUR', 2],
    ['USD', 2],
    ['BHD', 3],
    ['KWD', 3],
    ['CLF', 4],
    ['UYW', 4],
  ])('gives %s exponent %i', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it('refuses an exponent for unknown or excluded codes', () => {
    expect(() => currencyExponent('XAU')).toThrow(RangeError);
    expect(() => currencyExponent('eur')).toThrow(RangeError);
  });

  it('names currencies, trimmed, and null for unknown codes', () => {
    expect(currencyName('EUR')).toBe('Euro');
    expect(currencyName('KMF')).toBe('Comorian Franc');
    expect(currencyName('XAU')).toBeNull();
    expect(currencyName('nope')).toBeNull();
  });

  it.each([
    [1234, 'EUR', '12.34'],
    [5, 'EUR', '0.05'],
    [0, 'EUR', '0.00'],
    [-5, 'BHD', '-0.005'],
    [1500, 'JPY', '1500'],
    [1, 'CLF', '0.0001'],
    [Number.MAX_SAFE_INTEGER, 'EUR', '90071992547409.91'],
  ])('formats %i %s as %s', (cents, code, text) => {
    expect(formatMinorUnits(cents, code)).toBe(text);
  });

  it('refuses to format non-integers', () => {
    expect(() => formatMinorUnits(1.5, 'EUR')).toThrow(RangeError);
    expect(() => formatMinorUnits(2 ** 53, 'EUR')).toThrow(RangeError);
  });
});
