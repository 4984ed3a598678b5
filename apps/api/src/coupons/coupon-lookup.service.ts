import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { CouponEntity } from '../database/entities';
import { hydrate, preparedQuery } from '../database/prepared';
import { CouponRecord } from './coupon-record';
import { CouponTargetsService } from './coupon-targets.service';

/** Finding live (not deleted) coupons by code within one organization. */
@Injectable()
export class CouponLookupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: CouponTargetsService,
  ) {}

  /**
   * The hottest lookup of the API (every GET, PUT, DELETE and apply by code): a prepared statement, in
   * the caller's transaction when given its manager.
   */
  async findLive(organizationId: number, code: string, source: DataSource | EntityManager = this.dataSource): Promise<CouponEntity | null> {
    const rows = await preparedQuery(source, 'SELECT * FROM coupons WHERE organization_id = ? AND live_code = ?', [organizationId, code]);
    return rows.length ? hydrate(this.dataSource, CouponEntity, rows[0]) : null;
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
