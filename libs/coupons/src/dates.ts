/**
 * Date-times on the wire: ISO 8601 with an explicit zone in, `YYYY-MM-DDTHH:MM:SSZ` (UTC) out.
 * A time without a zone is ambiguous (server local time in Lago), so it is refused.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2})))?$/;

/** Instants a MySQL DATETIME column can hold; anything outside would fail or wrap on insert. */
const MIN_TIME = Date.UTC(1000, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; setUTCFullYear avoids the 19xx mapping of years < 100.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/**
 * Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z`,
 * `±HH:MM` or `±HHMM`. Impossible calendar values (2026-02-30, 24:00, 10:61, offset 25:00)
 * and anything that is not a string give null. Fractions below a millisecond are truncated.
 */
export function parseDateTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME.exec(value);
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;

  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const [offsetHours, offsetMins] = [Number(m[10]), Number(m[11])];
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }

  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offsetMinutes, second, millis);
  const time = date.getTime();
  return time >= MIN_TIME && time <= MAX_TIME ? date : null;
}

/** `YYYY-MM-DDTHH:MM:SSZ` in UTC, milliseconds dropped; null for null, undefined or an invalid Date. */
export function formatDateTime(date: Date | null | undefined): string | null {
  if (date === null || date === undefined || Number.isNaN(date.getTime())) return null;
  return `${date.toISOString().slice(0, 19)}Z`;
}
