import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pagination, paginationMeta, PaginationMeta } from '@coupons/domain';
import { DataSource, In } from 'typeorm';
import { WebhookDeliveryEntity } from '../database/entities';
import type { WebhookDeliveryStatus } from '../database/entities/webhook-delivery.entity';
import { insertRows } from '../database/prepared';
import { inTransaction, Transaction } from '../database/transactions';

/** A new attempt to schedule: the event, the endpoint, its number and when it is due. */
export type PendingDelivery = Pick<WebhookDeliveryEntity, 'organizationId' | 'endpointId' | 'eventId' | 'eventPublicId' | 'eventType' | 'attempt' | 'dueAt'>;

export type ScheduledDelivery = Omit<WebhookDeliveryEntity, 'id'>;

/** What an attempt came to, recorded on its row. */
export interface AttemptOutcome {
  deliveryId: number;
  status: 'succeeded' | 'failed';
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
}

/** Rows per multi-row INSERT and per purge DELETE: short statements that hold their locks briefly. */
const CHUNK = 500;

/** Every statement on `webhook_deliveries`: the queue of attempts workers claim, and the delivery log. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Answers the rows as inserted (without their ids), for the log's wire shape. */
  async insertPending(deliveries: PendingDelivery[], now: Date, tx: Transaction): Promise<ScheduledDelivery[]> {
    const rows: ScheduledDelivery[] = deliveries.map((delivery) => ({
      ...delivery, status: 'pending', claimedUntil: null, claimedBy: null, responseStatus: null,
      responseBody: null, durationMs: null, error: null, createdAt: now,
    }));
    await insertRows(tx, WebhookDeliveryEntity, rows as WebhookDeliveryEntity[], CHUNK);
    return rows;
  }

  /**
   * Claims up to `limit` due attempts for `owner` until `leaseUntil`, in a transaction of its own. On MySQL
   * the rows are read FOR UPDATE SKIP LOCKED, so that concurrent workers of several processes each claim
   * different attempts without waiting on one another; SQLite runs one worker and serializes transactions.
   * An attempt whose claim lapsed (its process died) is due again.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date, owner: string): Promise<WebhookDeliveryEntity[]> {
    return inTransaction(this.dataSource, async (tx) => {
      const query = tx
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder('delivery')
        .where("delivery.status = 'pending' AND delivery.dueAt <= :now AND (delivery.claimedUntil IS NULL OR delivery.claimedUntil < :now)", { now })
        .orderBy('delivery.dueAt')
        .limit(limit);
      if (tx.connection.options.type === 'mysql') query.setLock('pessimistic_write').setOnLocked('skip_locked');
      const claimed = await query.getMany();
      if (claimed.length === 0) return [];
      await tx.getRepository(WebhookDeliveryEntity).update({ id: In(claimed.map((delivery) => delivery.id)) }, { claimedUntil: leaseUntil, claimedBy: owner });
      return claimed.map((delivery) => Object.assign(delivery, { claimedUntil: leaseUntil, claimedBy: owner }));
    }, { readCommitted: true });
  }

  /**
   * Records the outcomes of attempts `owner` claimed, in one statement; an attempt whose claim another
   * worker took over meanwhile is left to that worker. Answers the ids recorded.
   */
  async recordOutcomes(outcomes: AttemptOutcome[], owner: string, tx: Transaction): Promise<Set<number>> {
    if (outcomes.length === 0) return new Set();
    const ids = outcomes.map((outcome) => outcome.deliveryId);
    const params: unknown[] = [];
    const caseOf = (value: (outcome: AttemptOutcome) => unknown) => {
      const whens = outcomes.map((outcome) => {
        params.push(outcome.deliveryId, value(outcome));
        return 'WHEN ? THEN ?';
      });
      return `CASE id ${whens.join(' ')} END`;
    };
    const sets = [
      `status = ${caseOf((outcome) => outcome.status)}`,
      `response_status = ${caseOf((outcome) => outcome.responseStatus)}`,
      `response_body = ${caseOf((outcome) => outcome.responseBody)}`,
      `duration_ms = ${caseOf((outcome) => outcome.durationMs)}`,
      `error = ${caseOf((outcome) => outcome.error)}`,
    ];
    params.push(...ids, owner);
    const placeholders = ids.map(() => '?').join(',');
    const result = (await tx.queryRunner!.query(
      `UPDATE webhook_deliveries SET ${sets.join(', ')}, claimed_until = NULL WHERE id IN (${placeholders}) AND claimed_by = ? AND status = 'pending'`,
      params,
      true,
    )) as { affected?: number };
    if (result.affected === ids.length) return new Set(ids);
    // Some claims were taken over (and their attempts made again) by another worker: only ours count.
    const recorded: Array<{ id: number }> = await tx.query(
      `SELECT id FROM webhook_deliveries WHERE id IN (${placeholders}) AND claimed_by = ? AND status <> 'pending'`,
      [...ids, owner],
    );
    return new Set(recorded.map((row) => Number(row.id)));
  }

  /** Gives claimed attempts back at once (a process shutting down), instead of letting their claims lapse. */
  async release(ids: number[], owner: string): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.getRepository(WebhookDeliveryEntity).update({ id: In(ids), claimedBy: owner, status: 'pending' }, { claimedUntil: null, claimedBy: null });
  }

  /** An endpoint's attempts, newest first, optionally of one status, with Lago's `meta`. */
  async page(endpointId: number, status: WebhookDeliveryStatus | null, { page, perPage, offset }: Pagination): Promise<{ rows: WebhookDeliveryEntity[]; meta: PaginationMeta }> {
    const [rows, total] = await this.dataSource.getRepository(WebhookDeliveryEntity).findAndCount({
      where: status ? { endpointId, status } : { endpointId },
      order: { id: 'DESC' },
      skip: offset,
      take: perPage,
    });
    return { rows, meta: paginationMeta(page, perPage, total) };
  }

  /**
   * Deletes the finished attempts made before `cutoff` among the oldest chunk (by id, which follows
   * creation: no index on `created_at` to tax every insert); answers how many went. Callers repeat it
   * until it deletes nothing.
   */
  async purgeFinishedBefore(cutoff: Date): Promise<number> {
    const oldest = await this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('delivery')
      .select('delivery.id', 'id')
      .orderBy('delivery.id')
      .limit(CHUNK)
      .getRawMany<{ id: number }>();
    if (oldest.length === 0) return 0;
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(WebhookDeliveryEntity)
      .where("id IN (:...ids) AND created_at < :cutoff AND status <> 'pending'", { ids: oldest.map((row) => Number(row.id)), cutoff })
      .execute();
    return result.affected ?? 0;
  }

}
