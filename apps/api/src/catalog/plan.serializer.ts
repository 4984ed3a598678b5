import { formatDateTime } from '@coupons/domain';
import type { PlanRecord } from './plans.repository';

/** Lago's plan, reduced to the fields coupons use, in Lago's key order. */
export function serializePlan({ plan, charges }: PlanRecord) {
  return {
    lago_id: plan.lagoId,
    name: plan.name,
    code: plan.code,
    interval: plan.interval,
    amount_cents: plan.amountCents,
    amount_currency: plan.amountCurrency,
    created_at: formatDateTime(plan.createdAt),
    charges: charges.map((metric) => ({
      lago_billable_metric_id: metric.lagoId,
      billable_metric_code: metric.code,
    })),
  };
}
