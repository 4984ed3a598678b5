import { Injectable } from '@nestjs/common';
import { serializeAppliedCoupon } from '../applied-coupons/applied-coupon.serializer';
import { CustomersRepository } from '../catalog/customers.repository';
import { notFound, Result, success } from '../common/result';
import type { AppliedCouponEntity, CouponEntity } from '../database/entities';
import { TransactionRunner } from '../database/transactions';
import { EventOrigin, EventsRecorder, NewEvent, originOf } from '../events/events.recorder';
import { PromotionCodesRepository } from '../promotion-codes/promotion-codes.repository';
import type { Organization } from '../organizations/organization';
import { CouponRecord } from './coupon-record';
import { serializeCoupon } from './coupon.serializer';
import { CouponsRepository } from './coupons.repository';

/** Soft delete: the code becomes free again and the coupon's running applications stop. */
@Injectable()
export class DeleteCouponService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly coupons: CouponsRepository,
    private readonly customers: CustomersRepository,
    private readonly promotionCodes: PromotionCodesRepository,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, code: string): Promise<Result<CouponRecord>> {
    const coupon = await this.coupons.findLive(organization.id, code);
    if (!coupon) return notFound('coupon_not_found');
    const asItWas = await this.coupons.record(coupon);
    const now = new Date();
    const deleted = await this.transactions.run(async (tx) => {
      if (!(await this.coupons.softDelete(coupon, code, now, tx))) return false;
      const terminated = await this.coupons.terminateApplications(coupon.id, now, tx);
      const origin = originOf(organization);
      const deletedCoupon = { ...coupon, deletedAt: now, liveCode: null };
      await this.events.recordMany(tx, [
        { ...origin, type: 'coupon.deleted', objectId: coupon.lagoId, data: { coupon: serializeCoupon(asItWas) } },
        ...(await this.terminatedEvents(origin, deletedCoupon, terminated)),
      ]);
      return true;
    });
    // Another request deleted it first.
    if (!deleted) return notFound('coupon_not_found');
    return success(asItWas);
  }

  /** The coupon's applications its deletion terminated, as the applied-coupon endpoints now show them. */
  private async terminatedEvents(origin: EventOrigin, coupon: CouponEntity, terminated: AppliedCouponEntity[]): Promise<NewEvent[]> {
    if (terminated.length === 0) return [];
    const customers = await this.customers.findByIds([...new Set(terminated.map((applied) => applied.customerId))]);
    const customerById = new Map(customers.map((customer) => [customer.id, customer]));
    const codeById = await this.promotionCodes.codesByIds([...new Set(terminated.flatMap((applied) => applied.promotionCodeId ?? []))]);
    return terminated.map((applied) => {
      const record = {
        applied,
        coupon,
        customer: customerById.get(applied.customerId)!,
        promotionCode: applied.promotionCodeId === null ? null : (codeById.get(applied.promotionCodeId) ?? null),
      };
      return { ...origin, type: 'applied_coupon.terminated', objectId: applied.lagoId, data: { applied_coupon: serializeAppliedCoupon(record) } };
    });
  }
}
