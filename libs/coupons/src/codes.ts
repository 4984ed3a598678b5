import { ERROR_KEYS } from './enums';
import { LIMITS, charLength } from './limits';

/** Upper-case letters and digits minus the look-alikes 0/O, 1/I/L: 31 symbols. */
export const COUPON_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

const GROUPS = 3;
const GROUP_LENGTH = 4;
/** Largest multiple of the alphabet size that fits in a byte; bytes above it are redrawn (no modulo bias). */
const UNBIASED_BYTE_LIMIT = Math.floor(256 / COUPON_CODE_ALPHABET.length) * COUPON_CODE_ALPHABET.length;

export type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => void;

const cryptoFill: RandomFill = (bytes) => {
  globalThis.crypto.getRandomValues(bytes);
};

/**
 * A readable code such as `K7QX-2MHD-9RTA` (12 symbols, about 59 bits of entropy). Uniqueness
 * is still enforced by the database; `fill` is injectable so tests can drive the rejection path.
 */
export function generateCouponCode(fill: RandomFill = cryptoFill): string {
  const symbols: string[] = [];
  const bytes = new Uint8Array(GROUPS * GROUP_LENGTH);
  while (symbols.length < GROUPS * GROUP_LENGTH) {
    fill(bytes);
    for (const byte of bytes) {
      if (byte < UNBIASED_BYTE_LIMIT && symbols.length < GROUPS * GROUP_LENGTH) {
        symbols.push(COUPON_CODE_ALPHABET[byte % COUPON_CODE_ALPHABET.length]);
      }
    }
  }
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i += 1) groups.push(symbols.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''));
  return groups.join('-');
}

/**
 * Whitespace of any kind (JS `\s` misses U+0085), control characters and lone surrogates
 * (which utf8mb4 cannot store faithfully), and `/`, which would break the `/coupons/:code` path.
 */
const FORBIDDEN_IN_CODE = /[\s\p{White_Space}\p{Cc}\p{Cs}/]/u;

const BLANK = /^[\s\p{White_Space}]*$/u;

export type CouponCodeError = 'value_is_mandatory' | 'value_is_out_of_range' | 'value_is_invalid';

/** Why a code string is unacceptable: blank → mandatory, over 255 characters → out of range, bad characters → invalid. */
export function couponCodeError(value: string): CouponCodeError | null {
  if (BLANK.test(value)) return ERROR_KEYS.value_is_mandatory;
  if (charLength(value) > LIMITS.codeMaxLength) return ERROR_KEYS.value_is_out_of_range;
  if (FORBIDDEN_IN_CODE.test(value)) return ERROR_KEYS.value_is_invalid;
  return null;
}

/** 1 to 255 characters, none of them forbidden. Case-sensitive; dots, dashes and underscores are fine. */
export function isValidCouponCode(value: string): boolean {
  return couponCodeError(value) === null;
}
