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
 * (which utf8mb4 cannot store faithfully), and `/`, which would break paths such as `/coupons/:code`.
 */
const FORBIDDEN_IN_IDENTIFIER = /[\s\p{White_Space}\p{Cc}\p{Cs}/]/u;

const BLANK = /^[\s\p{White_Space}]*$/u;

/** Empty, or whitespace only (any Unicode whitespace): what a form would show as nothing. */
export function isBlank(value: string): boolean {
  return BLANK.test(value);
}

export type IdentifierError = 'value_is_mandatory' | 'value_is_out_of_range' | 'value_is_invalid';

/**
 * The one rule for identifiers — coupon codes, plan and billable metric codes, customer external ids:
 * case-sensitive, 1 to 255 characters counted as code points (what a utf8mb4 VARCHAR(255) holds), no
 * whitespace, no `/`, no control character, no unpaired surrogate. Blank → mandatory, too long → out of
 * range, a forbidden character → invalid.
 */
export function identifierError(value: string): IdentifierError | null {
  if (isBlank(value)) return ERROR_KEYS.value_is_mandatory;
  if (charLength(value) > LIMITS.codeMaxLength) return ERROR_KEYS.value_is_out_of_range;
  if (FORBIDDEN_IN_IDENTIFIER.test(value)) return ERROR_KEYS.value_is_invalid;
  return null;
}

/** A coupon code is an identifier: dots, dashes, underscores and any printable character are fine. */
export function isValidCouponCode(value: string): boolean {
  return identifierError(value) === null;
}
