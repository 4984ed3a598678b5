import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { COUPON_STATUSES, CouponStatus, paginationMeta, parsePagination } from '@coupons/domain';
import { CouponEntity } from '../database/entities';
import { hydrate, preparedQuery } from '../database/prepared';
import { CouponLookupService } from './coupon-lookup.service';
import { CouponRecord } from './coupon-record';
import { ListCountCache } from './list-count-cache';

export interface CouponListParams {
  page?: unknown;
  per_page?: unknown;
  status?: unknown;
  search_term?: unknown;
}

/** LIKE escape character `!`: a backslash is quoted differently by MySQL and SQLite, `!` reads the same in both. */
function escapeLike(term: string): string {
  return term.replace(/[!%_]/g, (char) => `!${char}`);
}

/** Lago's order: active first, no_expiration first, expiration_at ascending, newest first; id breaks ties. */
const LIST_ORDER: [string, 'ASC' | 'DESC'][] = [
  ['c.status', 'ASC'],
  ['c.expiration', 'ASC'],
  ['c.expiration_at', 'ASC'],
  ['c.created_at', 'DESC'],
  ['c.id', 'DESC'],
];

/** COUNT(*) over the list index; TypeORM's getCount() would emit COUNT(DISTINCT id), twice as slow. */
async function exactCount(query: SelectQueryBuilder<CouponEntity>): Promise<number> {
  const counted = await query.clone().select('COUNT(*)', 'total').orderBy().getRawOne<{ total: string | number }>();
  return Number(counted?.total ?? 0);
}

function ordered(query: SelectQueryBuilder<CouponEntity>, reversed: boolean): SelectQueryBuilder<CouponEntity> {
  LIST_ORDER.forEach(([column, direction], index) => {
    const effective = reversed ? (direction === 'ASC' ? 'DESC' : 'ASC') : direction;
    if (index === 0) query.orderBy(column, effective);
    else query.addOrderBy(column, effective);
  });
  return query;
}

/**
 * GET /coupons. Pages come from the list index alone (a deferred join: ids first, rows after), and a page
 * in the second half is read from the end of the index, so the last page of a million is as cheap as the first.
 */
@Injectable()
export class CouponsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookup: CouponLookupService,
    private readonly counts: ListCountCache,
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
    const searching = typeof params.search_term === 'string' && params.search_term.trim() !== '';
    const { total: totalCount, exact } = await this.counts.count(
      searching ? null : `${organizationId}:${String(params.status)}`,
      () => exactCount(query),
      // A page in the second half is read backwards from the end, which needs the exact total.
      (total) => offset > total / 2,
    );
    const ids = offset >= totalCount ? [] : await this.pageIds(query, offset, perPage, totalCount, exact);
    const rows = ids.length
      ? (await preparedQuery(this.dataSource, `SELECT * FROM coupons WHERE id IN (${ids.map(() => '?').join(',')})`, ids)).map((row) =>
          hydrate(this.dataSource, CouponEntity, row),
        )
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const records: CouponRecord[] = await this.lookup.records(ids.map((id) => byId.get(id)!));
    return { records, meta: paginationMeta(page, perPage, totalCount) };
  }

  private async pageIds(query: SelectQueryBuilder<CouponEntity>, offset: number, perPage: number, total: number, exact: boolean): Promise<number[]> {
    // Counting from the end needs the exact total: a cached one would shift the page.
    const fromEnd = exact && offset > total / 2;
    const limit = Math.min(perPage, total - offset);
    const skip = fromEnd ? total - offset - limit : offset;
    const rows: { id: number }[] = await ordered(query.clone().select('c.id', 'id'), fromEnd).offset(skip).limit(limit).getRawMany();
    const ids = rows.map((row) => Number(row.id));
    return fromEnd ? ids.reverse() : ids;
  }
}
