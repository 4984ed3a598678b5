import { EntityManager, In } from 'typeorm';
import { DiscountableCoupon, formatPercentageRate } from '@coupons/domain';
import { AppliedCouponEntity, BillableMetricEntity, CouponEntity, CouponTargetEntity, PlanEntity } from '../database/entities';

export interface DiscountInputs {
  coupons: DiscountableCoupon[];
  appliedById: Map<string, AppliedCouponEntity>;
  couponById: Map<number, CouponEntity>;
}

/** The customer's active applied coupons, oldest first, with the plan and metric codes of their coupons. */
export async function loadDiscountInputs(manager: EntityManager, customerId: number): Promise<DiscountInputs> {
  const applied = await manager
    .getRepository(AppliedCouponEntity)
    .find({ where: { customerId, status: 'active' }, order: { createdAt: 'ASC', id: 'ASC' } });
  const couponIds = [...new Set(applied.map((row) => row.couponId))];
  const coupons = couponIds.length ? await manager.getRepository(CouponEntity).findBy({ id: In(couponIds) }) : [];
  const targets = couponIds.length ? await manager.getRepository(CouponTargetEntity).findBy({ couponId: In(couponIds) }) : [];
  const planIds = targets.flatMap((target) => (target.planId === null ? [] : [target.planId]));
  const metricIds = targets.flatMap((target) => (target.billableMetricId === null ? [] : [target.billableMetricId]));
  const plans = planIds.length ? await manager.getRepository(PlanEntity).findBy({ id: In(planIds) }) : [];
  const metrics = metricIds.length ? await manager.getRepository(BillableMetricEntity).findBy({ id: In(metricIds) }) : [];
  const planCode = new Map(plans.map((plan) => [plan.id, plan.code]));
  const metricCode = new Map(metrics.map((metric) => [metric.id, metric.code]));
  const couponById = new Map(coupons.map((coupon) => [coupon.id, coupon]));

  const discountable = applied.map((row): DiscountableCoupon => {
    const own = targets.filter((target) => target.couponId === row.couponId);
    return {
      id: row.lagoId,
      couponCode: couponById.get(row.couponId)!.code,
      couponType: couponById.get(row.couponId)!.couponType,
      amountCents: row.amountCents,
      amountCurrency: row.amountCurrency,
      percentageRate: formatPercentageRate(row.percentageRate),
      frequency: row.frequency,
      frequencyDurationRemaining: row.frequencyDurationRemaining,
      amountCentsRemaining: row.amountCentsRemaining,
      planCodes: own.flatMap((target) => (target.planId === null ? [] : [planCode.get(target.planId)!])),
      billableMetricCodes: own.flatMap((target) => (target.billableMetricId === null ? [] : [metricCode.get(target.billableMetricId)!])),
    };
  });
  return { coupons: discountable, appliedById: new Map(applied.map((row) => [row.lagoId, row])), couponById };
}
