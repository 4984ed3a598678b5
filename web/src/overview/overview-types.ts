/**
 * Wire shape of `GET /analytics/overview`, written out by hand until the API's OpenAPI document is
 * regenerated with it; it mirrors the API's serializer key for key.
 */
export interface OverviewDay {
  /** A UTC day, `YYYY-MM-DD`. */
  date: string;
  redemptions_count: number;
  discount_amount_cents: number;
}

export interface OverviewCurrency {
  /** Null: percentage coupons applied to customers without a currency. */
  currency: string | null;
  redemptions_count: number;
  discount_amount_cents: number;
  daily: OverviewDay[];
}

export interface Overview {
  days: number;
  from: string;
  to: string;
  active_coupons: number;
  currencies: OverviewCurrency[];
}

export interface OverviewResponse {
  overview: Overview;
}
