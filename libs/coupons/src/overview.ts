/**
 * The activity overview's window, in whole UTC days: a month by default, at most a year (its answer holds one
 * row per day and currency). The API checks `days` against it; the dashboard asks for the default.
 */
export const OVERVIEW_DAYS = { default: 30, min: 1, max: 365 } as const;

/** `days` as sent in a query string: absent (the default), or a plain whole number in range; null otherwise. */
export function parseOverviewDays(raw: unknown): number | null {
  if (raw === undefined) return OVERVIEW_DAYS.default;
  if (typeof raw !== 'string' || !/^\d{1,3}$/.test(raw)) return null;
  const days = Number(raw);
  return days >= OVERVIEW_DAYS.min && days <= OVERVIEW_DAYS.max ? days : null;
}
