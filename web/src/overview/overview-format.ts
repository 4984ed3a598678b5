/** Labels of the overview's figures: UTC days, counts and the sentences charts are summarised by. */
import { formatMoney } from '../coupons/money';
import type { OverviewDay } from './overview-types';

/** The API's days are UTC days: shown as such, whatever the operator's zone ("2 Nov"). */
export function formatDay(date: string, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    ...(style === 'long' ? { year: 'numeric' } : {}),
  }).format(new Date(`${date}T00:00:00Z`));
}

export function formatCount(count: number): string {
  return new Intl.NumberFormat().format(count);
}

/** One series of the overview: how a day's value is read and written. */
export interface Series {
  /** "Redemptions", "Discount given". */
  name: string;
  value: (day: OverviewDay) => number;
  format: (value: number) => string;
}

export const redemptionsSeries: Series = {
  name: 'Redemptions',
  value: (day) => day.redemptions_count,
  format: formatCount,
};

export function discountSeries(currency: string): Series {
  return { name: 'Discount given', value: (day) => day.discount_amount_cents, format: (cents) => formatMoney(cents, currency) };
}

/**
 * What a chart shows, in one sentence for screen readers: the total, the busiest day and the days
 * with any activity, so the picture is not the only way to read it.
 */
export function summarize(series: Series, subject: string, daily: OverviewDay[]): string {
  const total = daily.reduce((sum, day) => sum + series.value(day), 0);
  const first = daily[0]?.date;
  const last = daily.at(-1)?.date;
  const range = first && last ? ` from ${formatDay(first, 'long')} to ${formatDay(last, 'long')}` : '';
  if (total === 0) return `${series.name} ${subject} per UTC day${range}: none.`;
  const busiest = daily.reduce((best, day) => (series.value(day) > series.value(best) ? day : best));
  const activeDays = daily.filter((day) => series.value(day) > 0).length;
  return (
    `${series.name} ${subject} per UTC day${range}: ${series.format(total)} in total over ${activeDays} ` +
    `${activeDays === 1 ? 'day' : 'days'}, highest on ${formatDay(busiest.date, 'long')} with ${series.format(series.value(busiest))}.`
  );
}
