import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { CouponEntity } from '../database/entities';
import { preparedQuery } from '../database/prepared';

/** Lago's order: active first, no_expiration first, expiration_at ascending, newest first; id breaks ties. */
const LIST_ORDER: [string, 'ASC' | 'DESC'][] = [
  ['status', 'ASC'],
  ['expiration', 'ASC'],
  ['expiration_at', 'ASC'],
  ['created_at', 'DESC'],
  ['id', 'DESC'],
];

/**
 * A page past this many rows from either end of the list starts from a cached anchor instead of an
 * offset. Lago's default page size: such a page starts right at its anchor.
 */
export const ANCHOR_EVERY = 100;
/** About 10 MB of sort keys; past it the cache starts over. */
const MAX_CACHED_ANCHORS = 100_000;

/** Where a row sits in LIST_ORDER. */
interface SortKey {
  status: string;
  expiration: string;
  expiration_at: Date | null;
  created_at: Date;
  id: number;
}

export interface CouponList {
  organizationId: number;
  status: string | null;
  /** The list's filters (alias `c`), for plain offset reads. */
  query: SelectQueryBuilder<CouponEntity>;
  /** Exact. */
  total: number;
  /** From CouponListStatsReader; null (a search, SQLite) reads every page by offset. */
  version: number | null;
}

function ordered<T extends SelectQueryBuilder<CouponEntity>>(query: T, reversed: boolean): T {
  LIST_ORDER.forEach(([column, direction], index) => {
    const effective = reversed ? (direction === 'ASC' ? 'DESC' : 'ASC') : direction;
    if (index === 0) query.orderBy(`c.${column}`, effective);
    else query.addOrderBy(`c.${column}`, effective);
  });
  return query;
}

/**
 * The rows from `key` on, as index ranges read one after the other. A single OR-ed condition would be
 * read from the start of the organization's entries: MariaDB does not use the index order for it.
 */
function rangesFrom(key: SortKey, statusFixed: boolean): { where: string; params: unknown[]; order: string }[] {
  const atNull = key.expiration_at === null;
  const sameAt = atNull ? 'expiration_at IS NULL' : 'expiration_at = ?';
  const atParams = atNull ? [] : [key.expiration_at];
  const group = [key.status, key.expiration];
  const ranges = [
    { where: `status = ? AND expiration = ? AND ${sameAt} AND created_at = ? AND id <= ?`, params: [...group, ...atParams, key.created_at, key.id], order: 'id DESC' },
    { where: `status = ? AND expiration = ? AND ${sameAt} AND created_at < ?`, params: [...group, ...atParams, key.created_at], order: 'created_at DESC, id DESC' },
    {
      where: `status = ? AND expiration = ? AND ${atNull ? 'expiration_at IS NOT NULL' : 'expiration_at > ?'}`,
      params: [...group, ...atParams],
      order: 'expiration_at, created_at DESC, id DESC',
    },
    { where: 'status = ? AND expiration > ?', params: group, order: 'expiration, expiration_at, created_at DESC, id DESC' },
  ];
  if (!statusFixed) ranges.push({ where: 'status > ?', params: [key.status], order: LIST_ORDER.map(([column, direction]) => `${column} ${direction}`).join(', ') });
  return ranges;
}

/**
 * The ids of one page of the coupon list, index-only. Near either end of the list a page is an offset
 * from that end (the last page of a million reads backwards); deeper pages start from an anchor, the
 * sort key of every ANCHOR_EVERY-th row, found once and cached for as long as the list's version holds.
 */
@Injectable()
export class CouponListPages {
  private readonly anchors = new Map<string, { version: number; keys: Map<number, SortKey> }>();
  private cachedAnchors = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ids(list: CouponList, offset: number, perPage: number): Promise<number[]> {
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
    const row = await ordered(
      list.query.clone().select(['c.status AS status', 'c.expiration AS expiration', 'c.expiration_at AS expiration_at', 'c.created_at AS created_at', 'c.id AS id']),
      reversed,
    )
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
