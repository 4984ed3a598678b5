import { Injectable } from '@nestjs/common';
import { notFound, Result, success } from '../common/result';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { Organization } from '../organizations/organization';
import { CouponRecord } from './coupon-record';
import { serializeCoupon } from './coupon.serializer';
import { CouponsRepository } from './coupons.repository';

/** Stops new applications; as in Lago, coupons already applied keep running. Idempotent. */
@Injectable()
export class TerminateCouponService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly coupons: CouponsRepository,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, code: string): Promise<Result<CouponRecord>> {
    const coupon = await this.coupons.findLive(organization.id, code);
    if (!coupon) return notFound('coupon_not_found');
    if (coupon.status !== 'terminated') {
      const record = await this.transactions.run(async (tx) => {
        const terminated = await this.coupons.terminate(coupon.id, new Date(), tx);
        // Reloaded: a concurrent termination or the expiry sweep may have set terminated_at first.
        const current = await this.coupons.findById(coupon.id, tx);
        if (!current) return null;
        const reloaded = await this.coupons.record(current);
        if (terminated) {
          await this.events.record(tx, { ...originOf(organization), type: 'coupon.terminated', objectId: current.lagoId, data: { coupon: serializeCoupon(reloaded) } });
        }
        return reloaded;
      });
      return record ? success(record) : notFound('coupon_not_found');
    }
    return success(await this.coupons.record(coupon));
  }
}
