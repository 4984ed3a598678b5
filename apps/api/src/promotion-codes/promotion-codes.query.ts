import { Injectable } from '@nestjs/common';
import { PaginationMeta, paginationMeta, parsePagination, promotionCodeLookupKey } from '@coupons/domain';
import type { PromotionCodeRecord } from './promotion-code.serializer';
import { PromotionCodeFilters, PromotionCodesRepository } from './promotion-codes.repository';

export interface PromotionCodeListParams {
  page?: unknown;
  per_page?: unknown;
  coupon_code?: unknown;
  active?: unknown;
  lago_batch_id?: unknown;
  code?: unknown;
}

const ACTIVE_VALUES: Record<string, boolean> = { true: true, false: false };

/** Ignored unless a string; `code` matches ignoring case, and a value that cannot be a code matches nothing. */
function filtersOf(params: PromotionCodeListParams): PromotionCodeFilters & { impossible: boolean } {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const code = text(params.code);
  const codeKey = code === null ? null : promotionCodeLookupKey(code);
  return {
    couponCode: text(params.coupon_code),
    // An unknown value is ignored, as an unknown `status` is on the other lists.
    active: typeof params.active === 'string' && Object.hasOwn(ACTIVE_VALUES, params.active) ? ACTIVE_VALUES[params.active] : null,
    batchLagoId: text(params.lago_batch_id),
    codeKey,
    impossible: code !== null && codeKey === null,
  };
}

/** GET /promotion_codes: newest first, filtered by coupon, state, batch or code, with Lago's `meta`. */
@Injectable()
export class PromotionCodesQuery {
  constructor(private readonly promotionCodes: PromotionCodesRepository) {}

  async call(organizationId: number, params: PromotionCodeListParams): Promise<{ records: PromotionCodeRecord[]; meta: PaginationMeta }> {
    const pagination = parsePagination(params);
    const { impossible, ...filters } = filtersOf(params);
    const { records, totalCount } = impossible
      ? { records: [], totalCount: 0 }
      : await this.promotionCodes.page(organizationId, filters, pagination);
    return { records, meta: paginationMeta(pagination.page, pagination.perPage, totalCount) };
  }
}
