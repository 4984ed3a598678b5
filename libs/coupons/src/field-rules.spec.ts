import {
  checkIdentifier,
  isPlainObject,
  parseBoolean,
  parseCurrency,
  parseCurrencyOptions,
  parseDateField,
  parseEnum,
  parseIdentifier,
  parseMetadata,
  parsePositiveInteger,
  parseRate,
  parseText,
  settleField,
} from './field-rules';

const MAX = Number.MAX_SAFE_INTEGER;

describe('parsePositiveInteger', () => {
  it.each<[unknown, number | null]>([
    [1, 1],
    [MAX, MAX],
    [10.0, 10],
    [null, null],
    [undefined, null],
  ])('accepts %p', (input, value) => expect(parsePositiveInteger(input)).toEqual({ ok: true, value }));

  it.each<[unknown]>([['1000'], [10.5], [-0.5], [NaN], [Infinity], [true], [{}], [[1]]])(
    'rejects %p as invalid',
    (input) => {
      expect(parsePositiveInteger(input)).toEqual({ ok: false, error: 'value_is_invalid' });
    },
  );

  it.each<[unknown]>([[0], [-0], [-1], [MAX + 1], [2 ** 60], [1e21]])('rejects %p as out of range', (input) => {
    expect(parsePositiveInteger(input)).toEqual({ ok: false, error: 'value_is_out_of_range' });
  });

  it('honours a smaller maximum', () => {
    expect(parsePositiveInteger(10, 10)).toEqual({ ok: true, value: 10 });
    expect(parsePositiveInteger(11, 10)).toEqual({ ok: false, error: 'value_is_out_of_range' });
  });
});

describe('parseText', () => {
  it('checks type, blankness and length in characters', () => {
    expect(parseText('a'.repeat(255), 255, true)).toEqual({ ok: true, value: 'a'.repeat(255) });
    expect(parseText('😀'.repeat(255), 255, true)).toEqual({ ok: true, value: '😀'.repeat(255) });
    expect(parseText('a'.repeat(256), 255, true)).toEqual({ ok: false, error: 'value_is_out_of_range' });
    expect(parseText('  \n', 255, true)).toEqual({ ok: false, error: 'value_is_mandatory' });
    expect(parseText('', 255, true)).toEqual({ ok: false, error: 'value_is_mandatory' });
    expect(parseText('', 255, false)).toEqual({ ok: true, value: '' });
    expect(parseText(12, 255, false)).toEqual({ ok: false, error: 'value_is_invalid' });
    expect(parseText(null, 255, true)).toEqual({ ok: true, value: null });
  });
});

describe('small parsers', () => {
  it('parses enums exactly', () => {
    expect(parseEnum(['a', 'b'], 'a')).toEqual({ ok: true, value: 'a' });
    expect(parseEnum(['a', 'b'], 'A')).toEqual({ ok: false, error: 'value_is_invalid' });
    expect(parseEnum(['a', 'b'], 1)).toEqual({ ok: false, error: 'value_is_invalid' });
    expect(parseEnum(['a', 'b'], null)).toEqual({ ok: true, value: null });
  });

  it('parses currencies exactly', () => {
    expect(parseCurrency('EUR')).toEqual({ ok: true, value: 'EUR' });
    expect(parseCurrency('eur')).toEqual({ ok: false, error: 'value_is_invalid' });
    expect(parseCurrency('XAU')).toEqual({ ok: false, error: 'value_is_invalid' });
    expect(parseCurrency(undefined)).toEqual({ ok: true, value: null });
  });

  it('parses rates, treating a missing one as null', () => {
    expect(parseRate('12.50')).toEqual({ ok: true, value: '12.5' });
    expect(parseRate(null)).toEqual({ ok: true, value: null });
    expect(parseRate(0)).toEqual({ ok: false, error: 'value_is_out_of_range' });
    expect(parseRate('x')).toEqual({ ok: false, error: 'value_is_invalid' });
  });

  it('parses dates with the caller’s error key', () => {
    expect(parseDateField('2026-01-01', 'invalid_date')).toEqual({ ok: true, value: new Date('2026-01-01T00:00:00Z') });
    expect(parseDateField('2026-02-30', 'invalid_date')).toEqual({ ok: false, error: 'invalid_date' });
    expect(parseDateField(5, 'value_is_invalid')).toEqual({ ok: false, error: 'value_is_invalid' });
    expect(parseDateField(null, 'invalid_date')).toEqual({ ok: true, value: null });
  });

  it('parses booleans strictly', () => {
    expect(parseBoolean(false)).toEqual({ ok: true, value: false });
    for (const value of [null, undefined, 'true', 1, 0]) {
      expect(parseBoolean(value)).toEqual({ ok: false, error: 'value_is_invalid' });
    }
  });

  it('parses codes', () => {
    expect(parseIdentifier('A-1')).toEqual({ ok: true, value: 'A-1' });
    expect(parseIdentifier(null)).toEqual({ ok: true, value: null });
    expect(parseIdentifier(12)).toEqual({ ok: false, error: 'value_is_invalid' });
    expect(parseIdentifier(' ')).toEqual({ ok: false, error: 'value_is_mandatory' });
    expect(parseIdentifier('a b')).toEqual({ ok: false, error: 'value_is_invalid' });
    expect(parseIdentifier('a'.repeat(256))).toEqual({ ok: false, error: 'value_is_out_of_range' });
  });
});

describe('parseMetadata', () => {
  const invalid = { ok: false, error: 'value_is_invalid' };
  const fiftyKeys = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));

  it('accepts maps within the limits', () => {
    expect(parseMetadata({ a: '1', b: '' })).toEqual({ ok: true, value: { a: '1', b: '' } });
    expect(parseMetadata(fiftyKeys)).toEqual({ ok: true, value: fiftyKeys });
    expect(parseMetadata({ ['k'.repeat(40)]: 'v'.repeat(500) }).ok).toBe(true);
    expect(parseMetadata({ ['😀'.repeat(40)]: '😀'.repeat(500) }).ok).toBe(true);
    expect(parseMetadata(null)).toEqual({ ok: true, value: {} });
    expect(parseMetadata({})).toEqual({ ok: true, value: {} });
  });

  it.each<[string, unknown]>([
    ['an array', [['a', 'b']]],
    ['a string', 'a=b'],
    ['a number', 1],
    ['51 keys', { ...fiftyKeys, extra: 'v' }],
    ['an empty key', { '': 'v' }],
    ['a 41-character key', { ['k'.repeat(41)]: 'v' }],
    ['a 501-character value', { k: 'v'.repeat(501) }],
    ['a number value', { k: 1 }],
    ['a null value', { k: null }],
    ['a nested value', { k: { a: 'b' } }],
    ['a boolean value', { k: true }],
  ])('rejects %s', (_, value) => {
    expect(parseMetadata(value)).toEqual(invalid);
  });

  it('keeps a __proto__ key as plain data without touching any prototype', () => {
    const raw = JSON.parse('{"__proto__": "x", "constructor": "y"}') as unknown;
    const result = parseMetadata(raw);
    if (!result.ok) throw new Error('rejected');
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.hasOwn(result.value, '__proto__')).toBe(true);
    expect(Object.keys(result.value)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(result.value)).toBe('{"__proto__":"x","constructor":"y"}');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('rejects a __proto__ key holding an object instead of adopting it', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown;
    expect(parseMetadata(raw)).toEqual(invalid);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseCurrencyOptions', () => {
  const invalid = { ok: false, error: 'value_is_invalid' };

  it('accepts ISO codes with positive integer minor units', () => {
    expect(
      parseCurrencyOptions({ EUR: { amount_cents: 4500 }, JPY: { amount_cents: 500 }, BHD: { amount_cents: 1 } }),
    ).toEqual({ ok: true, value: { EUR: { amountCents: 4500 }, JPY: { amountCents: 500 }, BHD: { amountCents: 1 } } });
    expect(parseCurrencyOptions({ EUR: { amount_cents: Number.MAX_SAFE_INTEGER, note: 'ignored' } })).toEqual({
      ok: true,
      value: { EUR: { amountCents: Number.MAX_SAFE_INTEGER } },
    });
    expect(parseCurrencyOptions(null)).toEqual({ ok: true, value: {} });
  });

  it.each<[string, unknown]>([
    ['an array', [{ EUR: { amount_cents: 1 } }]],
    ['a string', 'EUR'],
    ['a lower-case code', { eur: { amount_cents: 1 } }],
    ['a metal', { XAU: { amount_cents: 1 } }],
    ['XXX', { XXX: { amount_cents: 1 } }],
    ['an unknown code', { ABC: { amount_cents: 1 } }],
    ['a bare amount', { EUR: 4500 }],
    ['a missing amount', { EUR: {} }],
    ['a null amount', { EUR: { amount_cents: null } }],
    ['a string amount', { EUR: { amount_cents: '4500' } }],
    ['a fraction', { EUR: { amount_cents: 45.5 } }],
    ['zero', { EUR: { amount_cents: 0 } }],
    ['a negative amount', { EUR: { amount_cents: -1 } }],
    ['2^53', { EUR: { amount_cents: 2 ** 53 } }],
    ['one bad entry among good ones', { EUR: { amount_cents: 1 }, USD: { amount_cents: 0 } }],
    ['__proto__', JSON.parse('{"__proto__": {"amount_cents": 1}}')],
  ])('rejects %s', (_, value) => {
    expect(parseCurrencyOptions(value)).toEqual(invalid);
  });
});

describe('checkIdentifier', () => {
  it('returns a valid identifier and records nothing', () => {
    const errors = {};
    expect(checkIdentifier('starter_2026', 'code', errors)).toBe('starter_2026');
    expect(errors).toEqual({});
  });

  it.each([
    [undefined, 'value_is_mandatory'],
    [null, 'value_is_mandatory'],
    ['', 'value_is_mandatory'],
    ['\u3000', 'value_is_mandatory'],
    [12, 'value_is_invalid'],
    [['a'], 'value_is_invalid'],
    [{}, 'value_is_invalid'],
    [true, 'value_is_invalid'],
    ['a/b', 'value_is_invalid'],
    ['a\u0001b', 'value_is_invalid'],
    ['😀'.repeat(256), 'value_is_out_of_range'],
  ])('records %j as %s under its field', (value, key) => {
    const errors = { name: ['value_is_mandatory'] };
    expect(checkIdentifier(value, 'external_id', errors)).toBeNull();
    expect(errors).toEqual({ name: ['value_is_mandatory'], external_id: [key] });
  });
});

describe('settleField', () => {
  it('records a failure, or a missing required value, and yields the value otherwise', () => {
    const errors = {};
    expect(settleField(errors, 'a', { ok: true, value: 'x' }, true)).toBe('x');
    expect(settleField(errors, 'b', { ok: true, value: null }, false)).toBeNull();
    expect(settleField(errors, 'c', { ok: true, value: null }, true)).toBeNull();
    expect(settleField(errors, 'd', { ok: false, error: 'value_is_invalid' }, false)).toBeNull();
    expect(errors).toEqual({ c: ['value_is_mandatory'], d: ['value_is_invalid'] });
  });
});

describe('isPlainObject', () => {
  it('accepts objects only, not arrays or null', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject({ a: 1 })).toBe(true);
    for (const value of [null, undefined, [], 'a', 1, true]) expect(isPlainObject(value)).toBe(false);
  });
});
