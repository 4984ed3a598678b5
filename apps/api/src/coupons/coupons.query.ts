import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUPON_STATUSES, CouponStatus, paginationMeta, parsePagination } from '@coupons/domain';
import { CouponEntity } from '../database/entities';
import { CouponLookupService } from './coupon-lookup.service';
import { CouponRecord } from './coupon-record';

export interface CouponListParams {
  page?: unknown;
  per_page?: unknown;
  status?: unknown;
  search_term?: unknown;
}

/** `!` rather than a backslash: MySQL reads `ESCAPE '\'` as an unterminated string; SQLite needs a single character. */
function escapeLike(term: string): string {
  return term.replace(/[!%_]/g, (char) => `!${char}`);
}

/**
 * GET /coupons: Lago's order (active first, no_expiration first, expiration_at ascending, newest first)
 * with the internal id as the final tie-break, which the list index covers.
 */
@Injectable()
export class CouponsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookup: CouponLookupService,
  ) {}

  async call(organizationId: number, params: CouponListParams) {
    const { page, perPage, offset } = parsePagination(params);
    const query = this.dataSource
      .getRepository(CouponEntity)
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId', { organizationId })
      .andWhere('c.deleted_at IS NULL');
    if (typeof params.status === 'string' && (COUPON_STATUSES as readonly string[]).includes(params.status)) {
      query.andWhere('c.status = :status', { status: params.status as CouponStatus });
    }
    if (typeof params.search_term === 'string' && params.search_term.trim() !== '') {
      const term = `%${escapeLike(params.search_term.trim().toLowerCase())}%`;
      query.andWhere("(LOWER(c.code) LIKE :term ESCAPE '!' OR LOWER(c.name) LIKE :term ESCAPE '!')", { term });
    }
    const totalCount = await query.clone().getCount();
    const coupons = await query
      .orderBy('c.status', 'ASC')
      .addOrderBy('c.expiration', 'ASC')
      .addOrderBy('c.expiration_at', 'ASC')
      .addOrderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .offset(offset)
      .limit(perPage)
      .getMany();
    const records: CouponRecord[] = await this.lookup.records(coupons);
    return { records, meta: paginationMeta(page, perPage, totalCount) };
  }
}
