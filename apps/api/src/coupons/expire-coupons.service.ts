import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CouponsRepository } from './coupons.repository';
import { JobLocksRepository } from './job-locks.repository';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder } from '../events/events.recorder';
import { PurgeEventsService } from '../events/purge-events.service';
import { Actor, systemActor } from '../organizations/organization';
import { serializeCoupon } from './coupon.serializer';

/** Coupons terminated per transaction, each with its event: a long backlog never makes one huge transaction. */
const EXPIRY_BATCH = 500;
const SWEEP_ACTOR = systemActor('expiry-sweep');

/** Terminates coupons whose expiration_at has passed. Applies check the instant themselves; this is the record. */
@Injectable()
export class ExpireCouponsService {
  private readonly logger = new Logger(ExpireCouponsService.name);

  constructor(
    private readonly coupons: CouponsRepository,
    private readonly locks: JobLocksRepository,
    private readonly idempotency: IdempotencyService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
    private readonly purgeEvents: PurgeEventsService,
  ) {}

  /**
   * Returns how many coupons this call terminated, each once, with its `coupon.terminated` event in the
   * same transaction. `actor`: the sweep, or the CLI command that asked for it.
   */
  async call(now: Date = new Date(), actor: Actor = SWEEP_ACTOR): Promise<number> {
    for (let total = 0; ; ) {
      const count = await this.transactions.run(async (tx) => {
        const expired = await this.coupons.expireDue(now, EXPIRY_BATCH, tx);
        const events = (await this.coupons.records(expired)).map((record) => ({
          organizationId: record.coupon.organizationId,
          actor,
          requestId: null,
          type: 'coupon.terminated' as const,
          objectId: record.coupon.lagoId,
          data: { coupon: serializeCoupon(record) },
        }));
        await this.events.recordMany(tx, events);
        return expired.length;
      });
      total += count;
      if (count < EXPIRY_BATCH) return total;
    }
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: 'expire-coupons' })
  async sweep(): Promise<void> {
    try {
      // Several API processes share the database; one of them sweeps per minute.
      if (!(await this.locks.acquire('expire-coupons', 50_000))) return;
      const count = await this.call();
      if (count > 0) this.logger.log(`terminated ${count} expired coupon(s)`);
      // Under the same lease: idempotency keys are kept 24 h, and nothing else deletes them.
      await this.idempotency.purgeExpired();
      await this.purgeEvents.call();
    } catch (error) {
      this.logger.error(`expiry sweep failed: ${(error as Error).message}`);
    }
  }
}
