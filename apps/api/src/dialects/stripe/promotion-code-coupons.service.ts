import { Injectable } from '@nestjs/common';
import type { CouponRecord } from '../../coupons/coupon-record';
import { CouponsRepository } from '../../coupons/coupons.repository';
import type { PromotionCodeRecord } from '../../promotion-codes/promotion-code.serializer';
import type { PromotionCodeView } from './stripe-promotion-code.serializer';

/**
 * The coupons of promotion codes, for the Stripe objects that embed them (an expanded `promotion.coupon`,
 * and the `coupon` of legacy API versions). A deleted coupon is still found: its codes keep pointing at it.
 */
@Injectable()
export class PromotionCodeCouponsService {
  constructor(private readonly coupons: CouponsRepository) {}

  async views(records: PromotionCodeRecord[], withCoupons: boolean): Promise<PromotionCodeView[]> {
    if (!withCoupons) return records.map((record) => ({ record, coupon: null }));
    const ids = [...new Set(records.map((record) => record.promotionCode.couponId))];
    const coupons = new Map<number, CouponRecord>();
    for (const coupon of await this.coupons.records(await this.coupons.findByIds(ids))) coupons.set(coupon.coupon.id, coupon);
    return records.map((record) => ({ record, coupon: coupons.get(record.promotionCode.couponId) ?? null }));
  }
}
