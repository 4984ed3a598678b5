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
    const codes = await this.targets.codesFor(coupons.map((coupon) => coupon.id));
    return coupons.map((coupon) => ({ coupon, ...codes.get(coupon.id)! }));
  }

  async record(coupon: CouponEntity): Promise<CouponRecord> {
    return (await this.records([coupon]))[0];
  }
}
