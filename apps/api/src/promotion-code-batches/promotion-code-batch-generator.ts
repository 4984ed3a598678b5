import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { generateBatchCode, type RandomFill } from '@coupons/domain';
import { randomFillSync } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { JobLocksRepository } from '../coupons/job-locks.repository';
import type { PromotionCodeBatchEntity } from '../database/entities';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder } from '../events/events.recorder';
import { systemActor } from '../organizations/organization';
import { serializePromotionCodeBatch } from './promotion-code-batch.serializer';
import { PROMOTION_CODE_INSERT_ROWS, PromotionCodeBatchesRepository } from './promotion-code-batches.repository';

/** How long a generating process's claim on a batch lasts without renewal: a dead process's claim lapses after this. */
const LEASE_MS = 20_000;
/** Renewed well before it lapses; renewing on every chunk would cost a write per chunk. */
const RENEW_AFTER_MS = 5_000;
/**
 * Codes per transaction (in INSERTs of PROMOTION_CODE_INSERT_ROWS): few enough that a crash loses little,
 * many enough that the transaction's own round trips stay a small part of the work.
 */
const CODES_PER_TRANSACTION = 5 * PROMOTION_CODE_INSERT_ROWS;
/** Chunks in a row that add no code (every candidate already taken) before the batch is given up as failed. */
const MAX_FRUITLESS_CHUNKS = 20;

export type BatchProgressListener = (generatedCount: number, count: number) => void;

const leaseName = (batchId: number) => `promotion-code-batch:${batchId}`;

/** Batches are generated in the background, whoever asked for them. */
const GENERATOR_ACTOR = systemActor('promotion-code-batches');

/**
 * The CSPRNG's bytes, drawn 64 KiB at a time and handed out in order (each byte once): asking the CSPRNG
 * once per code costs several times more than the code itself, a million times over.
 */
function pooledRandomFill(): RandomFill {
  const pool = new Uint8Array(65_536);
  let next = pool.length;
  return (bytes) => {
    if (next + bytes.length > pool.length) {
      randomFillSync(pool);
      next = 0;
    }
    bytes.set(pool.subarray(next, next + bytes.length));
    next += bytes.length;
  };
}

/**
 * Generates a batch's codes, chunk by chunk: candidates drawn from the CSPRNG, inserted skipping any code
 * already taken, and counted in `generated_count` in the same transaction, until `count` codes exist. A
 * lease makes one process at a time do it; a crash loses at most an uncommitted chunk, and generation
 * resumes from the committed count.
 */
@Injectable()
export class PromotionCodeBatchGenerator implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PromotionCodeBatchGenerator.name);
  private readonly running = new Map<number, Promise<unknown>>();
  private stopping = false;
  private readonly randomFill = pooledRandomFill();

  constructor(
    private readonly batches: PromotionCodeBatchesRepository,
    private readonly locks: JobLocksRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  /** How many batches this process is generating right now. */
  get activeCount(): number {
    return this.running.size;
  }

  /** Generates the batch in the background, unless a process (this one included) already is. */
  start(batchId: number): void {
    this.startIfFree(batchId).catch((error: Error) => this.logger.error(`promotion code batch ${batchId}: ${error.message}`));
  }

  /** Takes the batch's lease and generates it in the background; false when another run holds the lease. */
  async startIfFree(batchId: number): Promise<boolean> {
    if (this.stopping || this.running.has(batchId)) return false;
    const lease = leaseName(batchId);
    if (!(await this.locks.acquire(lease, LEASE_MS))) return false;
    const run = this.generateLeased(batchId, lease)
      .catch((error: Error) => this.logger.error(`promotion code batch ${batchId}: ${error.message}; resumed later`))
      .finally(() => this.running.delete(batchId));
    this.running.set(batchId, run);
    return true;
  }

  /**
   * Generates the batch to the end in the foreground and returns it; null when another process holds its
   * lease, or when this one shut down before the end.
   */
  async generate(batchId: number, onProgress?: BatchProgressListener): Promise<PromotionCodeBatchEntity | null> {
    const lease = leaseName(batchId);
    if (!(await this.locks.acquire(lease, LEASE_MS))) return null;
    return this.generateLeased(batchId, lease, onProgress);
  }

  private async generateLeased(batchId: number, lease: string, onProgress?: BatchProgressListener): Promise<PromotionCodeBatchEntity | null> {
    try {
      const batch = await this.batches.findById(batchId);
      if (!batch) return null;
      if (batch.status === 'completed' || batch.status === 'failed') return batch;
      return (await this.fill(batch, lease, onProgress)) ? this.batches.findById(batchId) : null;
    } finally {
      await this.locks.release(lease).catch(() => undefined);
    }
  }

  /** True once the batch is completed or failed; false when generation stopped early (shutdown, lost lease). */
  private async fill(batch: PromotionCodeBatchEntity, lease: string, onProgress?: BatchProgressListener): Promise<boolean> {
    let renewedAt = Date.now();
    let fruitless = 0;
    for (;;) {
      const candidates = await this.candidates(batch, Math.min(CODES_PER_TRANSACTION, batch.count));
      const step = await this.transactions.run(async (tx) => {
        const progress = await this.batches.lockProgress(batch.id, tx);
        const wanted = progress ? Math.min(candidates.length, progress.count - progress.generatedCount) : 0;
        if (!progress || wanted <= 0) return { generated: progress?.generatedCount ?? 0, inserted: 0, done: true };
        const inserted = await this.batches.insertCodes(batch, candidates.slice(0, wanted), new Date(), tx);
        await this.batches.addGenerated(batch.id, inserted, tx);
        return { generated: progress.generatedCount + inserted, inserted, done: progress.generatedCount + inserted >= progress.count };
      });
      onProgress?.(step.generated, batch.count);
      if (step.done) break;
      fruitless = step.inserted === 0 ? fruitless + 1 : 0;
      if (fruitless >= MAX_FRUITLESS_CHUNKS) {
        this.logger.error(`promotion code batch ${batch.lagoId}: no free code left for its prefix and length`);
        await this.batches.fail(batch.id);
        return true;
      }
      if (this.stopping) return false;
      if (Date.now() - renewedAt > RENEW_AFTER_MS) {
        if (!(await this.locks.renew(lease, LEASE_MS))) return false;
        renewedAt = Date.now();
      }
    }
    await this.complete(batch);
    return true;
  }

  /** Completes the batch with its one `promotion_code_batch.completed` event, in one transaction. */
  private complete(batch: PromotionCodeBatchEntity): Promise<void> {
    return this.transactions.run(async (tx) => {
      if (!(await this.batches.complete(batch.id, new Date(), tx))) return;
      const completed = (await this.batches.findById(batch.id, tx))!;
      const data = { promotion_code_batch: serializePromotionCodeBatch(await this.batches.record(completed)) };
      await this.events.record(tx, {
        organizationId: completed.organizationId,
        actor: GENERATOR_ACTOR,
        requestId: null,
        type: 'promotion_code_batch.completed',
        objectId: completed.lagoId,
        data,
      });
    });
  }

  /**
   * Distinct candidates; those an existing code already holds are skipped by the insert and drawn again. Drawn
   * before the transaction, a turn of the event loop after each thousand: requests never wait behind a whole chunk.
   */
  private async candidates(batch: PromotionCodeBatchEntity, wanted: number): Promise<string[]> {
    const codes = new Set<string>();
    while (codes.size < wanted) {
      const goal = Math.min(wanted, codes.size + PROMOTION_CODE_INSERT_ROWS);
      while (codes.size < goal) codes.add(generateBatchCode(batch.prefix, batch.length, this.randomFill));
      await nextTurn();
    }
    return [...codes];
  }

  /** Stops after the chunk in progress (committed or not, the count stays exact) and frees the leases. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running.values());
  }
}
