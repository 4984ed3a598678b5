import { Injectable } from '@nestjs/common';
import type { CouponRecord } from './coupon-record';
import { CouponListRepository } from './coupon-list.repository';
import { CouponsRepository } from './coupons.repository';

/**
 * The coupon list cut by offset and limit rather than by page (for dialects that paginate with
 * skip/take), in the same order as GET /coupons and with the same total.
 */
@Injectable()
export class CouponsWindowQuery {
  constructor(
    private readonly list: CouponListRepository,
    private readonly coupons: CouponsRepository,
  ) {}

  async call(organizationId: number, offset: number, limit: number): Promise<{ records: CouponRecord[]; total: number }> {
    // A window of no rows still answers the total: ask for one row and drop it.
    const { ids, total } = await this.list.page({ organizationId, status: null, searchTerm: '' }, offset, Math.max(limit, 1));
    const records = await this.coupons.records(await this.coupons.findByIds(ids.slice(0, limit)));
    return { records, total };
  }
}
