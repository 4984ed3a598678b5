import fc from 'fast-check';
import { COUPON_CODE_ALPHABET, couponCodeError, generateCouponCode, isValidCouponCode } from './codes';

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

describe('isValidCouponCode / couponCodeError', () => {
  it.each(['A', 'SUMMER-2026', 'summer_2026', 'v1.2.3', 'ÉTÉ', 'a'.repeat(255), '😀'.repeat(255), 'a+b', 'a%2Fb'])(
    'accepts %j',
    (code) => {
      expect(isValidCouponCode(code)).toBe(true);
      expect(couponCodeError(code)).toBeNull();
    },
  );

  it.each(['', ' ', '\t', '\u00a0\u3000'])('treats blank %j as missing', (code) => {
    expect(couponCodeError(code)).toBe('value_is_mandatory');
    expect(isValidCouponCode(code)).toBe(false);
  });

  it('limits the length to 255 characters', () => {
    expect(couponCodeError('a'.repeat(256))).toBe('value_is_out_of_range');
    expect(couponCodeError('😀'.repeat(256))).toBe('value_is_out_of_range');
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
    expect(couponCodeError(code)).toBe('value_is_invalid');
    expect(isValidCouponCode(code)).toBe(false);
  });

  it('accepts any printable code of 1..255 characters without whitespace or slash', () => {
    const printable = fc
      .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 255 })
      .filter((s) => !/[\s/\x00-\x1f\x7f]/.test(s));
    fc.assert(fc.property(printable, (code) => expect(isValidCouponCode(code)).toBe(true)));
  });
});
