import { EntityManager, In } from 'typeorm';
import { AppliedCouponEntity, CouponTargetEntity, PlanChargeEntity } from '../database/entities';

interface TargetIds {
  planIds: Set<number>;
  metricIds: Set<number>;
}

async function targetIdsOf(manager: EntityManager, couponIds: number[]): Promise<Map<number, TargetIds>> {
  const byCoupon = new Map(couponIds.map((id) => [id, { planIds: new Set<number>(), metricIds: new Set<number>() }]));
  if (couponIds.length === 0) return byCoupon;
  const rows = await manager.getRepository(CouponTargetEntity).findBy({ couponId: In(couponIds) });
  for (const row of rows) {
    const entry = byCoupon.get(row.couponId)!;
    if (row.planId !== null) entry.planIds.add(row.planId);
    if (row.billableMetricId !== null) entry.metricIds.add(row.billableMetricId);
  }
  return byCoupon;
}

const intersects = (a: Set<number>, b: Set<number>) => [...a].some((id) => b.has(id));

/** Whether any of the plans has a charge on any of the metrics. */
async function chargesLink(manager: EntityManager, planIds: Set<number>, metricIds: Set<number>): Promise<boolean> {
  if (planIds.size === 0 || metricIds.size === 0) return false;
  return manager.getRepository(PlanChargeEntity).existsBy({ planId: In([...planIds]), billableMetricId: In([...metricIds]) });
}

/**
 * Lago's `plan_overlapping`: a limited coupon may not be applied while the customer has an active limited
 * coupon on the same plan or metric — or on a plan whose charges use a targeted metric, and vice versa.
 */
export async function overlapsActiveCoupon(manager: EntityManager, couponId: number, customerId: number): Promise<boolean> {
  const active = await manager.getRepository(AppliedCouponEntity).find({ select: { couponId: true }, where: { customerId, status: 'active' } });
  const activeCouponIds = [...new Set(active.map((applied) => applied.couponId))];
  const targets = await targetIdsOf(manager, [couponId, ...activeCouponIds]);
  const mine = targets.get(couponId)!;
  if (mine.planIds.size === 0 && mine.metricIds.size === 0) return false;
  for (const otherId of activeCouponIds) {
    const other = targets.get(otherId)!;
    if (intersects(mine.planIds, other.planIds) || intersects(mine.metricIds, other.metricIds)) return true;
    if (await chargesLink(manager, mine.planIds, other.metricIds)) return true;
    if (await chargesLink(manager, other.planIds, mine.metricIds)) return true;
  }
  return false;
}
