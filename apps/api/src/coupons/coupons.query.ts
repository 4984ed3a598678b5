import { Injectable } from '@nestjs/common';
import { COUPON_STATUSES, CouponStatus, paginationMeta, parsePagination } from '@coupons/domain';
import { CouponListRepository } from './coupon-list.repository';
import { CouponsRepository } from './coupons.repository';

export interface CouponListParams {
  page?: unknown;
  per_page?: unknown;
  status?: unknown;
  search_term?: unknown;
}

/** GET /coupons: a page of records in the list order, with Lago's pagination meta. */
@Injectable()
export class CouponsQuery {
  constructor(
    private readonly list: CouponListRepository,
    private readonly coupons: CouponsRepository,
  ) {}

  async call(organizationId: number, params: CouponListParams) {
    const { page, perPage, offset } = parsePagination(params);
    const status = typeof params.status === 'string' && (COUPON_STATUSES as readonly string[]).includes(params.status) ? (params.status as CouponStatus) : null;
    const searchTerm = typeof params.search_term === 'string' ? params.search_term.trim() : '';
    // Ids first, from the list index alone; the rows of that page only after.
    const { ids, total } = await this.list.page({ organizationId, status, searchTerm }, offset, perPage);
    const records = await this.coupons.records(await this.coupons.findByIds(ids));
    return { records, meta: paginationMeta(page, perPage, total) };
  }
}
