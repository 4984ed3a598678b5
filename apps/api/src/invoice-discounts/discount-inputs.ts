import { Injectable } from '@nestjs/common';
import { DiscountableCoupon, formatPercentageRate } from '@coupons/domain';
import { CouponTargetsRepository, TargetCodes } from '../coupons/coupon-targets.repository';
import type { AppliedCouponEntity } from '../database/entities';
import type { Transaction } from '../database/transactions';
import { ActiveAppliedCoupon, InvoiceDiscountsRepository } from './invoice-discounts.repository';

export interface DiscountInputs {
  coupons: DiscountableCoupon[];
  appliedById: Map<string, AppliedCouponEntity>;
}

function discountable({ applied, couponCode, couponType, minimumAmountCents, minimumAmountCurrency }: ActiveAppliedCoupon, codes?: TargetCodes): DiscountableCoupon {
  return {
    id: applied.lagoId,
    couponCode,
    couponType,
    amountCents: applied.amountCents,
    amountCurrency: applied.amountCurrency,
    percentageRate: formatPercentageRate(applied.percentageRate),
    frequency: applied.frequency,
    frequencyDurationRemaining: applied.frequencyDurationRemaining,
    amountCentsRemaining: applied.amountCentsRemaining,
    planCodes: codes?.planCodes ?? [],
    billableMetricCodes: codes?.billableMetricCodes ?? [],
    minimumAmountCents,
    minimumAmountCurrency,
  };
}

/**
 * What the discount engine computes an invoice from: the customer's active applied coupons, oldest first,
 * each with the minimum of the promotion code it was redeemed through and, for limited coupons only, their
 * plan and metric codes. Two statements at most.
 */
@Injectable()
export class DiscountInputsLoader {
  constructor(
    private readonly invoiceDiscounts: InvoiceDiscountsRepository,
    private readonly couponTargets: CouponTargetsRepository,
  ) {}

  /**
   * `newest` is an applied coupon not recorded (yet): it comes last, as one applied now would. `read` is the
   * customer's active applied coupons when the caller already read them (with its own rows).
   */
  async load(customerId: number, tx?: Transaction, newest?: ActiveAppliedCoupon, read?: ActiveAppliedCoupon[]): Promise<DiscountInputs> {
    const active = read ?? (await this.invoiceDiscounts.activeAppliedCoupons(customerId, tx));
    if (newest) active.push(newest);
    const limitedIds = [...new Set(active.filter((row) => row.limited).map((row) => row.applied.couponId))];
    const targets = await this.couponTargets.codesFor(limitedIds, tx);
    return {
      coupons: active.map((row) => discountable(row, targets.get(row.applied.couponId))),
      appliedById: new Map(active.map(({ applied }) => [applied.lagoId, applied])),
    };
  }
}
