import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { COUPON_STATUSES, CouponStatus, paginationMeta, parsePagination } from '@coupons/domain';
import { CouponEntity } from '../database/entities';
import { hydrateAll, preparedQuery } from '../database/prepared';
import { CouponLookupService } from './coupon-lookup.service';
import { CouponRecord } from './coupon-record';
import { CouponListPages } from './coupon-list-pages';
import { CouponListStatsReader } from './coupon-list-stats';

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

/** COUNT(*) over the list index; TypeORM's getCount() would emit COUNT(DISTINCT id), twice as slow. */
async function exactCount(query: SelectQueryBuilder<CouponEntity>): Promise<number> {
  const counted = await query.clone().select('COUNT(*)', 'total').orderBy().getRawOne<{ total: string | number }>();
  return Number(counted?.total ?? 0);
}

/**
 * GET /coupons. `total_count` comes from the trigger-kept counters (a search counts its matches), and
 * pages from the list index alone (a deferred join: ids first, rows after; see CouponListPages).
 */
@Injectable()
export class CouponsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookup: CouponLookupService,
    private readonly stats: CouponListStatsReader,
    private readonly pages: CouponListPages,
  ) {}

  async call(organizationId: number, params: CouponListParams) {
    const { page, perPage, offset } = parsePagination(params);
    const query = this.dataSource
      .getRepository(CouponEntity)
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId', { organizationId })
      .andWhere('c.deleted_at IS NULL');
    const status = typeof params.status === 'string' && (COUPON_STATUSES as readonly string[]).includes(params.status) ? (params.status as CouponStatus) : null;
    if (status) query.andWhere('c.status = :status', { status });
    const searchTerm = typeof params.search_term === 'string' ? params.search_term.trim() : '';
    if (searchTerm !== '') {
      const term = `%${escapeLike(searchTerm.toLowerCase())}%`;
      query.andWhere("(LOWER(c.code) LIKE :term ESCAPE '!' OR LOWER(c.name) LIKE :term ESCAPE '!')", { term });
    }
    const stats = searchTerm === '' ? await this.stats.read(organizationId) : null;
    const total = stats ? (status ? (stats.byStatus.get(status) ?? 0) : stats.total) : await exactCount(query);
    const ids = await this.pages.ids({ organizationId, status, query, total, version: stats?.version ?? null }, offset, perPage);
    const rows = ids.length
      ? hydrateAll(this.dataSource, CouponEntity, await preparedQuery(this.dataSource, `SELECT * FROM coupons WHERE id IN (${ids.map(() => '?').join(',')})`, ids))
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const records: CouponRecord[] = await this.lookup.records(ids.map((id) => byId.get(id)!));
    return { records, meta: paginationMeta(page, perPage, total) };
  }
}
