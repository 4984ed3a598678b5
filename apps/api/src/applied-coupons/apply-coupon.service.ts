import { Injectable } from '@nestjs/common';
import { invalidField, notFound, Result, success } from '../common/result';
import { serializeCoupon } from '../coupons/coupon.serializer';
import { CouponsRepository } from '../coupons/coupons.repository';
import { StatementRunner } from '../database/statement-batch';
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
    private readonly statements: StatementRunner,
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
    // The coupon and customer read above are what the answer shows: no second read.
    const record = { applied, coupon, customer, promotionCode: promotionCode?.code ?? null };
    const origin = originOf(organization);
    const event = { ...origin, type: 'applied_coupon.created' as const, objectId: applied.lagoId, data: { applied_coupon: serializeAppliedCoupon(record) } };
    // The rows and both counters in one round trip. The counters move last: the coupon's row is the one every
    // apply of it waits for, so its lock is held only from here to the commit. A refusal rolls it all back.
    const [inserted, , couponRedeemed, codeRedeemed] = await this.statements.run([
      this.appliedCoupons.insertStatement(applied),
      this.events.statement(event),
      this.appliedCoupons.redeemStatement(coupon.id, now),
      ...(promotionCode ? [this.promotionCodes.redeemStatement(promotionCode.id)] : []),
    ], tx);
    applied.id = inserted.insertId;
    if (couponRedeemed.affectedRows === 0) {
      // Another request took the last redemption, or terminated the coupon, since we read it.
      const current = await this.appliedCoupons.findCoupon(coupon.id, tx);
      throw new RolledBack(!current || !isRedeemableAt(current, now) ? notFound('coupon_not_found') : invalidField('coupon', 'max_redemptions_reached'));
    }
    // The code's row is locked since it was checked: its redemption can only be refused if that lock was not held.
    if (codeRedeemed && codeRedeemed.affectedRows === 0) {
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
