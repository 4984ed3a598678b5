import { Injectable } from '@nestjs/common';
import { promotionCodeLookupKey } from '@coupons/domain';
import { notFound, Result, success } from '../common/result';
import type { PromotionCodeRecord } from './promotion-code.serializer';
import { PromotionCodesRepository } from './promotion-codes.repository';

export interface PromotionCodeCursor {
  limit: number;
  /** The code the page starts after (older codes), or before (newer ones). */
  startingAfter?: string;
  endingBefore?: string;
  couponCode: string | null;
  active: boolean | null;
  /** Matched ignoring case; a value that cannot be a code matches nothing. */
  code: string | null;
  /** The external id of the customer the codes are restricted to. */
  customerExternalId: string | null;
}

/**
 * Promotion codes newest first, a page at a time from a cursor (a code) rather than a page number.
 * `hasMore` tells whether the list goes on past the page in its direction; an unknown cursor is
 * `promotion_code_not_found`.
 */
@Injectable()
export class PromotionCodeCursorPageQuery {
  constructor(private readonly promotionCodes: PromotionCodesRepository) {}

  async call(organizationId: number, params: PromotionCodeCursor): Promise<Result<{ records: PromotionCodeRecord[]; hasMore: boolean }>> {
    const { limit, startingAfter, endingBefore, code } = params;
    const codeKey = code === null ? null : promotionCodeLookupKey(code);
    if (code !== null && codeKey === null) return success({ records: [], hasMore: false });
    const filters = { couponCode: params.couponCode, active: params.active, batchLagoId: null, codeKey, customerExternalId: params.customerExternalId };
    // One more than asked for tells whether there is more.
    const found = await this.promotionCodes.cursorPage(organizationId, filters, limit + 1, { after: startingAfter, before: endingBefore });
    if (!found) return notFound('promotion_code_not_found');
    const hasMore = found.length > limit;
    // Going towards newer codes, the extra one is the newest: the page is the `limit` nearest the cursor.
    const records = hasMore ? (startingAfter === undefined && endingBefore !== undefined ? found.slice(1) : found.slice(0, limit)) : found;
    return success({ records, hasMore });
  }
}
