/**
 * Amounts written in major units ("10.50" USD), as some billing APIs take them, converted to integer minor
 * units on the digits alone: never through binary floating point.
 */
import { currencyExponent } from './currencies';
import { decimalFromNumber, parseDecimalString, toScaledBigInt } from './decimal';
import { type FieldResult, parsePositiveInteger } from './field-rules';
import { ERROR_KEYS } from './enums';
import { LIMITS } from './limits';

/** Integer digits that can still be a safe integer of minor units; more is out of range without counting. */
const MAX_INTEGER_DIGITS = String(LIMITS.maxInteger).length;

/**
 * A money amount in major units of `currency` as integer minor units: "10.50" USD → 1050, "1500" JPY → 1500,
 * "1.005" BHD → 1005. A decimal string or a JSON number (read as the decimal it prints as); trailing zeros are
 * not precision ("10.500" USD is 1050). More significant decimals than the currency's minor unit ("10.505"
 * USD, "1.5" JPY), or anything but a plain decimal ("1e3", " 10", "10,5"), is `value_is_invalid`; the
 * converted amount follows the rule of any amount in minor units (a positive safe integer, else
 * `value_is_out_of_range`). Null or undefined is no amount. Throws on an unknown currency, as
 * currencyExponent does: the caller validates the currency first.
 */
export function parseMajorUnits(value: unknown, currency: string): FieldResult<number | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  const exponent = currencyExponent(currency);
  const decimal =
    typeof value === 'string' ? parseDecimalString(value) : typeof value === 'number' ? decimalFromNumber(value) : null;
  if (decimal === null || decimal.fraction.length > exponent) return { ok: false, error: ERROR_KEYS.value_is_invalid };
  // A negative amount is out of range whatever its size; a huge one is, before building a huge integer.
  if (decimal.negative || decimal.integer.length > MAX_INTEGER_DIGITS) return { ok: false, error: ERROR_KEYS.value_is_out_of_range };
  const minorUnits = toScaledBigInt(decimal, exponent);
  return parsePositiveInteger(minorUnits > BigInt(LIMITS.maxInteger) ? LIMITS.maxInteger + 1 : Number(minorUnits));
}
