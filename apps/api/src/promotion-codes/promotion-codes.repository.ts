import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pagination, promotionCodeLookupKey } from '@coupons/domain';
import { DataSource } from 'typeorm';
import { CouponEntity, CustomerEntity, PromotionCodeEntity } from '../database/entities';
import { aliasedEntity, hydrate, preparedQuery } from '../database/prepared';
import type { Statement } from '../database/statement-batch';
import { lockingRead, type Transaction } from '../database/transactions';
import {
  ACTIVE_APPLIED_COUPON_COLUMNS,
  ACTIVE_APPLIED_COUPON_JOINS,
  ActiveAppliedCoupon,
  activeAppliedCouponsOf,
} from '../invoice-discounts/invoice-discounts.repository';
import { promotionCodeInsertColumns } from '../promotion-code-batches/promotion-code-batches.repository';
import type { PromotionCodeRecord } from './promotion-code.serializer';

/** What a promotion-code list is narrowed to; null means no filter. */
export interface PromotionCodeFilters {
  couponCode: string | null;
  active: boolean | null;
  batchLagoId: string | null;
  /** The code's lookup key (upper case); a value that cannot be a code matches nothing. */
  codeKey: string | null;
}

/** What a checkout validation is judged on: the customer, the code, its coupon and its batch, each when it exists. */
export interface CheckoutReads {
  customer: CustomerEntity | null;
  promotionCode: PromotionCodeEntity | null;
  coupon: CouponEntity | null;
  batchLagoId: string | null;
  /** The customer's active applied coupons, oldest first; read only when asked for. */
  active: ActiveAppliedCoupon[];
}

type RecordRow = Record<string, unknown> & { coupon_lago_id: string; coupon_code: string; batch_lago_id: string | null };

const RECORD_SELECT =
  'SELECT p.*, c.lago_id AS coupon_lago_id, c.code AS coupon_code, b.lago_id AS batch_lago_id FROM promotion_codes p ' +
  'JOIN coupons c ON c.id = p.coupon_id LEFT JOIN promotion_code_batches b ON b.id = p.batch_id';

/** Every statement on `promotion_codes` but the batches' bulk inserts: lookups ignoring case, writes, lists, redemptions. */
@Injectable()
export class PromotionCodesRepository {
  private readonly checkoutSelects = new Map<boolean, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A code by what a customer typed, ignoring case. */
  async findByCode(organizationId: number, code: string): Promise<PromotionCodeEntity | null> {
    const codeKey = promotionCodeLookupKey(code);
    if (codeKey === null) return null;
    const { sql, params } = this.byCodeKeyStatement(organizationId, codeKey, false);
    return this.codeOf(await preparedQuery(this.dataSource, sql, params));
  }

  /**
   * The code with this lookup key (see promotionCodeLookupKey), for a batch of reads; `codeOf` reads its rows.
   * With `lock` (an apply's transaction), the row stays write-locked until the transaction ends (MySQL; SQLite
   * serializes whole transactions instead), so the applies of one code run one after another and its limit holds.
   */
  byCodeKeyStatement(organizationId: number, codeKey: string, lock: boolean): Statement {
    const forUpdate = lock ? lockingRead(this.dataSource) : '';
    return { sql: `SELECT * FROM promotion_codes WHERE organization_id = ? AND code_key = ?${forUpdate}`, params: [organizationId, codeKey] };
  }

  codeOf(rows: Record<string, unknown>[]): PromotionCodeEntity | null {
    return rows.length ? this.entityOf(rows[0]) : null;
  }

  /**
   * The customer with this external id, the code with this lookup key (its coupon, its batch) and, with
   * `withActiveCoupons`, the customer's active applied coupons: one prepared statement, one row per active
   * applied coupon (or one without). A checkout validation needs all of it; separate reads would cost it
   * two or three more round trips. Nothing at all when the customer does not exist.
   */
  async findForCheckout(organizationId: number, externalCustomerId: string, codeKey: string | null, withActiveCoupons: boolean): Promise<CheckoutReads> {
    const rows = await preparedQuery(this.dataSource, this.checkoutSelect(withActiveCoupons), [
      organizationId, codeKey, ...(withActiveCoupons ? ['active'] : []), organizationId, externalCustomerId,
    ]);
    const { customer, code, coupon } = this.checkoutEntities();
    if (!rows.length) return { customer: null, promotionCode: null, coupon: null, batchLagoId: null, active: [] };
    const flatCode = code.read(rows[0]);
    return {
      customer: customer.read(rows[0]),
      promotionCode: flatCode && this.unflattened(flatCode),
      coupon: coupon.read(rows[0]),
      batchLagoId: (rows[0].kb__lago_id as string | null) ?? null,
      active: withActiveCoupons ? activeAppliedCouponsOf(this.dataSource, rows.filter((row) => row.id !== null)) : [],
    };
  }

  /** findForCheckout's statement, built once per shape: the same string object keeps mysql2's statement cache lookup cheap. */
  private checkoutSelect(withActiveCoupons: boolean): string {
    const cached = this.checkoutSelects.get(withActiveCoupons);
    if (cached) return cached;
    const { customer, code, coupon } = this.checkoutEntities();
    const [activeColumns, activeJoins] = withActiveCoupons
      ? [`, ${ACTIVE_APPLIED_COUPON_COLUMNS}`, ` LEFT JOIN applied_coupons a ON a.customer_id = u.id AND a.status = ? LEFT JOIN ${ACTIVE_APPLIED_COUPON_JOINS}`]
      : ['', ''];
    const sql =
      `SELECT ${customer.columns}, ${code.columns}, ${coupon.columns}, kb.lago_id AS kb__lago_id${activeColumns} FROM customers u ` +
      'LEFT JOIN promotion_codes k ON k.organization_id = ? AND k.code_key = ? LEFT JOIN coupons kc ON kc.id = k.coupon_id ' +
      `LEFT JOIN promotion_code_batches kb ON kb.id = k.batch_id${activeJoins} WHERE u.organization_id = ? AND u.external_id = ?`;
    this.checkoutSelects.set(withActiveCoupons, sql);
    return sql;
  }

  /** findForCheckout's tables side by side: the customer `u`, the code `k` and its coupon `kc`. */
  private checkoutEntities() {
    return {
      customer: aliasedEntity(this.dataSource, CustomerEntity, 'u'),
      code: aliasedEntity(this.dataSource, PromotionCodeEntity, 'k'),
      coupon: aliasedEntity(this.dataSource, CouponEntity, 'kc'),
    };
  }

  /** A code with its coupon's ids and its batch's, as the API answers with it. */
  async findRecord(organizationId: number, code: string, tx?: Transaction): Promise<PromotionCodeRecord | null> {
    const codeKey = promotionCodeLookupKey(code);
    if (codeKey === null) return null;
    const [row] = await preparedQuery<RecordRow>(tx ?? this.dataSource, `${RECORD_SELECT} WHERE p.organization_id = ? AND p.code_key = ?`, [organizationId, codeKey]);
    return row ? this.recordOf(row) : null;
  }

  async isCodeTaken(organizationId: number, code: string): Promise<boolean> {
    return (await this.findByCode(organizationId, code)) !== null;
  }

  /** One page, newest first, and the total count of the filtered list. */
  async page(organizationId: number, filters: PromotionCodeFilters, { offset, perPage }: Pagination) {
    // Each condition with its value; 1 and 0 for `active`: SQLite binds no booleans.
    const given: [string, unknown][] = [
      ['p.organization_id = ?', organizationId],
      ['c.code = ?', filters.couponCode],
      ['p.active = ?', filters.active === null ? null : Number(filters.active)],
      ['b.lago_id = ?', filters.batchLagoId],
      ['p.code_key = ?', filters.codeKey],
    ];
    const applied = given.filter(([, value]) => value !== null);
    const params = applied.map(([, value]) => value);
    const where = ` WHERE ${applied.map(([condition]) => condition).join(' AND ')}`;
    const from = ' FROM promotion_codes p JOIN coupons c ON c.id = p.coupon_id LEFT JOIN promotion_code_batches b ON b.id = p.batch_id';
    const [{ total }] = await preparedQuery<{ total: number | string }>(this.dataSource, `SELECT COUNT(*) AS total${from}${where}`, params);
    const rows = await preparedQuery<RecordRow>(
      this.dataSource,
      `${RECORD_SELECT}${where} ORDER BY p.created_at DESC, p.id DESC LIMIT ${Number(perPage)} OFFSET ${Number(offset)}`,
      params,
    );
    return { records: rows.map((row) => this.recordOf(row)), totalCount: Number(total) };
  }

  /**
   * Up to `limit` codes newest first, from the list's start or from just past the code `after` (older ones)
   * or just before the code `before` (newer ones, still answered newest first), with the filters and the
   * customer a code is restricted to. Null when the cursor's code is unknown.
   */
  async cursorPage(
    organizationId: number,
    filters: PromotionCodeFilters & { customerExternalId: string | null },
    limit: number,
    cursor: { after?: string; before?: string } = {},
  ): Promise<PromotionCodeRecord[] | null> {
    const given: [string, unknown[]][] = [
      ['p.organization_id = ?', [organizationId]],
      ['c.code = ?', [filters.couponCode]],
      ['p.active = ?', [filters.active === null ? null : Number(filters.active)]],
      ['b.lago_id = ?', [filters.batchLagoId]],
      ['p.code_key = ?', [filters.codeKey]],
      ['p.customer_external_id = ?', [filters.customerExternalId]],
    ];
    const cursorCode = cursor.after ?? cursor.before;
    const newer = cursor.after === undefined && cursor.before !== undefined;
    if (cursorCode !== undefined) {
      const [key] = await preparedQuery<{ id: number; created_at: unknown }>(
        this.dataSource,
        'SELECT id, created_at FROM promotion_codes WHERE organization_id = ? AND code_key = ?',
        [organizationId, promotionCodeLookupKey(cursorCode)],
      );
      if (!key) return null;
      const side = newer ? '>' : '<';
      given.push([`(p.created_at ${side} ? OR (p.created_at = ? AND p.id ${side} ?))`, [key.created_at, key.created_at, key.id]]);
    }
    const applied = given.filter(([, values]) => values[0] !== null);
    const where = applied.map(([condition]) => condition).join(' AND ');
    const order = newer ? 'ASC' : 'DESC';
    const rows = await preparedQuery<RecordRow>(
      this.dataSource,
      `${RECORD_SELECT} WHERE ${where} ORDER BY p.created_at ${order}, p.id ${order} LIMIT ${Number(limit)}`,
      applied.flatMap(([, values]) => values),
    );
    const records = rows.map((row) => this.recordOf(row));
    return newer ? records.reverse() : records;
  }

  /** Sets the new id on the entity; a code whose key is taken fails with the unique index's violation. */
  async insert(code: PromotionCodeEntity, tx?: Transaction): Promise<void> {
    if (this.dataSource.options.type !== 'mysql') {
      const result = await (tx ?? this.dataSource.manager).getRepository(PromotionCodeEntity).insert(code);
      code.id = Number(result.identifiers[0].id);
      return;
    }
    // The row shape batches write too, as one prepared statement.
    const columns = promotionCodeInsertColumns(this.dataSource);
    const sql = `INSERT INTO promotion_codes (${columns.map((column) => column.name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const result = (await preparedQuery(tx ?? this.dataSource, sql, columns.map((column) => column.value(code)))) as unknown as { insertId: number };
    code.id = result.insertId;
  }

  async update(id: number, changes: Pick<PromotionCodeEntity, 'active' | 'metadata' | 'expiresAt'>, tx?: Transaction): Promise<void> {
    await (tx ?? this.dataSource.manager).getRepository(PromotionCodeEntity).update({ id }, changes);
  }

  /**
   * Takes one redemption of the code, unless its limit is reached: a conditional UPDATE, so the limit holds
   * whatever else runs. False when nothing was left to take.
   */
  /** Takes one of the code's redemptions while one is left: the batch's result says whether it changed a row. */
  redeemStatement(id: number): Statement {
    return {
      sql: 'UPDATE promotion_codes SET redemptions_count = redemptions_count + 1 WHERE id = ? AND (max_redemptions IS NULL OR redemptions_count < max_redemptions)',
      params: [id],
    };
  }

  /** The code of each id, for the applied coupons redeemed through one. */
  async codesByIds(ids: number[]): Promise<Map<number, string>> {
    const codes = new Map<number, string>();
    if (ids.length === 0) return codes;
    const rows = await preparedQuery<{ id: number; code: string }>(
      this.dataSource,
      `SELECT id, code FROM promotion_codes WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    for (const { id, code } of rows) codes.set(Number(id), code);
    return codes;
  }

  private recordOf(row: RecordRow): PromotionCodeRecord {
    return { promotionCode: this.entityOf(row), couponLagoId: row.coupon_lago_id, couponCode: row.coupon_code, batchLagoId: row.batch_lago_id };
  }

  /** The columns' own conversions, then each value set where the entity keeps it (restrictions are embedded). */
  private entityOf(row: Record<string, unknown>): PromotionCodeEntity {
    return this.unflattened(hydrate(this.dataSource, PromotionCodeEntity, row));
  }

  /** A code hydrated column by column has its restrictions beside its own fields: they go in their embedded object. */
  private unflattened(hydrated: PromotionCodeEntity): PromotionCodeEntity {
    const flat = hydrated as unknown as Record<string, unknown>;
    const entity = new PromotionCodeEntity();
    for (const column of this.dataSource.getMetadata(PromotionCodeEntity).columns) column.setEntityValue(entity, flat[column.propertyName] ?? null);
    return entity;
  }
}
