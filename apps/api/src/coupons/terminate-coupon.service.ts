import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, Result, success } from '../common/result';
import { CouponEntity } from '../database/entities';
import type { Organization } from '../organizations/organization';
import { CouponLookupService } from './coupon-lookup.service';
import { CouponRecord } from './coupon-record';

/** Stops new applications; as in Lago, coupons already applied keep running. Idempotent. */
@Injectable()
export class TerminateCouponService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookup: CouponLookupService,
  ) {}

  async call(organization: Organization, code: string): Promise<Result<CouponRecord>> {
    const coupon = await this.lookup.findLive(organization.id, code);
    if (!coupon) return notFound('coupon_not_found');
    if (coupon.status !== 'terminated') {
      const now = new Date();
      await this.dataSource
        .getRepository(CouponEntity)
        .update({ id: coupon.id, status: 'active' }, { status: 'terminated', terminatedAt: now });
      const reloaded = await this.dataSource.getRepository(CouponEntity).findOneByOrFail({ id: coupon.id });
      return success(await this.lookup.record(reloaded));
    }
    return success(await this.lookup.record(coupon));
  }
}
