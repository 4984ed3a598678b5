import { Injectable } from '@nestjs/common';
import { parseOverviewDays } from '@coupons/domain';
import { invalidField, Result, success } from '../common/result';
import type { Organization } from '../organizations/organization';
import { AnalyticsRepository, DailyTotal } from './analytics.repository';

const DAY_MS = 86_400_000;

export interface OverviewDay {
  date: string;
  redemptionsCount: number;
  discountAmountCents: number;
}

export interface CurrencyOverview {
  currency: string | null;
  redemptionsCount: number;
  discountAmountCents: number;
  /** Every day of the window, oldest first, zeros included. */
  daily: OverviewDay[];
}

export interface Overview {
  days: number;
  /** Midnight UTC of the window's first day (included). */
  from: Date;
  /** Midnight UTC after the window's last day, today (excluded). */
  to: Date;
  activeCoupons: number;
  currencies: CurrencyOverview[];
}

/** Currencies in alphabetical order; redemptions without a currency last. */
function byCurrency(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * GET /analytics/overview: redemptions and discounts given per UTC day and currency over the last `days`
 * days (today included), and the coupons active now.
 */
@Injectable()
export class GetOverviewService {
  constructor(private readonly analytics: AnalyticsRepository) {}

  async call(organization: Organization, params: { days?: unknown }): Promise<Result<Overview>> {
    const days = parseOverviewDays(params.days);
    if (days === null) return invalidField('days', 'value_is_invalid');
    const to = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS);
    const from = new Date(to.getTime() - days * DAY_MS);
    const [redemptions, discounts, activeCoupons] = await Promise.all([
      this.analytics.redemptions(organization.id, from, to),
      this.analytics.discounts(organization.id, from, to),
      this.analytics.activeCoupons(organization.id),
    ]);
    const dates = Array.from({ length: days }, (_, index) => new Date(from.getTime() + index * DAY_MS).toISOString().slice(0, 10));
    const currencies = [...new Set([...redemptions, ...discounts].map((row) => row.currency))].sort(byCurrency);
    return success({
      days,
      from,
      to,
      activeCoupons,
      currencies: currencies.map((currency) => currencyOverview(currency, dates, redemptions, discounts)),
    });
  }
}

function currencyOverview(currency: string | null, dates: string[], redemptions: DailyTotal[], discounts: DailyTotal[]): CurrencyOverview {
  const perDay = (rows: DailyTotal[]) => new Map(rows.filter((row) => row.currency === currency).map((row) => [row.date, row.value]));
  const redeemed = perDay(redemptions);
  const discounted = perDay(discounts);
  const daily = dates.map((date) => ({ date, redemptionsCount: redeemed.get(date) ?? 0, discountAmountCents: discounted.get(date) ?? 0 }));
  return {
    currency,
    redemptionsCount: daily.reduce((sum, day) => sum + day.redemptionsCount, 0),
    discountAmountCents: daily.reduce((sum, day) => sum + day.discountAmountCents, 0),
    daily,
  };
}
