import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { CouponStatus } from '@coupons/domain';
import { CouponEntity } from '../database/entities';
import { preparedQuery } from '../database/prepared';
import { COUPON_LIST_ORDER } from './coupon-list-order';
import { escapeLike } from '../database/like';

/**
 * A page past this many rows from either end of the list starts from a cached anchor instead of an
 * offset. Lago's default page size: such a page starts right at its anchor.
 */
export const ANCHOR_EVERY = 100;
/** About 10 MB of sort keys; past it the cache starts over. */
const MAX_CACHED_ANCHORS = 100_000;

export interface CouponListFilter {
  organizationId: number;
  status: CouponStatus | null;
  /** Matched against code and name, ignoring case; '' for none. */
  searchTerm: string;
}

type ListColumn = (typeof COUPON_LIST_ORDER)[number]['column'];
/** Where a row sits in COUPON_LIST_ORDER. */
type SortKey = Record<ListColumn, string | number | Date | null>;

interface CouponList extends CouponListFilter {
  /** The list's filters (alias `c`), for plain offset reads. */
  query: SelectQueryBuilder<CouponEntity>;
  /** Exact. */
  total: number;
  /** From the trigger-kept counters; null (a search, SQLite) reads every page by offset. */
  version: number | null;
}

interface CouponListStats {
  /** Live (not deleted) coupons per status. */
  byStatus: Map<string, number>;
  total: number;
  /** Grows with every change to the list's order: anything cached about the list is valid while it stands still. */
  version: number;
}

/** The list order from the `from`-th column on, for ORDER BY. */
function orderFrom(from: number): string {
  return COUPON_LIST_ORDER.slice(from).map(({ column, direction }) => `${column} ${direction}`).join(', ');
}

function ordered<T extends SelectQueryBuilder<CouponEntity>>(query: T, reversed: boolean): T {
  COUPON_LIST_ORDER.forEach(({ column, direction }, index) => {
    const effective = reversed ? (direction === 'ASC' ? 'DESC' : 'ASC') : direction;
    if (index === 0) query.orderBy(`c.${column}`, effective);
    else query.addOrderBy(`c.${column}`, effective);
  });
  return query;
}

/**
 * The rows from `key` on, as index ranges read one after the other: the same values up to one column and
 * past the key's value in it, from the last column to the first. A single OR-ed condition would be read
 * from the start of the organization's entries: MariaDB does not use the index order for it.
 */
function rangesFrom(key: SortKey, statusFixed: boolean): { where: string; params: unknown[]; order: string }[] {
  const ranges = [];
  const last = COUPON_LIST_ORDER.length - 1;
  // A list of one status (the first column) ends where the status would change.
  for (let depth = last; depth >= (statusFixed ? 1 : 0); depth--) {
    const where: string[] = [];
    const params: unknown[] = [];
    const compare = (column: ListColumn, operator: string, ifNull: string) => {
      if (key[column] === null) {
        where.push(`${column} ${ifNull}`);
      } else {
        where.push(`${column} ${operator} ?`);
        params.push(key[column]);
      }
    };
    for (const { column } of COUPON_LIST_ORDER.slice(0, depth)) compare(column, '=', 'IS NULL');
    const { column, direction } = COUPON_LIST_ORDER[depth];
    // The anchor row itself is the first of its page. NULLs sort first ascending on both engines, and the
    // list's only nullable column (expiration_at) is ascending: every value comes after a NULL.
    compare(column, `${direction === 'ASC' ? '>' : '<'}${depth === last ? '=' : ''}`, 'IS NOT NULL');
    ranges.push({ where: where.join(' AND '), params, order: orderFrom(depth) });
  }
  return ranges;
}

/** COUNT(*) over the list index; TypeORM's getCount() would emit COUNT(DISTINCT id), twice as slow. */
export async function exactCount(query: SelectQueryBuilder<CouponEntity>): Promise<number> {
  const counted = await query.clone().select('COUNT(*)', 'total').orderBy().getRawOne<{ total: string | number }>();
  return Number(counted?.total ?? 0);
}

/**
 * The coupon list: `total_count` from the trigger-kept counters (a search counts its matches), and the
 * ids of a page from the list index alone (a deferred join: ids first, rows after). Near either end of the
 * list a page is an offset from that end (the last page of a million reads backwards); deeper pages start
 * from an anchor, the sort key of every ANCHOR_EVERY-th row, found once and cached for as long as the
 * list's version holds.
 */
@Injectable()
export class CouponListRepository {
  private readonly anchors = new Map<string, { version: number; keys: Map<number, SortKey> }>();
  private cachedAnchors = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(filter: CouponListFilter, offset: number, perPage: number): Promise<{ ids: number[]; total: number }> {
    const { organizationId, status, searchTerm } = filter;
    const query = this.dataSource
      .getRepository(CouponEntity)
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId', { organizationId })
      .andWhere('c.deleted_at IS NULL');
    if (status) query.andWhere('c.status = :status', { status });
    if (searchTerm !== '') {
      const term = `%${escapeLike(searchTerm.toLowerCase())}%`;
      query.andWhere("(LOWER(c.code) LIKE :term ESCAPE '!' OR LOWER(c.name) LIKE :term ESCAPE '!')", { term });
    }
    const stats = searchTerm === '' ? await this.stats(organizationId) : null;
    const total = stats ? (status ? (stats.byStatus.get(status) ?? 0) : stats.total) : await exactCount(query);
    const ids = await this.ids({ ...filter, query, total, version: stats?.version ?? null }, offset, perPage);
    return { ids, total };
  }

  /**
   * The counters the `coupon_list_stats` triggers keep on MySQL: a few dozen rows per organization instead
   * of a million index entries. The embedded SQLite database has no triggers and answers null: its lists
   * count their rows.
   */
  private async stats(organizationId: number): Promise<CouponListStats | null> {
    if (this.dataSource.options.type !== 'mysql') return null;
    const rows = await preparedQuery<{ status: string; live: number | string; changes: number | string }>(
      this.dataSource,
      'SELECT `status`, SUM(`live_count`) AS live, SUM(`changes`) AS changes FROM `coupon_list_stats` WHERE `organization_id` = ? GROUP BY `status`',
      [organizationId],
    );
    const byStatus = new Map<string, number>();
    let total = 0;
    let version = 0;
    for (const row of rows) {
      byStatus.set(row.status, Number(row.live));
      total += Number(row.live);
      version += Number(row.changes);
    }
    return { byStatus, total, version };
  }

  private async ids(list: CouponList, offset: number, perPage: number): Promise<number[]> {
    if (offset >= list.total) return [];
    const limit = Math.min(perPage, list.total - offset);
    const fromEnd = list.total - offset - limit;
    const position = offset - (offset % ANCHOR_EVERY);
    const anchor = list.version === null || offset < ANCHOR_EVERY || fromEnd < ANCHOR_EVERY ? null : await this.anchor(list, list.version, position);
    if (!anchor) {
      const reversed = offset > fromEnd;
      const rows = await ordered(list.query.clone().select('c.id', 'id'), reversed)
        .offset(reversed ? fromEnd : offset)
        .limit(limit)
        .getRawMany<{ id: number }>();
      const ids = rows.map((row) => Number(row.id));
      return reversed ? ids.reverse() : ids;
    }
    return this.seek(list, anchor, offset - position, limit);
  }

  /** Null when the row is gone: deleted since the total was read. */
  private async anchor(list: CouponList, version: number, position: number): Promise<SortKey | null> {
    const scope = `${list.organizationId}:${list.status ?? ''}`;
    if (this.cachedAnchors >= MAX_CACHED_ANCHORS) {
      this.anchors.clear();
      this.cachedAnchors = 0;
    }
    let cached = this.anchors.get(scope);
    if (!cached || cached.version !== version) {
      this.cachedAnchors -= cached?.keys.size ?? 0;
      cached = { version, keys: new Map() };
      this.anchors.set(scope, cached);
    }
    const known = cached.keys.get(position);
    if (known) return known;
    const fromEnd = list.total - 1 - position;
    const reversed = fromEnd < position;
    const row = await ordered(list.query.clone().select(COUPON_LIST_ORDER.map(({ column }) => `c.${column} AS ${column}`)), reversed)
      .offset(reversed ? fromEnd : position)
      .limit(1)
      .getRawOne<SortKey>();
    if (!row) return null;
    const key = { ...row, id: Number(row.id) };
    cached.keys.set(position, key);
    this.cachedAnchors += 1;
    return key;
  }

  private async seek(list: CouponList, anchor: SortKey, skip: number, limit: number): Promise<number[]> {
    const base = `organization_id = ? AND deleted_at IS NULL${list.status === null ? '' : ' AND status = ?'}`;
    const baseParams = list.status === null ? [list.organizationId] : [list.organizationId, list.status];
    const ids: number[] = [];
    for (const range of rangesFrom(anchor, list.status !== null)) {
      const wanted = skip + limit - ids.length;
      if (wanted <= 0) break;
      const rows = await preparedQuery<{ id: number }>(
        this.dataSource,
        `SELECT id FROM coupons WHERE ${base} AND ${range.where} ORDER BY ${range.order} LIMIT ?`,
        [...baseParams, ...range.params, String(wanted)],
      );
      for (const row of rows) ids.push(Number(row.id));
    }
    return ids.slice(skip, skip + limit);
  }
}
