import { Injectable } from '@nestjs/common';
import { notFound, Result, success } from '../common/result';
import type { Organization } from '../organizations/organization';
import { CouponRecord } from './coupon-record';
import { CouponsRepository } from './coupons.repository';

/** A live coupon of the organization by its `lago_id`, for the dialects that address coupons by id. */
@Injectable()
export class GetCouponByLagoIdService {
  constructor(private readonly coupons: CouponsRepository) {}

  async call(organization: Organization, lagoId: string): Promise<Result<CouponRecord>> {
    const coupon = await this.coupons.findLiveByLagoId(organization.id, lagoId);
    return coupon ? success(await this.coupons.record(coupon)) : notFound('coupon_not_found');
  }
}
