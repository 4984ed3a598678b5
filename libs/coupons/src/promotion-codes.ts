/**
 * Promotion codes: the customer-facing codes of a coupon (one coupon, any number of codes). Their
 * namespace is separate from coupon codes, and unlike coupon codes they are unique and looked up
 * ignoring case, because customers type them.
 */
import { COUPON_CODE_ALPHABET, type RandomFill } from './codes';

export const PROMOTION_CODE_LIMITS = {
  minLength: 3,
  maxLength: 64,
  /** Length of a generated code: 31^8 ≈ 8.5 × 10^11 possibilities. */
  generatedLength: 8,
} as const;

/** The characters a promotion code may contain; they are safe in a URL path and in a CSV cell. */
export const PROMOTION_CODE_CHARACTERS = /^[A-Za-z0-9-]*$/;

const PROMOTION_CODE = new RegExp(
  `^[A-Za-z0-9-]{${PROMOTION_CODE_LIMITS.minLength},${PROMOTION_CODE_LIMITS.maxLength}}$`,
);

/** 3 to 64 characters of `A–Z a–z 0–9 -`. */
export function isValidPromotionCode(value: unknown): value is string {
  return typeof value === 'string' && PROMOTION_CODE.test(value);
}

/**
 * The key that makes `summer-10` and `SUMMER-10` the same code, for the uniqueness index and for
 * lookups; the code itself is returned as stored. Null for a value that cannot be a promotion code,
 * so a lookup of it finds nothing without asking the database (and a non-ASCII value such as `ß`
 * can never fold onto an existing code).
 */
export function promotionCodeLookupKey(value: string): string | null {
  return isValidPromotionCode(value) ? value.toUpperCase() : null;
}

/** Largest multiple of the alphabet size that fits in a byte; bytes above it are redrawn (no modulo bias). */
const UNBIASED_BYTE_LIMIT = Math.floor(256 / COUPON_CODE_ALPHABET.length) * COUPON_CODE_ALPHABET.length;

const cryptoFill: RandomFill = (bytes) => {
  // The Web Crypto CSPRNG exists in Node 20 and in browsers, so the dashboard bundle can import this file.
  globalThis.crypto.getRandomValues(bytes);
};

/**
 * `length` symbols drawn uniformly from the unambiguous alphabet (no 0/O, 1/I/L) by rejection
 * sampling. `fill` is injectable so tests can drive the rejection path.
 */
export function randomPromotionCodeSymbols(length: number, fill: RandomFill = cryptoFill): string {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`Invalid code length: ${length}`);
  let symbols = '';
  const bytes = new Uint8Array(length);
  while (symbols.length < length) {
    fill(bytes);
    for (const byte of bytes) {
      if (byte < UNBIASED_BYTE_LIMIT && symbols.length < length) {
        symbols += COUPON_CODE_ALPHABET[byte % COUPON_CODE_ALPHABET.length];
      }
    }
  }
  return symbols;
}

/** A code for a create that gave none, such as `K7QXM2HD`. Uniqueness is still the database's job. */
export function generatePromotionCode(fill: RandomFill = cryptoFill): string {
  return randomPromotionCodeSymbols(PROMOTION_CODE_LIMITS.generatedLength, fill);
}
