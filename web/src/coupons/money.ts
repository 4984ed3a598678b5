/// <reference lib="es2023.intl" />
/**
 * Money in the dashboard: operators type major units ("12.50"), the API stores integer minor
 * units. Conversion is done on the digits, never through floating point, using the currency's
 * ISO exponent from the domain (JPY 0, EUR 2, BHD 3).
 */
import { currencyExponent, formatMinorUnits, LIMITS } from '@coupons/domain';

export type AmountResult = { ok: true; cents: number } | { ok: false; error: string };

const MAJOR_AMOUNT = /^(\d+)(?:[.,](\d*))?$/;

/** "12.50" EUR → 1250; "1500" JPY → 1500; "1.005" BHD → 1005. Errors are ready-to-show sentences. */
export function parseMajorAmount(text: string, currency: string): AmountResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter an amount' };
  const match = MAJOR_AMOUNT.exec(trimmed);
  if (!match) return { ok: false, error: 'Enter a number such as 12.50' };
  const exponent = currencyExponent(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) {
    return {
      ok: false,
      error: exponent === 0 ? `${currency} has no decimals` : `${currency} allows at most ${exponent} decimals`,
    };
  }
  const cents = Number(match[1] + fraction.padEnd(exponent, '0'));
  if (cents <= 0) return { ok: false, error: 'Enter an amount greater than 0' };
  if (cents > LIMITS.maxInteger) return { ok: false, error: 'This amount is too large' };
  return { ok: true, cents };
}

/** Minor units back to what an operator would type: 1250 EUR → "12.50". */
export function minorToMajorInput(cents: number, currency: string): string {
  return formatMinorUnits(cents, currency);
}

/**
 * 1250 EUR → "€12.50", 1500 JPY → "¥1,500", 1005 KWD → "KWD 1.005", in the operator's locale, with exactly
 * the currency's ISO minor digits (Intl's own table differs for a few). The amount goes to Intl as a decimal
 * string: a double would round the last digits of the largest amounts (16 significant digits and more).
 */
export function formatMoney(cents: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const major = formatMinorUnits(cents, currency) as `${number}`;
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(major);
}

/**
 * The API's decimal string as an operator reads it: "15.0" → "15%", "12.50000" → "12.5%", "0.00001" →
 * "0.00001%". Trailing zeros go, digits are never rounded (a rate has up to five decimals).
 */
export function formatPercentage(rate: string): string {
  return `${rate.includes('.') ? rate.replace(/\.?0+$/, '') : rate}%`;
}
