import fc from 'fast-check';
import { COUPON_CODE_ALPHABET, generateCouponCode, identifierError, isBlank, isValidCouponCode } from './codes';

describe('generateCouponCode', () => {
  it('produces XXXX-XXXX-XXXX from the unambiguous alphabet', () => {
    for (let i = 0; i < 500; i += 1) {
      const code = generateCouponCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
      expect(code).not.toMatch(/[01OIL]/);
      expect(isValidCouponCode(code)).toBe(true);
    }
  });

  it('has no look-alike characters in its alphabet', () => {
    expect(COUPON_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(COUPON_CODE_ALPHABET).size).toBe(31);
    expect(COUPON_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('does not repeat itself', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateCouponCode()));
    expect(codes.size).toBe(2000);
  });

  it('redraws bytes at or above 248 instead of folding them (no modulo bias)', () => {
    const draws = [
      [248, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [31, 247, 249, 249, 249, 249, 249, 249, 249, 249, 249, 249],
    ];
    const fill = (bytes: Uint8Array<ArrayBuffer>): void => {
      bytes.set(draws.shift() ?? []);
    };
    // 248 and 255 are dropped, 0..9 give A..K, then 31 → 'A' (31 % 31) and 247 → '9' (247 % 31 = 30).
    expect(generateCouponCode(fill)).toBe('ABCD-EFGH-JKA9');
    expect(draws).toHaveLength(0);
  });

  it('maps every accepted byte value uniformly: each symbol from exactly 8 bytes', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte += 1) {
      let used = false;
      const fill = (bytes: Uint8Array<ArrayBuffer>): void => {
        bytes.fill(used ? 0 : byte);
        used = true;
      };
      const first = generateCouponCode(fill)[0];
      if (byte < 248) counts.set(first, (counts.get(first) ?? 0) + 1);
      else expect(first).toBe('A');
    }
    expect([...counts.values()].every((count) => count === 8)).toBe(true);
    expect(counts.size).toBe(31);
  });
});

describe('isValidCouponCode / identifierError', () => {
  it.each(['A', 'SUMMER-2026', 'summer_2026', 'v1.2.3', 'ÉTÉ', 'a'.repeat(255), '😀'.repeat(255), 'a+b', 'a%2Fb'])(
    'accepts %j',
    (code) => {
      expect(isValidCouponCode(code)).toBe(true);
      expect(identifierError(code)).toBeNull();
    },
  );

  it.each(['', ' ', '\t', '\u00a0\u3000'])('treats blank %j as missing', (code) => {
    expect(identifierError(code)).toBe('value_is_mandatory');
    expect(isValidCouponCode(code)).toBe(false);
  });

  it('limits the length to 255 characters', () => {
    expect(identifierError('a'.repeat(256))).toBe('value_is_out_of_range');
    expect(identifierError('😀'.repeat(256))).toBe('value_is_out_of_range');
  });

  it.each([
    'a b',
    'a\tb',
    'a\nb',
    'a\rb',
    'a\u00a0b',
    'a\u0085b',
    'a\u2028b',
    'a\u3000b',
    'a\u2003b',
    'a\u1680b',
    'a\ufeffb',
    'a/b',
    '/',
    'a\u0000b',
    'a\u007fb',
    'a\ud800b',
    'a\udc00',
  ])('rejects %j as invalid', (code) => {
    expect(identifierError(code)).toBe('value_is_invalid');
    expect(isValidCouponCode(code)).toBe(false);
  });

  it('accepts any printable code of 1..255 characters without whitespace or slash', () => {
    const printable = fc
      .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 255 })
      .filter((s) => !/[\s/\p{Cc}]/u.test(s));
    fc.assert(fc.property(printable, (code) => expect(isValidCouponCode(code)).toBe(true)));
  });
});

describe('identifierError at its boundaries', () => {
  const astral = '😀'; // one code point, two UTF-16 units
  const combining = 'e\u0301'; // two code points, one grapheme

  it('counts code points, not UTF-16 units: 255 fit, 256 do not, whatever the plane', () => {
    for (const unit of ['a', 'é', '中', astral, '\u{10FFFD}']) {
      expect(identifierError(unit.repeat(255))).toBeNull();
      expect(identifierError(unit.repeat(256))).toBe('value_is_out_of_range');
    }
    expect(identifierError(astral.repeat(128))).toBeNull(); // 256 UTF-16 units, 128 characters
    expect(identifierError(`${'a'.repeat(254)}${astral}`)).toBeNull();
    expect(identifierError(`${'a'.repeat(255)}${astral}`)).toBe('value_is_out_of_range');
    expect(identifierError(combining.repeat(127) + 'a')).toBeNull(); // 255 code points
    expect(identifierError(combining.repeat(128))).toBe('value_is_out_of_range'); // 256 code points, 128 graphemes
  });

  it('reports length before a forbidden character, and a blank value before anything', () => {
    expect(identifierError(`${'a'.repeat(256)}/`)).toBe('value_is_out_of_range');
    expect(identifierError(' '.repeat(300))).toBe('value_is_mandatory');
  });

  it('rejects every C0 and C1 control character and DEL, wherever it stands', () => {
    const controls = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];
    for (const codePoint of controls) {
      const char = String.fromCodePoint(codePoint);
      for (const value of [`${char}a`, `a${char}`, `a${char}b`]) expect(identifierError(value)).toBe('value_is_invalid');
    }
  });

  it('rejects unpaired surrogates but accepts paired ones', () => {
    for (const value of ['\ud800', '\udfff', 'a\ud83d', '\ude00a', '\ude00\ud83d', 'a\udbffb']) {
      expect(identifierError(value)).toBe('value_is_invalid');
    }
    expect(identifierError('\ud83d\ude00')).toBeNull();
    expect(identifierError('\udbff\udffd')).toBeNull();
  });

  it('rejects every kind of whitespace inside a code and treats whitespace alone as blank', () => {
    const whitespace = [
      ' ', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003',
      '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f',
      '\u3000', '\ufeff',
    ];
    for (const space of whitespace) {
      expect(identifierError(`a${space}b`)).toBe('value_is_invalid');
      expect(identifierError(`${space}a`)).toBe('value_is_invalid');
      expect(identifierError(space)).toBe('value_is_mandatory');
      expect(isBlank(space)).toBe(true);
    }
  });

  it('rejects a slash anywhere, and only the slash among path-like characters', () => {
    for (const value of ['/', '/a', 'a/', 'a/b', '//']) expect(identifierError(value)).toBe('value_is_invalid');
    for (const value of ['a\\b', 'a?b', 'a#b', 'a%2Fb', 'a.b', '..', 'a:b', 'a@b']) expect(identifierError(value)).toBeNull();
  });

  it('accepts invisible but non-control formatting characters that are not whitespace', () => {
    expect(identifierError('a\u200bb')).toBeNull(); // zero-width space is a format character (Cf), not White_Space
    expect(identifierError('a\u200db')).toBeNull();
  });
});

describe('isBlank', () => {
  it('is true for empty and whitespace-only strings only', () => {
    expect(isBlank('')).toBe(true);
    expect(isBlank(' \t\n\u00a0\u3000\ufeff\u0085')).toBe(true);
    expect(isBlank(' a ')).toBe(false);
    expect(isBlank('\u200b')).toBe(false);
  });
});
