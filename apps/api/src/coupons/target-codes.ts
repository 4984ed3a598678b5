import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared';

export type TargetCodes = { planCodes: string[]; billableMetricCodes: string[] };

/** The plan and billable metric codes each coupon is limited to, in one statement, whatever the number of coupons. */
export async function targetCodesOf(source: DataSource | EntityManager, couponIds: number[]): Promise<Map<number, TargetCodes>> {
  const byCoupon = new Map(couponIds.map((id): [number, TargetCodes] => [id, { planCodes: [], billableMetricCodes: [] }]));
  if (couponIds.length === 0) return byCoupon;
  const rows = await preparedQuery<{ coupon_id: number; plan_code: string | null; metric_code: string | null }>(
    source,
    'SELECT t.coupon_id, p.code AS plan_code, m.code AS metric_code FROM coupon_targets t ' +
      'LEFT JOIN plans p ON p.id = t.plan_id LEFT JOIN billable_metrics m ON m.id = t.billable_metric_id ' +
      `WHERE t.coupon_id IN (${couponIds.map(() => '?').join(', ')}) ORDER BY t.id`,
    couponIds,
  );
  for (const row of rows) {
    const entry = byCoupon.get(Number(row.coupon_id))!;
    if (row.plan_code !== null) entry.planCodes.push(row.plan_code);
    if (row.metric_code !== null) entry.billableMetricCodes.push(row.metric_code);
  }
  return byCoupon;
}
