import fc from 'fast-check';
import * as domain from '@coupons/domain';
import { COUPON_CODE_ALPHABET } from './codes';
import {
  PROMOTION_CODE_LIMITS,
  generatePromotionCode,
  isValidPromotionCode,
  promotionCodeLookupKey,
  randomPromotionCodeSymbols,
} from './promotion-codes';

const CODE_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-';

/** A fill that serves `draws` in order, one array per call. */
const scripted = (draws: number[][]) => (bytes: Uint8Array<ArrayBuffer>) => {
  bytes.set(draws.shift() ?? []);
};

describe('isValidPromotionCode', () => {
  it.each(['abc', 'ABC', 'a-b', '---', '123', 'Summer-2026', 'x'.repeat(64), 'K7QXM2HD', '0O1Il'])(
    'accepts %j',
    (code) => {
      expect(isValidPromotionCode(code)).toBe(true);
    },
  );

  it.each([
    ['empty', ''],
    ['2 characters', 'ab'],
    ['65 characters', 'x'.repeat(65)],
    ['a space', 'ab c'],
    ['a leading space', ' abc'],
    ['a trailing newline', 'abc\n'],
    ['an underscore', 'ab_c'],
    ['a dot', 'ab.c'],
    ['a slash', 'ab/c'],
    ['a letter with an accent', 'été'],
    ['a non-ASCII letter that upper-cases to ASCII', 'straße'],
    ['the Kelvin sign', 'K\u212Aa'],
    ['an emoji', 'ab😀'],
    ['a full-width digit', 'ab１'],
    ['a NUL', 'ab\u0000'],
  ])('refuses %s', (_, code) => {
    expect(isValidPromotionCode(code)).toBe(false);
  });

  it.each([null, undefined, 123, true, ['abc'], { code: 'abc' }])('refuses the non-string %j', (value) => {
    expect(isValidPromotionCode(value)).toBe(false);
  });

  it('accepts exactly the strings of 3 to 64 code characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...CODE_CHARACTERS), maxLength: 80 }), (code) => {
        expect(isValidPromotionCode(code)).toBe(code.length >= 3 && code.length <= 64);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 3, maxLength: 64 }), (code) => {
        expect(isValidPromotionCode(code)).toBe([...code].every((c) => CODE_CHARACTERS.includes(c)));
      }),
    );
  });
});

describe('promotionCodeLookupKey', () => {
  it('is the same for every spelling of a code that differs only in case', () => {
    expect(promotionCodeLookupKey('summer-10')).toBe('SUMMER-10');
    expect(promotionCodeLookupKey('SUMMER-10')).toBe('SUMMER-10');
    expect(promotionCodeLookupKey('SuMmEr-10')).toBe('SUMMER-10');
  });

  it('keeps digits and dashes', () => {
    expect(promotionCodeLookupKey('a-1-b-2')).toBe('A-1-B-2');
  });

  it('is null for what cannot be a code, so a lookup finds nothing', () => {
    expect(promotionCodeLookupKey('ab')).toBeNull();
    expect(promotionCodeLookupKey('x'.repeat(65))).toBeNull();
    expect(promotionCodeLookupKey('ab c')).toBeNull();
    // 'ß'.toUpperCase() is 'SS' and the Kelvin sign lower-cases to 'k': neither may reach an ASCII code.
    expect(promotionCodeLookupKey('maß')).toBeNull();
    expect(promotionCodeLookupKey('\u212Aey')).toBeNull();
  });

  it('equates two codes exactly when they are equal ignoring ASCII case', () => {
    const code = fc.string({ unit: fc.constantFrom(...CODE_CHARACTERS), minLength: 3, maxLength: 64 });
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(promotionCodeLookupKey(a) === promotionCodeLookupKey(b)).toBe(a.toLowerCase() === b.toLowerCase());
      }),
    );
  });

  it('gives a key that is itself a valid code, and its own key', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...CODE_CHARACTERS), minLength: 3, maxLength: 64 }), (code) => {
        const key = promotionCodeLookupKey(code);
        expect(key).not.toBeNull();
        expect(isValidPromotionCode(key)).toBe(true);
        expect(promotionCodeLookupKey(key!)).toBe(key);
      }),
    );
  });
});

describe('randomPromotionCodeSymbols', () => {
  it('draws the requested number of symbols from the unambiguous alphabet', () => {
    for (const length of [0, 1, 4, 10, 32, 64]) {
      const symbols = randomPromotionCodeSymbols(length);
      expect(symbols).toHaveLength(length);
      expect([...symbols].every((c) => COUPON_CODE_ALPHABET.includes(c))).toBe(true);
    }
  });

  it('redraws bytes at or above 248 instead of folding them (no modulo bias)', () => {
    const fill = scripted([
      [248, 0, 255, 30],
      [249, 31, 247, 62],
    ]);
    // 248 and 255 are dropped, 0 → A, 30 → 9; then 249 dropped, 31 → A, 247 → 9 (247 % 31 = 30).
    expect(randomPromotionCodeSymbols(4, fill)).toBe('A9A9');
  });

  it('keeps drawing while every byte is rejected', () => {
    const fill = scripted([
      [255, 255, 255],
      [250, 249, 248],
      [1, 2, 3],
    ]);
    expect(randomPromotionCodeSymbols(3, fill)).toBe('BCD');
  });

  it('maps every accepted byte to one symbol, each symbol from exactly 8 byte values', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 248; byte += 1) {
      const symbol = randomPromotionCodeSymbols(1, scripted([[byte]]));
      counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect(counts.size).toBe(31);
    expect([...counts.values()].every((count) => count === 8)).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the length %p', (length) => {
    expect(() => randomPromotionCodeSymbols(length)).toThrow(RangeError);
  });

  it('spreads symbols evenly enough over many draws', () => {
    const counts = new Map<string, number>();
    const symbols = randomPromotionCodeSymbols(31_000);
    for (const symbol of symbols) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    expect(counts.size).toBe(31);
    // Expected 1000 each; a fair source stays within ±25 % with overwhelming probability.
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(250);
  });
});

describe('generatePromotionCode', () => {
  it('makes valid 8-symbol codes from the unambiguous alphabet', () => {
    expect(PROMOTION_CODE_LIMITS.generatedLength).toBe(8);
    for (let i = 0; i < 500; i += 1) {
      const code = generatePromotionCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      expect(isValidPromotionCode(code)).toBe(true);
      expect(promotionCodeLookupKey(code)).toBe(code);
    }
  });

  it('does not repeat itself', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => generatePromotionCode()));
    expect(codes.size).toBe(5000);
  });

  it('uses the given random source', () => {
    expect(generatePromotionCode(scripted([[0, 1, 2, 3, 4, 5, 6, 7]]))).toBe('ABCDEFGH');
  });
});

describe('@coupons/domain', () => {
  it('exposes the promotion code rules through the package entry point', () => {
    for (const name of [
      'isValidPromotionCode',
      'promotionCodeLookupKey',
      'generatePromotionCode',
      'randomPromotionCodeSymbols',
      'buildPromotionCodeAttributes',
      'buildPromotionCodeUpdate',
      'couponCodeOf',
      'buildPromotionCodeBatchAttributes',
      'generateBatchCode',
      'promotionCodeSpaceSize',
      'fitsCodeSpace',
      'promotionCodeRefusal',
    ] as const) {
      expect(typeof domain[name]).toBe('function');
    }
    expect(domain.PROMOTION_CODE_REFUSALS).toHaveLength(5);
    expect(domain.LOCKED_PROMOTION_CODE_FIELDS).toContain('restrictions');
  });
});
