/** Exact decimal handling on strings: rates never go through binary floating point arithmetic. */

/** A decimal in normal form: no leading zeros in `integer` (at least "0"), no trailing zeros in `fraction`. */
export interface Decimal {
  readonly negative: boolean;
  readonly integer: string;
  readonly fraction: string;
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Parses `-?digits(.digits)?` only: no exponent, sign "+", hex, blanks or bare dots. */
export function parseDecimalString(text: string): Decimal | null {
  const match = PLAIN_DECIMAL.exec(text);
  if (match === null) return null;
  const integer = match[2].replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const isZero = integer === '0' && fraction === '';
  return { negative: match[1] === '-' && !isZero, integer, fraction };
}

/**
 * The exact decimal a JSON number denotes. JavaScript prints the shortest string that
 * round-trips, switching to exponent notation outside 1e-7..1e21; this expands it.
 */
export function decimalFromNumber(value: number): Decimal | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return parseDecimalString(text);
  const digits = match[2] + (match[3] ?? '');
  const pointAt = match[2].length + Number(match[4]);
  const expanded =
    pointAt <= 0
      ? `0.${'0'.repeat(-pointAt)}${digits}`
      : pointAt >= digits.length
        ? digits + '0'.repeat(pointAt - digits.length)
        : `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return parseDecimalString(match[1] + expanded);
}

/** The value times 10^scale as an integer; the caller guarantees `fraction.length <= scale`. */
export function toScaledBigInt(value: Decimal, scale: number): bigint {
  if (value.fraction.length > scale) throw new RangeError('Decimal has more digits than the scale');
  const magnitude = BigInt(value.integer + value.fraction.padEnd(scale, '0'));
  return value.negative ? -magnitude : magnitude;
}

/** Canonical text keeping one decimal at least: "20.0", "12.5", "0.00001". */
export function formatDecimal(value: Decimal): string {
  return `${value.negative ? '-' : ''}${value.integer}.${value.fraction === '' ? '0' : value.fraction}`;
}
