/** Wire shapes of the API (CONTRACT.md §3, §6, §8), as the dashboard reads them. */
import type { CouponStatus, CouponType, Expiration, Frequency } from '@coupons/domain';

export interface Coupon {
  lago_id: string;
  name: string;
  code: string;
  description: string | null;
  coupon_type: CouponType;
  amount_cents: number | null;
  amount_currency: string | null;
  percentage_rate: string | null;
  frequency: Frequency;
  frequency_duration: number | null;
  reusable: boolean;
  limited_plans: boolean;
  limited_billable_metrics: boolean;
  plan_codes: string[];
  billable_metric_codes: string[];
  created_at: string;
  expiration: Expiration;
  expiration_at: string | null;
  terminated_at: string | null;
  status: CouponStatus;
  max_redemptions: number | null;
  redemptions_count: number;
  starts_at: string | null;
  metadata: Record<string, string>;
  currency_options: Record<string, { amount_cents: number }>;
}

export interface AppliedCoupon {
  lago_id: string;
  coupon_code: string;
  external_customer_id: string;
  status: 'active' | 'terminated';
  amount_cents: number | null;
  amount_cents_remaining: number | null;
  amount_currency: string | null;
  percentage_rate: string | null;
  frequency: Frequency;
  frequency_duration: number | null;
  frequency_duration_remaining: number | null;
  created_at: string;
  terminated_at: string | null;
}

export interface PageMeta {
  current_page: number;
  next_page: number | null;
  prev_page: number | null;
  total_pages: number;
  total_count: number;
}

export interface NamedResource {
  code: string;
  name: string;
}
