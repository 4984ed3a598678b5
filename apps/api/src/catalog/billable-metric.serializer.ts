import { formatDateTime } from '@coupons/domain';
import type { BillableMetricEntity } from '../database/entities';

/** Lago's billable metric, reduced to the fields coupons use, in Lago's key order. */
export function serializeBillableMetric(metric: BillableMetricEntity) {
  return {
    lago_id: metric.lagoId,
    name: metric.name,
    code: metric.code,
    aggregation_type: metric.aggregationType,
    created_at: formatDateTime(metric.createdAt),
  };
}
