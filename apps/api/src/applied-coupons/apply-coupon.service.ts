import { Injectable } from '@nestjs/common';
import { invalidField, notFound, Result, success } from '../common/result';
import { serializeCoupon } from '../coupons/coupon.serializer';
import { CouponsRepository } from '../coupons/coupons.repository';
import { Transaction, TransactionRunner } from '../database/transactions';
import { EventOrigin, EventsRecorder, originOf } from '../events/events.recorder';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { PromotionCodesRepository } from '../promotion-codes/promotion-codes.repository';
import { AppliedCouponRecord, serializeAppliedCoupon } from './applied-coupon.serializer';
import { AppliedCouponsRepository } from './applied-coupons.repository';
import { isRedeemableAt, newAppliedCoupon, RedemptionChecks } from './redemption-checks';

/** A refusal after a write of the transaction: thrown so that the transaction rolls back, then answered. */
class RolledBack extends Error {
  constructor(readonly result: Result<never>) {
    super('apply refused after a write');
  }
}

/**
 * POST /applied_coupons, by coupon code or by promotion code. The checks (see RedemptionChecks) run in one
 * transaction with the customer's row, and the promotion code's, locked; the coupon's and the code's
 * redemption counters then move by conditional UPDATEs, so both limits hold across any number of API processes.
 */
@Injectable()
export class ApplyCouponService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly checks: RedemptionChecks,
    private readonly appliedCoupons: AppliedCouponsRepository,
    private readonly promotionCodes: PromotionCodesRepository,
    private readonly coupons: CouponsRepository,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, input: JsonObject): Promise<Result<AppliedCouponRecord>> {
    try {
      return await this.transactions.run((tx) => this.apply(tx, organization, input, new Date()));
    } catch (error) {
      if (error instanceof RolledBack) return error.result;
      throw error;
    }
  }

  private async apply(tx: Transaction, organization: Organization, input: JsonObject, now: Date): Promise<Result<AppliedCouponRecord>> {
    const checked = await this.checks.check(organization, input, now, tx);
    if (!checked.ok) return checked;
    const redemption = checked.value;
    const { coupon, customer, promotionCode } = redemption;

    const applied = newAppliedCoupon(redemption, organization.id, now);
    await this.appliedCoupons.insert(applied, tx);
    // The coupon and customer read above are what the answer shows: no second read.
    const record = { applied, coupon, customer, promotionCode: promotionCode?.code ?? null };
    const origin = originOf(organization);
    await this.events.record(tx, { ...origin, type: 'applied_coupon.created', objectId: applied.lagoId, data: { applied_coupon: serializeAppliedCoupon(record) } });

    // The counters move last: the coupon's row is the one every apply of it waits for, so its lock is held
    // only from here to the commit. A refused redemption rolls the rows above back.
    if (!(await this.appliedCoupons.redeem(coupon.id, now, tx))) {
      // Another request took the last redemption, or terminated the coupon, since we read it.
      const current = await this.appliedCoupons.findCoupon(coupon.id, tx);
      throw new RolledBack(!current || !isRedeemableAt(current, now) ? notFound('coupon_not_found') : invalidField('coupon', 'max_redemptions_reached'));
    }
    // The code's row is locked since it was checked: its redemption can only be refused if that lock was not held.
    if (promotionCode && !(await this.promotionCodes.redeem(promotionCode.id, tx))) {
      throw new RolledBack(invalidField('promotion_code', 'max_redemptions_reached'));
    }
    await this.recordIfExhausted(tx, origin, coupon.id, coupon.maxRedemptions);
    return success(record);
  }

  /**
   * `coupon.exhausted` when this apply took the last redemption. Read back under the row's lock, which the
   * redemption holds: the count read before it may be behind a concurrent apply's.
   */
  private async recordIfExhausted(tx: Transaction, origin: EventOrigin, couponId: number, maxRedemptions: number | null): Promise<void> {
    if (maxRedemptions === null) return;
    const current = await this.coupons.findById(couponId, tx);
    if (!current || current.redemptionsCount < maxRedemptions) return;
    const data = { coupon: serializeCoupon(await this.coupons.record(current)) };
    await this.events.record(tx, { ...origin, type: 'coupon.exhausted', objectId: current.lagoId, data });
  }
}
