import { Injectable } from '@nestjs/common';
import { notFound, Result, success } from '../common/result';
import type { CouponRecord } from './coupon-record';
import { CouponsRepository } from './coupons.repository';

export interface CouponCursor {
  limit: number;
  /** The code of the coupon the page starts after (older ones), or before (newer ones). */
  startingAfter?: string;
  endingBefore?: string;
}

/**
 * Live coupons newest first, a page at a time from a cursor (a coupon's code) rather than a page number:
 * the order stays put while coupons are created, and no count is needed. `hasMore` tells whether the list
 * goes on past the page in its direction. An unknown cursor is `coupon_not_found`.
 */
@Injectable()
export class CouponCursorPageQuery {
  constructor(private readonly coupons: CouponsRepository) {}

  async call(organizationId: number, { limit, startingAfter, endingBefore }: CouponCursor): Promise<Result<{ records: CouponRecord[]; hasMore: boolean }>> {
    const cursorCode = startingAfter ?? endingBefore;
    const key = cursorCode === undefined ? null : await this.coupons.newestFirstKey(organizationId, cursorCode);
    if (cursorCode !== undefined && !key) return notFound('coupon_not_found');
    const cursor = key ? (startingAfter !== undefined ? { after: key } : { before: key }) : {};
    // One more than asked for tells whether there is more.
    const ids = await this.coupons.newestFirstIds(organizationId, limit + 1, cursor);
    const hasMore = ids.length > limit;
    // Going towards newer coupons, the extra one is the newest: the page is the `limit` nearest the cursor.
    const pageIds = hasMore ? (cursor.before ? ids.slice(1) : ids.slice(0, limit)) : ids;
    const records = await this.coupons.records(await this.coupons.findByIds(pageIds));
    return success({ records, hasMore });
  }
}
