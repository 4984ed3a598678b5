import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobLocksRepository } from '../coupons/job-locks.repository';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Chunks per sweep (500 attempts each): a backlog spreads over a few minutes instead of one long sweep. */
const CHUNKS_PER_SWEEP = 200;

/**
 * The delivery log is kept as long as the events (EVENTS_RETENTION_DAYS): every minute, in one process
 * (a lease in the database), finished attempts older than that are deleted a chunk at a time. Pending
 * attempts are never purged: the retry schedule ends long before.
 */
@Injectable()
export class PurgeWebhookDeliveriesService {
  private readonly logger = new Logger(PurgeWebhookDeliveriesService.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly locks: JobLocksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many attempts this call deleted. */
  async call(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.eventsRetentionDays * DAY_MS);
    let deleted = 0;
    for (let chunk = 0; chunk < CHUNKS_PER_SWEEP; chunk++) {
      const count = await this.deliveries.purgeFinishedBefore(cutoff);
      deleted += count;
      if (count === 0) break;
    }
    return deleted;
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: 'purge-webhook-deliveries' })
  async sweep(): Promise<void> {
    try {
      if (!(await this.locks.acquire('purge-webhook-deliveries', 50_000))) return;
      const count = await this.call();
      if (count > 0) this.logger.log(`purged ${count} webhook delivery attempt(s)`);
    } catch (error) {
      this.logger.error(`webhook delivery purge failed: ${(error as Error).message}`);
    }
  }
}
