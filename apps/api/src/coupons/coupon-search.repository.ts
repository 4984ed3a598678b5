import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import type { CouponStatus } from '@coupons/domain';
import { CouponEntity } from '../database/entities';
import { escapeLike } from '../database/like';
import { exactCount } from './coupon-list.repository';

/** Columns a search may filter on; a closed set, so a column name never comes from a request. */
export type CouponSearchColumn =
  | 'lago_id'
  | 'name'
  | 'code'
  | 'coupon_type'
  | 'frequency'
  | 'amount_currency'
  | 'max_redemptions'
  | 'redemptions_count'
  | 'created_at'
  | 'updated_at'
  | 'expiration_at'
  | 'starts_at';

/** LIKE and NOT LIKE match a case-insensitive substring; IN and NOT IN take a list. */
export interface CouponSearchCondition {
  column: CouponSearchColumn;
  operator: '=' | '<' | '>' | 'IN' | 'NOT IN' | 'LIKE' | 'NOT LIKE';
  value: string | number | Date | readonly string[];
}

export interface CouponSearch {
  organizationId: number;
  /** Null: live coupons of any status. */
  status: CouponStatus | null;
  /** All must hold. */
  conditions: readonly CouponSearchCondition[];
  order: { column: 'created_at' | 'updated_at' | 'name'; direction: 'ASC' | 'DESC' };
}

/**
 * Searches over an organization's live coupons with arbitrary conditions, for dialects whose clients filter
 * by field (Flexprice's `POST /coupons/search`). Lago's list, with its fixed order and cached anchors, is
 * CouponListRepository's.
 */
@Injectable()
export class CouponSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The ids of one page, in the search's order (id breaks ties), and the number of matches. */
  async page(search: CouponSearch, offset: number, limit: number): Promise<{ ids: number[]; total: number }> {
    const query = this.dataSource
      .getRepository(CouponEntity)
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId', { organizationId: search.organizationId })
      .andWhere('c.deleted_at IS NULL');
    if (search.status) query.andWhere('c.status = :status', { status: search.status });
    search.conditions.forEach((condition, index) => {
      query.andWhere(new Brackets((where) => {
        const [sql, params] = conditionSql(condition, `p${index}`);
        where.where(sql, params);
      }));
    });
    const total = await exactCount(query);
    if (offset >= total || limit === 0) return { ids: [], total };
    const rows = await query
      .select('c.id', 'id')
      .orderBy(`c.${search.order.column}`, search.order.direction)
      .addOrderBy('c.id', search.order.direction)
      .offset(offset)
      .limit(limit)
      .getRawMany<{ id: number }>();
    return { ids: rows.map((row) => Number(row.id)), total };
  }
}

function conditionSql(condition: CouponSearchCondition, param: string): [string, Record<string, unknown>] {
  const column = `c.${condition.column}`;
  switch (condition.operator) {
    case 'IN':
    case 'NOT IN':
      // SQL has no empty list: nothing is in it, everything is outside it.
      if ((condition.value as readonly string[]).length === 0) return [condition.operator === 'IN' ? '1 = 0' : '1 = 1', {}];
      return [`${column} ${condition.operator} (:...${param})`, { [param]: condition.value }];
    case 'LIKE':
    case 'NOT LIKE':
      return [
        `LOWER(${column}) ${condition.operator} :${param} ESCAPE '!'`,
        { [param]: `%${escapeLike(String(condition.value).toLowerCase())}%` },
      ];
    case '=':
    case '<':
    case '>':
      return [`${column} ${condition.operator} :${param}`, { [param]: condition.value }];
  }
}
