import { data as isoCurrencies } from 'currency-codes';

/**
 * ISO 4217 codes that are not money with a minor unit: precious metals, SDR, Sucre, ADB unit,
 * bond-market units, the test code and "no currency". ISO lists their minor unit as "N.A.";
 * the `currency-codes` data reports 0 for them, which would wrongly make them usable.
 */
const WITHOUT_MINOR_UNIT = new Set([
  'XAU',
  'XAG',
  'XPD',
  'XPT',
  'XDR',
  'XSU',
  'XUA',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XTS',
  'XXX',
]);

interface CurrencyInfo {
  readonly exponent: number;
  readonly name: string;
}

const BY_CODE: ReadonlyMap<string, CurrencyInfo> = new Map(
  isoCurrencies
    .filter((c) => !WITHOUT_MINOR_UNIT.has(c.code))
    .map((c) => [c.code, { exponent: c.digits, name: c.currency.trim() }] as const),
);

/** ISO 4217 codes usable for money amounts, sorted. */
export const CURRENCY_CODES: readonly string[] = Object.freeze([...BY_CODE.keys()].sort());

/** Exact, case-sensitive membership: `"eur"` is not a currency code on the wire. */
export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && BY_CODE.has(value);
}

function infoOf(code: string): CurrencyInfo {
  const info = BY_CODE.get(code);
  // Money maths on an unvalidated currency is a programming error, not a user error.
  if (info === undefined) throw new RangeError(`Unknown currency code: ${code}`);
  return info;
}

/** Number of minor-unit digits: JPY 0, EUR 2, BHD 3, CLF 4. Throws on an unknown code. */
export function currencyExponent(code: string): number {
  return infoOf(code).exponent;
}

/** English ISO name ("Euro"), or null for an unknown code (display only). */
export function currencyName(code: string): string | null {
  return BY_CODE.get(code)?.name ?? null;
}

/** Minor units as an exact decimal string in major units: (1234, 'EUR') → "12.34", (-5, 'BHD') → "-0.005". */
export function formatMinorUnits(amountCents: number, code: string): string {
  if (!Number.isSafeInteger(amountCents)) throw new RangeError(`Not a safe integer: ${amountCents}`);
  const exponent = currencyExponent(code);
  const digits = Math.abs(amountCents)
    .toString()
    .padStart(exponent + 1, '0');
  const sign = amountCents < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
