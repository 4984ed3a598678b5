import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { CouponEntity } from '../database/entities';
import { CouponRecord } from './coupon-record';
import { CouponTargetsService } from './coupon-targets.service';

/** Finding live (not deleted) coupons by code within one organization. */
@Injectable()
export class CouponLookupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: CouponTargetsService,
  ) {}

  findLive(organizationId: number, code: string): Promise<CouponEntity | null> {
    return this.dataSource.getRepository(CouponEntity).findOneBy({ organizationId, liveCode: code });
  }

  async isCodeTaken(organizationId: number, code: string, exceptCouponId?: number): Promise<boolean> {
    const where = exceptCouponId === undefined
      ? { organizationId, liveCode: code }
      : { organizationId, liveCode: code, id: Not(exceptCouponId) };
    return this.dataSource.getRepository(CouponEntity).existsBy(where);
  }

  async records(coupons: CouponEntity[]): Promise<CouponRecord[]> {
    // Most coupons are unlimited: only limited ones need their target codes looked up.
    const limited = coupons.filter((coupon) => coupon.limitedPlans || coupon.limitedBillableMetrics);
    const codes = await this.targets.codesFor(limited.map((coupon) => coupon.id));
    return coupons.map((coupon) => ({ coupon, ...(codes.get(coupon.id) ?? { planCodes: [], billableMetricCodes: [] }) }));
  }

  async record(coupon: CouponEntity): Promise<CouponRecord> {
    return (await this.records([coupon]))[0];
  }
}
