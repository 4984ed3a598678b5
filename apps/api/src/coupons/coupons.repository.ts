import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { AppliedCouponEntity, CouponEntity } from '../database/entities';
import { hydrate, hydrateAll, insertRows, preparedInsert, preparedQuery } from '../database/prepared';
import type { Statement } from '../database/statement-batch';
import type { Transaction } from '../database/transactions';
import { CouponRecord } from './coupon-record';
import { CouponTargetsRepository } from './coupon-targets.repository';

/** A coupon's place in the newest-first order: created_at as the driver returned it, and id. */
export interface NewestFirstKey {
  id: number;
  createdAt: unknown;
}

/** SQLite allows 32 766 bound variables per statement: 1 000 rows of ~28 columns fit. */
const BULK_INSERT_ROWS = 1000;

/** FOR UPDATE on MySQL; SQLite has one writer at a time and no row locks. */
const rowLock = (tx: Transaction) => (tx.connection.options.type === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {});

/** Every statement on `coupons`: lookups by code, writes, and the records the API answers with. */
@Injectable()
export class CouponsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: CouponTargetsRepository,
  ) {}

  /**
   * A live (not deleted) coupon by code. The hottest lookup of the API (every GET, PUT, DELETE and apply
   * by code): a prepared statement, in the caller's transaction when given one.
   */
  async findLive(organizationId: number, code: string, tx?: Transaction): Promise<CouponEntity | null> {
    const { sql, params } = this.liveByCodeStatement(organizationId, code);
    return this.couponOf(await preparedQuery(tx ?? this.dataSource, sql, params));
  }

  /** findLive's statement, for a batch of reads; `couponOf` reads its rows. */
  liveByCodeStatement(organizationId: number, code: string): Statement {
    return { sql: 'SELECT * FROM coupons WHERE organization_id = ? AND live_code = ?', params: [organizationId, code] };
  }

  /**
   * The coupon of the promotion code with this lookup key, for a batch of reads beside the code's own: a
   * code's coupon never changes, so the subquery needs no lock of its own.
   */
  ofPromotionCodeStatement(organizationId: number, codeKey: string): Statement {
    return {
      sql: 'SELECT * FROM coupons WHERE id = (SELECT coupon_id FROM promotion_codes WHERE organization_id = ? AND code_key = ?)',
      params: [organizationId, codeKey],
    };
  }

  couponOf(rows: Record<string, unknown>[]): CouponEntity | null {
    return rows.length ? hydrate(this.dataSource, CouponEntity, rows[0]) : null;
  }

  /** A live coupon by its `lago_id`, the id dialects with server-generated ids expose. */
  async findLiveByLagoId(organizationId: number, lagoId: string): Promise<CouponEntity | null> {
    const rows = await preparedQuery(
      this.dataSource,
      'SELECT * FROM coupons WHERE organization_id = ? AND lago_id = ? AND deleted_at IS NULL',
      [organizationId, lagoId],
    );
    return rows.length ? hydrate(this.dataSource, CouponEntity, rows[0]) : null;
  }

  async findById(id: number, tx?: Transaction): Promise<CouponEntity | null> {
    const rows = await preparedQuery(tx ?? this.dataSource, 'SELECT * FROM coupons WHERE id = ?', [id]);
    return rows.length ? hydrate(this.dataSource, CouponEntity, rows[0]) : null;
  }

  /** In the order of `ids`; one statement for the whole page. */
  async findByIds(ids: number[]): Promise<CouponEntity[]> {
    if (ids.length === 0) return [];
    const rows = await preparedQuery(this.dataSource, `SELECT * FROM coupons WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
    const byId = new Map(hydrateAll(this.dataSource, CouponEntity, rows).map((coupon) => [coupon.id, coupon]));
    return ids.map((id) => byId.get(id)!);
  }

  /** Where a live coupon sits in the newest-first order (its raw sort key, as the driver reads it), or null. */
  async newestFirstKey(organizationId: number, code: string): Promise<NewestFirstKey | null> {
    const rows = await preparedQuery<NewestFirstKey>(
      this.dataSource,
      'SELECT id, created_at AS createdAt FROM coupons WHERE organization_id = ? AND live_code = ?',
      [organizationId, code],
    );
    return rows[0] ?? null;
  }

  /**
   * Up to `limit` ids of live coupons, newest first (created_at, then id), from the list's start or from
   * just past `after` (older) or just before `before` (newer, still answered newest first). Read from
   * `idx_coupons_newest_first` as two ranges (same created_at, then older ones): an OR-ed condition would
   * be read from the start of the organization's entries.
   */
  async newestFirstIds(organizationId: number, limit: number, cursor: { after?: NewestFirstKey; before?: NewestFirstKey } = {}): Promise<number[]> {
    const base = 'SELECT id FROM coupons WHERE organization_id = ? AND deleted_at IS NULL';
    const key = cursor.after ?? cursor.before;
    if (!key) {
      const rows = await preparedQuery<{ id: number }>(this.dataSource, `${base} ORDER BY created_at DESC, id DESC LIMIT ?`, [organizationId, this.limitParam(limit)]);
      return rows.map((row) => Number(row.id));
    }
    const [older, order] = cursor.after ? ['<', 'DESC'] : ['>', 'ASC'];
    const ids: number[] = [];
    for (const [where, params] of [
      [`created_at = ? AND id ${older} ?`, [key.createdAt, key.id]],
      [`created_at ${older} ?`, [key.createdAt]],
    ] as const) {
      if (ids.length >= limit) break;
      const rows = await preparedQuery<{ id: number }>(
        this.dataSource,
        `${base} AND ${where} ORDER BY created_at ${order}, id ${order} LIMIT ?`,
        [organizationId, ...params, this.limitParam(limit - ids.length)],
      );
      for (const row of rows) ids.push(Number(row.id));
    }
    return cursor.after ? ids : ids.reverse();
  }

  /** mysql2's prepared statements take a LIMIT only as a string; SQLite as a number. */
  private limitParam(limit: number): string | number {
    return this.dataSource.options.type === 'mysql' ? String(limit) : limit;
  }

  isCodeTaken(organizationId: number, code: string, exceptCouponId?: number): Promise<boolean> {
    const where = exceptCouponId === undefined
      ? { organizationId, liveCode: code }
      : { organizationId, liveCode: code, id: Not(exceptCouponId) };
    return this.dataSource.getRepository(CouponEntity).existsBy(where);
  }

  async records(coupons: CouponEntity[]): Promise<CouponRecord[]> {
    // Most coupons are unlimited: only limited ones need their target codes looked up.
    const limited = coupons.filter((coupon) => coupon.limitedPlans || coupon.limitedBillableMetrics);
    const codes = await this.targets.codesFor(limited.map((coupon) => coupon.id));
    return coupons.map((coupon) => ({ coupon, ...(codes.get(coupon.id) ?? { planCodes: [], billableMetricCodes: [] }) }));
  }

  async record(coupon: CouponEntity): Promise<CouponRecord> {
    return (await this.records([coupon]))[0];
  }

  /**
   * Every column is already on the entity: a prepared INSERT without TypeORM's reload of defaults. Sets
   * the new id on the entity.
   */
  async insert(coupon: CouponEntity, tx?: Transaction): Promise<void> {
    coupon.id = await preparedInsert(tx ?? this.dataSource.manager, CouponEntity, coupon);
  }

  /** Multi-row INSERTs of up to BULK_INSERT_ROWS coupons each (a seed's). */
  insertMany(coupons: CouponEntity[], tx?: Transaction): Promise<void> {
    return insertRows(tx ?? this.dataSource.manager, CouponEntity, coupons, BULK_INSERT_ROWS);
  }

  /**
   * Writes `changes` to a coupon that is still live (and, with `onlyIfUnapplied`, never applied, even by a
   * request racing this one). False when no such row was left to update.
   */
  async updateLive(couponId: number, changes: Partial<CouponEntity>, onlyIfUnapplied: boolean, tx: Transaction): Promise<boolean> {
    const unapplied = onlyIfUnapplied ? { redemptionsCount: 0 } : {};
    const result = await tx.getRepository(CouponEntity).update({ id: couponId, deletedAt: IsNull(), ...unapplied }, changes);
    return Boolean(result.affected);
  }

  /**
   * Terminates the coupon if it is still active (a terminated one keeps its terminated_at). False when it
   * was not active any more.
   */
  async terminate(couponId: number, now: Date, tx: Transaction): Promise<boolean> {
    const result = await tx.getRepository(CouponEntity).update({ id: couponId, status: 'active' }, { status: 'terminated', terminatedAt: now });
    return Boolean(result.affected);
  }

  /**
   * Deletes the coupon found under `code`, freeing the code. False when another request deleted it
   * first.
   */
  async softDelete(coupon: CouponEntity, code: string, now: Date, tx: Transaction): Promise<boolean> {
    const result = await tx
      .getRepository(CouponEntity)
      // As Lago: the coupon keeps its status and terminated_at; deleted_at alone marks it.
      .update({ id: coupon.id, liveCode: code }, { deletedAt: now, liveCode: null });
    return Boolean(result.affected);
  }

  /**
   * The applications of a deleted coupon stop with it; returns them, terminated. Locked before the update,
   * so that the rows returned are exactly the rows it terminated.
   */
  async terminateApplications(couponId: number, now: Date, tx: Transaction): Promise<AppliedCouponEntity[]> {
    const repository = tx.getRepository(AppliedCouponEntity);
    const active = await repository.find({ where: { couponId, status: 'active' }, ...rowLock(tx) });
    if (active.length === 0) return [];
    await repository.update({ id: In(active.map((applied) => applied.id)) }, { status: 'terminated', terminatedAt: now });
    return active.map((applied) => Object.assign(applied, { status: 'terminated' as const, terminatedAt: now }));
  }

  /**
   * Terminates up to `limit` active coupons whose expiration_at has passed, oldest first; returns them,
   * terminated. Locked before the update, so that the rows returned are exactly the rows it terminated.
   */
  async expireDue(now: Date, limit: number, tx: Transaction): Promise<CouponEntity[]> {
    const repository = tx.getRepository(CouponEntity);
    // A deleted coupon is left as it was deleted, as Lago's expiry job leaves it.
    const due = await repository.find({
      where: { status: 'active', deletedAt: IsNull(), expirationAt: LessThanOrEqual(now) },
      order: { id: 'ASC' },
      take: limit,
      ...rowLock(tx),
    });
    if (due.length === 0) return [];
    await repository.update({ id: In(due.map((coupon) => coupon.id)) }, { status: 'terminated', terminatedAt: now });
    return due.map((coupon) => Object.assign(coupon, { status: 'terminated' as const, terminatedAt: now }));
  }
}
