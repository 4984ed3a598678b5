/**
 * Date-times are picked with <input type="datetime-local"> in the operator's own time zone and
 * sent as UTC (`…Z`), which is the only form the API stores and returns.
 */
import { formatDateTime, parseDateTime } from '@coupons/domain';

/** "2030-05-01T14:30" (local wall time) → "2030-05-01T09:00:00Z" in UTC+05:30; null for blank or junk. */
export function localInputToUtc(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  // ECMAScript reads a date-time without an offset as local time, which is exactly what we want.
  return formatDateTime(new Date(value));
}

/** "2030-05-01T09:00:00Z" → "2030-05-01T14:30" for a datetime-local input in the operator's zone. */
export function utcToLocalInput(iso: string | null): string {
  const date = iso ? parseDateTime(iso) : null;
  if (!date) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A readable date-time in the operator's zone for tables and detail pages; `seconds` where order matters (logs). */
export function formatDisplayDate(iso: string | null, { seconds = false } = {}): string {
  const date = iso ? parseDateTime(iso) : null;
  if (!date) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }).format(date);
}

/** "2026-01-10T10:00:00.374Z" → "2026-01-10 10:00:00 UTC": the stored instant, shown on hover; null for junk. */
export function formatUtc(iso: string | null): string | null {
  const date = iso ? parseDateTime(iso) : null;
  return date ? `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` : null;
}

/** Name of the operator's time zone, shown beside date pickers so nobody has to guess. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
