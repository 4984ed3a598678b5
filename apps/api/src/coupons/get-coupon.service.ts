import { Injectable } from '@nestjs/common';
import { notFound, Result, success } from '../common/result';
import type { Organization } from '../organizations/organization';
import { CouponRecord } from './coupon-record';
import { CouponsRepository } from './coupons.repository';

/** GET /coupons/:code: a live coupon of the organization. */
@Injectable()
export class GetCouponService {
  constructor(private readonly coupons: CouponsRepository) {}

  async call(organization: Organization, code: string): Promise<Result<CouponRecord>> {
    const coupon = await this.coupons.findLive(organization.id, code);
    return coupon ? success(await this.coupons.record(coupon)) : notFound('coupon_not_found');
  }
}
