import { Injectable } from '@nestjs/common';
import { CouponRecord } from './coupon-record';
import { CouponSearch, CouponSearchRepository } from './coupon-search.repository';
import { CouponsRepository } from './coupons.repository';

/** A page of an organization's live coupons matching a field-by-field search, with the number of matches. */
@Injectable()
export class SearchCouponsService {
  constructor(
    private readonly search: CouponSearchRepository,
    private readonly coupons: CouponsRepository,
  ) {}

  async call(search: CouponSearch, offset: number, limit: number): Promise<{ records: CouponRecord[]; total: number }> {
    // Ids first, rows of that page only after, as the list does.
    const { ids, total } = await this.search.page(search, offset, limit);
    return { records: await this.coupons.records(await this.coupons.findByIds(ids)), total };
  }
}
