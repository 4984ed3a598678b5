import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Pagination, PaginationMeta, promotionCodeLookupKey } from '@coupons/domain';
import { DataSource, EntityMetadata } from 'typeorm';
import { PromotionCodeBatchEntity, PromotionCodeEntity } from '../database/entities';
import { hydrateAll, preparedQuery } from '../database/prepared';
import { lockingRead, type Transaction } from '../database/transactions';
import { newestFirstPage } from '../database/newest-first-page';

/** A batch with the code of its coupon, as the API answers with it. */
export interface PromotionCodeBatchRecord {
  batch: PromotionCodeBatchEntity;
  couponCode: string;
}

/** What a generator reads under the batch's row lock before each chunk. */
export interface BatchProgress {
  count: number;
  generatedCount: number;
}

/** The columns of one CSV line of a batch's export. */
export type ExportedPromotionCode = Pick<
  PromotionCodeEntity,
  'id' | 'code' | 'active' | 'maxRedemptions' | 'redemptionsCount' | 'expiresAt' | 'createdAt'
>;

type InsertColumn = { name: string; value: (code: PromotionCodeEntity) => unknown };

/** Per engine metadata, the promotion_codes columns an insert writes: worked out once. */
const insertColumnsCache = new WeakMap<EntityMetadata, InsertColumn[]>();

/**
 * The row shape of a promotion code insert, shared by every writer of `promotion_codes` (single codes and
 * batches): its column names, in order, and how a code entity gives each value, in the engine's terms.
 */
export function promotionCodeInsertColumns(dataSource: DataSource): InsertColumn[] {
  const metadata = dataSource.getMetadata(PromotionCodeEntity);
  let columns = insertColumnsCache.get(metadata);
  if (columns) return columns;
  const mysql = dataSource.options.type === 'mysql';
  columns = metadata.columns
    .filter((column) => !column.isGenerated)
    .map((column) => ({
      name: column.databaseName,
      // mysql2 binds dates, numbers and booleans itself; SQLite's values go through TypeORM's own conversions.
      value: mysql
        ? (code: PromotionCodeEntity): unknown => {
            const value: unknown = column.getEntityValue(code) ?? null;
            return column.type === 'simple-json' && value !== null ? JSON.stringify(value) : value;
          }
        : (code: PromotionCodeEntity): unknown => dataSource.driver.preparePersistentValue(column.getEntityValue(code) ?? null, column) as unknown,
    }));
  insertColumnsCache.set(metadata, columns);
  return columns;
}

/** Rows per INSERT: 1 000 rows of 16 columns stay under SQLite's 32 766 bound variables. */
export const PROMOTION_CODE_INSERT_ROWS = 1000;

/** Every statement on `promotion_code_batches`, and the inserts and export reads of their codes. */
@Injectable()
export class PromotionCodeBatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Sets the new id on the entity. Batches embed their restrictions, which TypeORM's own insert and reads map. */
  async insert(batch: PromotionCodeBatchEntity): Promise<void> {
    const result = await this.dataSource.getRepository(PromotionCodeBatchEntity).insert(batch);
    batch.id = Number(result.identifiers[0].id);
  }

  findById(id: number, tx?: Transaction): Promise<PromotionCodeBatchEntity | null> {
    return (tx ?? this.dataSource.manager).getRepository(PromotionCodeBatchEntity).findOneBy({ id });
  }

  /** The batch with its coupon's code, as the API shows it. */
  async record(batch: PromotionCodeBatchEntity): Promise<PromotionCodeBatchRecord> {
    return (await this.withCouponCodes([batch]))[0];
  }

  async findRecord(organizationId: number, lagoId: string): Promise<PromotionCodeBatchRecord | null> {
    const batch = await this.dataSource.getRepository(PromotionCodeBatchEntity).findOneBy({ organizationId, lagoId });
    return batch ? (await this.withCouponCodes([batch]))[0] : null;
  }

  /** Newest first, with Lago's pagination `meta`. */
  async page(organizationId: number, pagination: Pagination, couponId?: number): Promise<{ records: PromotionCodeBatchRecord[]; meta: PaginationMeta }> {
    const filter = couponId === undefined ? {} : { couponId };
    const { rows, meta } = await newestFirstPage(this.dataSource.getRepository(PromotionCodeBatchEntity), organizationId, pagination, filter);
    return { records: await this.withCouponCodes(rows), meta };
  }

  /** A deleted coupon keeps its code in its row: batches of it still name it. */
  private async withCouponCodes(batches: PromotionCodeBatchEntity[]): Promise<PromotionCodeBatchRecord[]> {
    const couponIds = [...new Set(batches.map((batch) => batch.couponId))];
    const codes = new Map<number, string>();
    if (couponIds.length) {
      const found = await preparedQuery<{ id: number; code: string }>(
        this.dataSource,
        `SELECT id, code FROM coupons WHERE id IN (${couponIds.map(() => '?').join(',')})`,
        couponIds,
      );
      for (const { id, code } of found) codes.set(Number(id), code);
    }
    return batches.map((batch) => ({ batch, couponCode: codes.get(batch.couponId) ?? '' }));
  }

  /** Batches some process still has to generate, oldest first. */
  async unfinishedIds(): Promise<number[]> {
    const rows = await preparedQuery<{ id: number }>(
      this.dataSource,
      "SELECT id FROM promotion_code_batches WHERE status IN ('pending', 'generating') ORDER BY id",
      [],
    );
    return rows.map((row) => Number(row.id));
  }

  /**
   * The batch's progress under a write lock (MySQL; SQLite serializes whole transactions instead): two
   * generators of one batch, whatever their leases say, take turns and never overshoot `count`.
   */
  async lockProgress(batchId: number, tx: Transaction): Promise<BatchProgress | null> {
    const lock = lockingRead(tx.connection);
    const [row] = await preparedQuery(tx, `SELECT count, generated_count FROM promotion_code_batches WHERE id = ?${lock}`, [batchId]);
    return row ? { count: Number(row.count), generatedCount: Number(row.generated_count) } : null;
  }

  /**
   * Inserts the batch's codes that are free, skipping any whose key an existing code holds (the unique
   * index on organization and code key decides, even against a concurrent writer); returns how many went in.
   */
  async insertCodes(batch: PromotionCodeBatchEntity, codes: string[], createdAt: Date, tx: Transaction): Promise<number> {
    const columns = promotionCodeInsertColumns(this.dataSource);
    const template = this.codeOfBatch(batch, createdAt);
    const position = (name: string) => columns.findIndex((column) => column.name === name);
    const [lagoIdAt, codeAt, codeKeyAt] = [position('lago_id'), position('code'), position('code_key')];
    const shared = columns.map((column) => column.value(template));
    const mysql = this.dataSource.options.type === 'mysql';
    let inserted = 0;
    for (let start = 0; start < codes.length; start += PROMOTION_CODE_INSERT_ROWS) {
      const chunk = codes.slice(start, start + PROMOTION_CODE_INSERT_ROWS);
      const params: unknown[] = [];
      for (const code of chunk) {
        const row = shared.slice();
        row[lagoIdAt] = randomUUID();
        row[codeAt] = code;
        row[codeKeyAt] = promotionCodeLookupKey(code);
        for (const value of row) params.push(value);
      }
      const tuple = `(${columns.map(() => '?').join(',')})`;
      const sql = `INSERT ${mysql ? 'IGNORE' : 'OR IGNORE'} INTO promotion_codes (${columns.map((column) => column.name).join(', ')}) ` +
        `VALUES ${chunk.map(() => tuple).join(',')}`;
      // A plain query, not a prepared statement: preparing 16 000 placeholders on each pooled connection costs more than it saves.
      const result = (await tx.queryRunner!.query(sql, params, true)) as { affected?: number };
      inserted += result.affected ?? 0;
    }
    return inserted;
  }

  /** Progress moves in the transaction of the codes it counts, so it is exact after any crash. */
  async addGenerated(batchId: number, inserted: number, tx: Transaction): Promise<void> {
    await preparedQuery(tx, "UPDATE promotion_code_batches SET generated_count = generated_count + ?, status = 'generating' WHERE id = ?", [inserted, batchId]);
  }

  /** False when the batch was not fully generated (or already completed). */
  async complete(batchId: number, completedAt: Date, tx: Transaction): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(PromotionCodeBatchEntity)
      .set({ status: 'completed', completedAt })
      .where('id = :batchId AND generated_count >= count AND status <> :completed', { batchId, completed: 'completed' })
      .execute();
    return Boolean(result.affected);
  }

  async fail(batchId: number): Promise<void> {
    await this.dataSource.getRepository(PromotionCodeBatchEntity).update({ id: batchId }, { status: 'failed' });
  }

  /** One page of the export, in id order after `afterId` (keyset: as fast on the last page as on the first). */
  async exportPage(batchId: number, afterId: number, limit: number): Promise<ExportedPromotionCode[]> {
    const rows = await preparedQuery(
      this.dataSource,
      'SELECT id, code, active, max_redemptions, redemptions_count, expires_at, created_at FROM promotion_codes ' +
        `WHERE batch_id = ? AND id > ? ORDER BY id LIMIT ${Number(limit)}`,
      [batchId, afterId],
    );
    return hydrateAll(this.dataSource, PromotionCodeEntity, rows);
  }

  /** Every code of a batch carries the batch's terms; only lago_id, code and code_key differ per row. */
  private codeOfBatch(batch: PromotionCodeBatchEntity, createdAt: Date): PromotionCodeEntity {
    return this.dataSource.getRepository(PromotionCodeEntity).create({
      lagoId: '',
      organizationId: batch.organizationId,
      couponId: batch.couponId,
      code: '',
      codeKey: '',
      active: true,
      maxRedemptions: batch.maxRedemptions,
      redemptionsCount: 0,
      expiresAt: batch.expiresAt,
      restrictions: { ...batch.restrictions },
      metadata: batch.metadata,
      batchId: batch.id,
      createdAt,
    });
  }
}
