import fc from 'fast-check';
import { decimalFromNumber, parseDecimalString } from './decimal';
import { formatPercentageRate, parsePercentageRate, percentageRateToScaled, samePercentageRate } from './percentage';

describe('parsePercentageRate', () => {
  it.each<[unknown, string]>([
    [20, '20.0'],
    ['20', '20.0'],
    ['12.50', '12.5'],
    [12.5, '12.5'],
    [0.00001, '0.00001'],
    ['0.00001', '0.00001'],
    [100, '100.0'],
    ['100.00000', '100.0'],
    ['100.0000000', '100.0'],
    ['007.5', '7.5'],
    [33.33333, '33.33333'],
    ['0.10', '0.1'],
    [1e-5, '0.00001'],
    [99.99999, '99.99999'],
    ['12.500000000', '12.5'],
  ])('accepts %p as %s', (input, canonical) => {
    expect(parsePercentageRate(input)).toEqual({ ok: true, value: canonical });
  });

  it.each<[unknown]>([[null], [undefined]])('requires a value (%p)', (input) => {
    expect(parsePercentageRate(input)).toEqual({ ok: false, error: 'value_is_mandatory' });
  });

  it.each<[unknown]>([
    ['abc'],
    [''],
    [' 12'],
    ['12 '],
    ['1e1'],
    ['1E1'],
    ['0x10'],
    ['+12'],
    ['12.'],
    ['.5'],
    ['1,5'],
    ['12.5%'],
    ['٣'],
    [NaN],
    [Infinity],
    [-Infinity],
    [true],
    [{}],
    [[12]],
    ['0.000001'],
    [0.000001],
    [1e-7],
    [12.345678],
    ['100.000001'],
    ['--1'],
    ['1.2.3'],
  ])('rejects %p as invalid', (input) => {
    expect(parsePercentageRate(input)).toEqual({ ok: false, error: 'value_is_invalid' });
  });

  it.each<[unknown]>([
    [0],
    [-0],
    ['0'],
    ['0.00000'],
    ['-0'],
    [-1],
    ['-0.00001'],
    [100.00001],
    ['100.00001'],
    [101],
    [1e21],
    [1e300],
    ['99999999999999999999999999'],
  ])('rejects %p as out of range', (input) => {
    expect(parsePercentageRate(input)).toEqual({ ok: false, error: 'value_is_out_of_range' });
  });

  it('agrees between a number and its string form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (scaled) => {
        const text = (scaled / 100000).toFixed(5);
        const fromString = parsePercentageRate(text);
        const fromNumber = parsePercentageRate(Number(text));
        expect(fromNumber).toEqual(fromString);
        expect(fromString.ok).toBe(true);
        if (fromString.ok) expect(percentageRateToScaled(fromString.value)).toBe(BigInt(scaled));
      }),
    );
  });

  it('returns a canonical form that parses to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat({ max: 4 }), (scaled, zeros) => {
        const text = (scaled / 100000).toFixed(5) + '0'.repeat(zeros);
        const first = parsePercentageRate(text);
        if (!first.ok) throw new Error(`rejected ${text}`);
        expect(first.value).toMatch(/^(0|[1-9]\d*)\.(0|\d*[1-9])$/);
        expect(parsePercentageRate(first.value)).toEqual(first);
      }),
    );
  });
});

describe('formatPercentageRate', () => {
  it.each<[string | number | null | undefined, string | null]>([
    ['12.50000', '12.5'],
    ['20.00000', '20.0'],
    ['0.00001', '0.00001'],
    ['100.00000', '100.0'],
    [12.5, '12.5'],
    [20, '20.0'],
    ['0.00000', '0.0'],
    [null, null],
    [undefined, null],
    ['12.123456', '12.123456'],
  ])('formats %p as %p', (stored, expected) => {
    expect(formatPercentageRate(stored)).toBe(expected);
  });

  it('throws on stored garbage, a bug rather than a user error', () => {
    expect(() => formatPercentageRate('abc')).toThrow(TypeError);
    expect(() => formatPercentageRate(NaN)).toThrow(TypeError);
  });
});

describe('percentage helpers', () => {
  it('scales canonical rates exactly', () => {
    expect(percentageRateToScaled('12.5')).toBe(1250000n);
    expect(percentageRateToScaled('100.0')).toBe(10000000n);
    expect(percentageRateToScaled('0.00001')).toBe(1n);
    expect(() => percentageRateToScaled('0.000001')).toThrow(TypeError);
    expect(() => percentageRateToScaled('x')).toThrow(TypeError);
  });

  it('compares rates by meaning', () => {
    expect(samePercentageRate('12.5', '12.50000')).toBe(true);
    expect(samePercentageRate('12.5', '12.51')).toBe(false);
    expect(samePercentageRate(null, null)).toBe(true);
    expect(samePercentageRate(null, '1.0')).toBe(false);
    expect(samePercentageRate('1.0', null)).toBe(false);
  });
});

describe('decimal', () => {
  it('normalises strings', () => {
    expect(parseDecimalString('00012.3400')).toEqual({ negative: false, integer: '12', fraction: '34' });
    expect(parseDecimalString('-0.000')).toEqual({ negative: false, integer: '0', fraction: '' });
    expect(parseDecimalString('-1.5')).toEqual({ negative: true, integer: '1', fraction: '5' });
    expect(parseDecimalString('1e5')).toBeNull();
  });

  it.each<[number, string]>([
    [1e21, '1000000000000000000000'],
    [1.5e21, '1500000000000000000000'],
    [1e-7, '0.0000001'],
    [1.25e-7, '0.000000125'],
    [-2.5e-8, '-0.000000025'],
    [123.456, '123.456'],
    [0, '0'],
    [5e-324, `0.${'0'.repeat(323)}5`],
  ])('expands the number %p exactly', (value, text) => {
    const decimal = decimalFromNumber(value);
    expect(decimal).not.toBeNull();
    if (decimal === null) return;
    const sign = decimal.negative ? '-' : '';
    expect(sign + decimal.integer + (decimal.fraction ? `.${decimal.fraction}` : '')).toBe(text);
  });

  it('matches the value of any finite number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const decimal = decimalFromNumber(value);
        if (decimal === null) throw new Error('finite number not expanded');
        const text = `${decimal.negative ? '-' : ''}${decimal.integer}.${decimal.fraction || '0'}`;
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
