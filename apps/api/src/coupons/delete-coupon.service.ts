import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '../database/transactions';
import { DataSource } from 'typeorm';
import { notFound, Result, success } from '../common/result';
import { AppliedCouponEntity, CouponEntity } from '../database/entities';
import type { Organization } from '../organizations/organization';
import { CouponLookupService } from './coupon-lookup.service';
import { CouponRecord } from './coupon-record';

/** Soft delete: the code becomes free again and the coupon's running applications stop. */
@Injectable()
export class DeleteCouponService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookup: CouponLookupService,
  ) {}

  async call(organization: Organization, code: string): Promise<Result<CouponRecord>> {
    const coupon = await this.lookup.findLive(organization.id, code);
    if (!coupon) return notFound('coupon_not_found');
    const asItWas = await this.lookup.record({ ...coupon } as CouponEntity);
    const now = new Date();
    const deleted = await inTransaction(this.dataSource, async (manager) => {
      const result = await manager
        .getRepository(CouponEntity)
        .update({ id: coupon.id, liveCode: code }, { deletedAt: now, liveCode: null, status: 'terminated', terminatedAt: coupon.terminatedAt ?? now });
      if (!result.affected) return false;
      await manager
        .getRepository(AppliedCouponEntity)
        .update({ couponId: coupon.id, status: 'active' }, { status: 'terminated', terminatedAt: now });
      return true;
    });
    // Another request deleted it first.
    if (!deleted) return notFound('coupon_not_found');
    return success(asItWas);
  }
}
