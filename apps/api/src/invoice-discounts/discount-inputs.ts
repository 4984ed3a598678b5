import { EntityManager } from 'typeorm';
import { DiscountableCoupon, formatPercentageRate } from '@coupons/domain';
import { AppliedCouponEntity } from '../database/entities';
import { hydrateAll, preparedQuery } from '../database/prepared';
import { targetCodesOf } from '../coupons/target-codes';

export interface DiscountInputs {
  coupons: DiscountableCoupon[];
  appliedById: Map<string, AppliedCouponEntity>;
}

type AppliedWithCoupon = Record<string, unknown> & { coupon_code: string; coupon_kind: string; coupon_limited: number | boolean | string };

/**
 * The customer's active applied coupons, oldest first, with their coupons' code and type (one joined
 * statement) and, for limited coupons only, their plan and metric codes.
 */
export async function loadDiscountInputs(manager: EntityManager, customerId: number): Promise<DiscountInputs> {
  const rows = await preparedQuery<AppliedWithCoupon>(
    manager,
    'SELECT a.*, c.code AS coupon_code, c.coupon_type AS coupon_kind, (c.limited_plans OR c.limited_billable_metrics) AS coupon_limited ' +
      'FROM applied_coupons a JOIN coupons c ON c.id = a.coupon_id WHERE a.customer_id = ? AND a.status = ? ORDER BY a.created_at, a.id',
    [customerId, 'active'],
  );
  const applied = hydrateAll(manager.connection, AppliedCouponEntity, rows);
  const limitedIds = [...new Set(rows.filter((row) => Number(row.coupon_limited) === 1).map((row) => Number(row.coupon_id)))];
  const targets = await targetCodesOf(manager, limitedIds);

  const discountable = applied.map((row, index): DiscountableCoupon => {
    const codes = targets.get(row.couponId);
    return {
      id: row.lagoId,
      couponCode: rows[index].coupon_code,
      couponType: rows[index].coupon_kind as DiscountableCoupon['couponType'],
      amountCents: row.amountCents,
      amountCurrency: row.amountCurrency,
      percentageRate: formatPercentageRate(row.percentageRate),
      frequency: row.frequency,
      frequencyDurationRemaining: row.frequencyDurationRemaining,
      amountCentsRemaining: row.amountCentsRemaining,
      planCodes: codes?.planCodes ?? [],
      billableMetricCodes: codes?.billableMetricCodes ?? [],
    };
  });
  return { coupons: discountable, appliedById: new Map(applied.map((row) => [row.lagoId, row])) };
}
