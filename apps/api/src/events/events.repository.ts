import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pagination } from '@coupons/domain';
import type { Pool, PoolConnection } from 'mysql2';
import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { EventEntity } from '../database/entities';
import { hydrateAll, insertOf, insertRows, preparedInsert, preparedQuery } from '../database/prepared';
import { runStatements, type Statement } from '../database/statement-batch';
import { inTransaction, lockingRead, type Transaction } from '../database/transactions';
import type { ActorType } from '../organizations/organization';

/** What the activity log is narrowed to; null leaves a filter out. */
export interface EventFilters {
  type: string | null;
  objectId: string | null;
  actorType: ActorType | null;
  actorId: string | null;
  requestId: string | null;
  createdAfter: Date | null;
  createdBefore: Date | null;
}

/** The enabled webhook endpoints, narrowed by what follows to an organization id: who could receive an event. */
const ENABLED_ENDPOINTS_OF = "FROM webhook_endpoints WHERE status = 'enabled' AND organization_id";

/** True for an organization no enabled webhook endpoint listens to (its one parameter: the organization id). */
const NO_ENABLED_ENDPOINT = `NOT EXISTS (SELECT 1 ${ENABLED_ENDPOINTS_OF} = ?)`;

/** Rows per multi-row INSERT: well under SQLite's 32 766 bound variables at 11 columns a row. */
const INSERT_ROWS = 1000;

function send(connection: PoolConnection, sql: string, params: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => connection.query(sql, params, (error, result) => (error ? reject(error) : resolve(result))));
}

/** Every statement on `events`: the outbox's writes, the activity log's reads, the dispatcher's claims, the purge. */
@Injectable()
export class EventsRepository {
  private eventInsertShape: { sql: string; columns: string[] } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The INSERT of an event on the change's own transaction: the one statement an event adds to a write. */
  async insert(event: EventEntity, tx: Transaction): Promise<void> {
    const [inserted] = await runStatements(tx, [this.insertStatement(event)]);
    event.id = inserted.insertId;
  }

  /**
   * The INSERT of an event, for a batch that sends it with the writes of its change. An event of an
   * organization without an enabled webhook endpoint is written as already dispatched: nothing would receive
   * it, so the dispatcher need not claim it nor write to it again. An endpoint therefore receives the events
   * recorded once it exists (and is enabled), not those recorded before.
   */
  insertStatement(event: EventEntity): Statement {
    const { sql, columns } = this.eventInsert();
    const params = columns.map((column) => (column === 'dispatched' ? event.organizationId : (event as unknown as Record<string, unknown>)[column]));
    return { sql, params };
  }

  /** The INSERT … SELECT of insertStatement and the entity property each parameter comes from: built once. */
  private eventInsert(): { sql: string; columns: string[] } {
    if (this.eventInsertShape) return this.eventInsertShape;
    const columns = this.dataSource.getMetadata(EventEntity).columns.filter((column) => !column.isGenerated);
    const names = columns.map((column) => `\`${column.databaseName}\``).join(', ');
    const selected = columns.map((column) => (column.propertyName === 'dispatched' ? NO_ENABLED_ENDPOINT : '?')).join(', ');
    this.eventInsertShape = { sql: `INSERT INTO \`events\` (${names}) SELECT ${selected}`, columns: columns.map((column) => column.propertyName) };
    return this.eventInsertShape;
  }

  /**
   * Inserts `entity` and its event atomically, for a change that is that one INSERT (a coupon without plan
   * or metric limits, the API's most frequent write). On MySQL the transaction's four statements go in one
   * round trip instead of four: on a busy server, socket writes are most of the cost of a create, and an
   * outbox that doubled them would halve create throughput. Sets the new id on the entity.
   */
  async insertWithEvent<T extends ObjectLiteral>(target: EntityTarget<T>, entity: T & { id: number }, event: EventEntity): Promise<void> {
    if (this.dataSource.options.type !== 'mysql') {
      await inTransaction(this.dataSource, async (tx) => {
        entity.id = await preparedInsert(tx, target, entity);
        await this.insert(event, tx);
      });
      return;
    }
    const change = insertOf(this.dataSource, target, entity);
    const outbox = this.insertStatement(event);
    const connection = await new Promise<PoolConnection>((resolve, reject) =>
      (this.dataSource.driver as unknown as { pool: Pool }).pool.getConnection((error, acquired) => (error ? reject(error) : resolve(acquired))),
    );
    try {
      // The server stops at the first failing statement (a duplicate code): the transaction is then rolled back.
      const results = (await send(connection, `START TRANSACTION; ${change.sql}; ${outbox.sql}; COMMIT`, [...change.values, ...outbox.params])) as { insertId: number }[];
      entity.id = results[1].insertId;
      event.id = results[2].insertId;
    } catch (error) {
      await send(connection, 'ROLLBACK', []).catch(() => connection.destroy());
      throw error;
    } finally {
      connection.release();
    }
  }

  /** Many events in multi-row INSERTs (a seed's coupons, an expiry sweep's), on the change's transaction. */
  async insertMany(events: EventEntity[], tx: Transaction): Promise<void> {
    if (events.length === 0) return;
    // As insertStatement decides per event, from one read for all of them.
    const organizationIds = [...new Set(events.map((event) => event.organizationId))];
    const rows = await tx.query<{ organization_id: number }[]>(
      `SELECT DISTINCT organization_id ${ENABLED_ENDPOINTS_OF} IN (${organizationIds.map(() => '?').join(', ')})`,
      organizationIds,
    );
    const subscribed = new Set(rows.map((row) => Number(row.organization_id)));
    for (const event of events) event.dispatched = !subscribed.has(event.organizationId);
    await insertRows(tx, EventEntity, events, INSERT_ROWS);
  }

  /** One page of the organization's events, newest first, and the count of the filtered list. */
  async page(organizationId: number, filters: EventFilters, { offset, perPage }: Pagination) {
    const query = this.dataSource.getRepository(EventEntity).createQueryBuilder('e').where('e.organization_id = :organizationId', { organizationId });
    if (filters.type !== null) query.andWhere('e.type = :type', { type: filters.type });
    if (filters.objectId !== null) query.andWhere('e.object_id = :objectId', { objectId: filters.objectId });
    if (filters.actorType !== null) query.andWhere('e.actor_type = :actorType', { actorType: filters.actorType });
    if (filters.actorId !== null) query.andWhere('e.actor_id = :actorId', { actorId: filters.actorId });
    if (filters.requestId !== null) query.andWhere('e.request_id = :requestId', { requestId: filters.requestId });
    if (filters.createdAfter !== null) query.andWhere('e.created_at > :createdAfter', { createdAfter: filters.createdAfter });
    if (filters.createdBefore !== null) query.andWhere('e.created_at < :createdBefore', { createdBefore: filters.createdBefore });
    const totalCount = await query.clone().getCount();
    const rows = await query.orderBy('e.id', 'DESC').offset(offset).limit(perPage).getMany();
    return { rows, totalCount };
  }

  findByPublicId(organizationId: number, publicId: string): Promise<EventEntity | null> {
    return this.dataSource.getRepository(EventEntity).findOneBy({ organizationId, publicId });
  }

  /**
   * The oldest events not yet fanned out into deliveries (id, public id, organization and type only),
   * locked until `tx` ends. On MySQL, rows another process has claimed are skipped rather than waited
   * for, so that several dispatchers share the work.
   */
  async claimUndispatched(limit: number, tx: Transaction): Promise<EventEntity[]> {
    const skipLocked = lockingRead(tx.connection, { skipLocked: true });
    // Not `data` (up to ~110 KB each): fanning out needs none of it; delivery reads the body when it sends.
    const rows = await preparedQuery(tx, `SELECT id, public_id, organization_id, type FROM events WHERE dispatched = 0 ORDER BY id LIMIT ${Number(limit)}${skipLocked}`, []);
    return hydrateAll(this.dataSource, EventEntity, rows);
  }

  async markDispatched(ids: number[], tx: Transaction): Promise<void> {
    if (ids.length === 0) return;
    await tx.getRepository(EventEntity).update({ id: In(ids) }, { dispatched: true });
  }

  /** Events by row id (webhook attempts point at them); those purged meanwhile are simply absent. */
  findByIds(ids: number[]): Promise<EventEntity[]> {
    return ids.length ? this.dataSource.getRepository(EventEntity).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * Deletes events created before `cutoff` among the `limit` oldest; returns how many. Oldest by id (ids
   * follow creation), so that no index on `created_at` taxes every write. Callers repeat it: small deletes keep
   * each one's locks and undo log short while the API writes new events.
   */
  async deleteCreatedBefore(cutoff: Date, limit: number): Promise<number> {
    const oldest = await preparedQuery(this.dataSource, `SELECT id, created_at FROM events ORDER BY id LIMIT ${Number(limit)}`, []);
    const expired = hydrateAll(this.dataSource, EventEntity, oldest).filter((event) => event.createdAt < cutoff);
    if (expired.length === 0) return 0;
    await this.dataSource.getRepository(EventEntity).delete({ id: In(expired.map((event) => event.id)) });
    return expired.length;
  }

}
