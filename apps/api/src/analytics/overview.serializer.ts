import { formatDateTime } from '@coupons/domain';
import type { Overview } from './get-overview.service';

/** The `overview` wire shape, in a fixed key order (documented in docs/analytics.md). */
export function serializeOverview(overview: Overview) {
  return {
    days: overview.days,
    from: formatDateTime(overview.from),
    to: formatDateTime(overview.to),
    active_coupons: overview.activeCoupons,
    currencies: overview.currencies.map((entry) => ({
      currency: entry.currency,
      redemptions_count: entry.redemptionsCount,
      discount_amount_cents: entry.discountAmountCents,
      daily: entry.daily.map((day) => ({
        date: day.date,
        redemptions_count: day.redemptionsCount,
        discount_amount_cents: day.discountAmountCents,
      })),
    })),
  };
}
