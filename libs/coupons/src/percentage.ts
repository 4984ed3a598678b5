import { ERROR_KEYS } from './enums';
import { LIMITS } from './limits';
import { type Decimal, decimalFromNumber, formatDecimal, parseDecimalString, toScaledBigInt } from './decimal';

export type PercentageRateResult =
  | { ok: true; value: string }
  | { ok: false; error: 'value_is_invalid' | 'value_is_out_of_range' | 'value_is_mandatory' };

/** Rates are handled as integers of 1/100000 percent (the DECIMAL scale of the column). */
export const PERCENTAGE_SCALE = LIMITS.percentageMaxDecimals;
const HUNDRED_PERCENT = 100n * 10n ** BigInt(PERCENTAGE_SCALE);

function toDecimal(value: unknown): Decimal | null {
  if (typeof value === 'number') return decimalFromNumber(value);
  if (typeof value === 'string') return parseDecimalString(value);
  return null;
}

/**
 * Validates a wire `percentage_rate` (JSON number or numeric string) and returns its canonical
 * string. Format is checked before range, so "100.000001" is invalid rather than out of range.
 */
export function parsePercentageRate(value: unknown): PercentageRateResult {
  if (value === null || value === undefined) return { ok: false, error: ERROR_KEYS.value_is_mandatory };
  const decimal = toDecimal(value);
  if (decimal === null || decimal.fraction.length > PERCENTAGE_SCALE) {
    return { ok: false, error: ERROR_KEYS.value_is_invalid };
  }
  const scaled = toScaledBigInt(decimal, PERCENTAGE_SCALE);
  if (scaled <= 0n || scaled > HUNDRED_PERCENT) return { ok: false, error: ERROR_KEYS.value_is_out_of_range };
  return { ok: true, value: formatDecimal(decimal) };
}

/**
 * Canonical wire form of a stored rate: the DECIMAL column comes back as "12.50000" (or a number
 * from some drivers). Stored data was validated on the way in, so garbage here is a bug and throws.
 */
export function formatPercentageRate(stored: string | number | null | undefined): string | null {
  if (stored === null || stored === undefined) return null;
  const decimal = toDecimal(stored);
  if (decimal === null) throw new TypeError(`Not a decimal percentage rate: ${String(stored)}`);
  return formatDecimal(decimal);
}

/** A canonical (validated) rate as an integer count of 1/100000 percent: "12.5" → 1250000n. */
export function percentageRateToScaled(rate: string): bigint {
  const decimal = parseDecimalString(rate);
  if (decimal === null || decimal.fraction.length > PERCENTAGE_SCALE) {
    throw new TypeError(`Not a valid percentage rate: ${rate}`);
  }
  return toScaledBigInt(decimal, PERCENTAGE_SCALE);
}

/** True when both rates denote the same number ("12.5" and "12.50000"); null equals only null. */
export function samePercentageRate(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return formatPercentageRate(a) === formatPercentageRate(b);
}
