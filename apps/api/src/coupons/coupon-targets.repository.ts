import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BillableMetricEntity, CouponTargetEntity, PlanEntity } from '../database/entities';
import { preparedQuery } from '../database/prepared';
import type { Transaction } from '../database/transactions';

export type TargetCodes = { planCodes: string[]; billableMetricCodes: string[] };

/** The plans and billable metrics a coupon is limited to, as resolved from their codes. */
export interface ResolvedTargets {
  plans: PlanEntity[];
  billableMetrics: BillableMetricEntity[];
}

/** `coupon_targets`: the rows that limit a coupon to some plans or to some billable metrics. */
@Injectable()
export class CouponTargetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organization's plans among `codes` (fewer than asked when some are unknown). */
  findPlans(organizationId: number, codes: string[]): Promise<PlanEntity[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(PlanEntity).findBy({ organizationId, code: In(codes) });
  }

  /** The organization's billable metrics among `codes` (fewer than asked when some are unknown). */
  findBillableMetrics(organizationId: number, codes: string[]): Promise<BillableMetricEntity[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(BillableMetricEntity).findBy({ organizationId, code: In(codes) });
  }

  /** The plan and billable metric codes each coupon is limited to, in one statement whatever the number of coupons. */
  async codesFor(couponIds: number[], tx?: Transaction): Promise<Map<number, TargetCodes>> {
    const byCoupon = new Map(couponIds.map((id): [number, TargetCodes] => [id, { planCodes: [], billableMetricCodes: [] }]));
    if (couponIds.length === 0) return byCoupon;
    const rows = await preparedQuery<{ coupon_id: number; plan_code: string | null; metric_code: string | null }>(
      tx ?? this.dataSource,
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

  /** For a new coupon: no delete first, whose gap locks would make concurrent creates deadlock. */
  async add(couponId: number, targets: ResolvedTargets, tx: Transaction): Promise<void> {
    const rows = [
      ...targets.plans.map((plan) => ({ couponId, planId: plan.id, billableMetricId: null })),
      ...targets.billableMetrics.map((metric) => ({ couponId, planId: null, billableMetricId: metric.id })),
    ];
    if (rows.length) await tx.getRepository(CouponTargetEntity).insert(rows);
  }

  async replace(couponId: number, targets: ResolvedTargets, tx: Transaction): Promise<void> {
    await tx.getRepository(CouponTargetEntity).delete({ couponId });
    await this.add(couponId, targets, tx);
  }
}
