import type { Transaction } from '../database/transactions';
import { AppliedCouponsRepository } from './applied-coupons.repository';

const intersects = (a: Set<number>, b: Set<number>) => [...a].some((id) => b.has(id));

/**
 * Lago's `plan_overlapping`: a limited coupon may not be applied while the customer has an active limited
 * coupon on the same plan or metric — or on a plan whose charges use a targeted metric, and vice versa.
 */
export async function overlapsActiveCoupon(
  repository: AppliedCouponsRepository,
  couponId: number,
  customerId: number,
  tx?: Transaction,
): Promise<boolean> {
  const activeCouponIds = await repository.activeCouponIds(customerId, tx);
  const targets = await repository.targetIds([couponId, ...activeCouponIds], tx);
  const mine = targets.get(couponId)!;
  if (mine.planIds.size === 0 && mine.metricIds.size === 0) return false;
  for (const otherId of activeCouponIds) {
    const other = targets.get(otherId)!;
    if (intersects(mine.planIds, other.planIds) || intersects(mine.metricIds, other.metricIds)) return true;
    if (await repository.chargesLink(mine.planIds, other.metricIds, tx)) return true;
    if (await repository.chargesLink(other.planIds, mine.metricIds, tx)) return true;
  }
  return false;
}
