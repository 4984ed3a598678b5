import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventsRepository } from './events.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Events per DELETE: small enough that the API's own inserts never wait long behind one. */
const PURGE_BATCH = 1000;
/**
 * Batches per sweep: 100 000 events a minute, well over what the API writes, so the backlog of a first
 * sweep after a long pause spreads over a few minutes instead of holding the sweep's lease for long.
 */
const PURGE_BATCHES_PER_SWEEP = 100;

/** Events are kept EVENTS_RETENTION_DAYS; the minute sweep deletes older ones, a batch at a time. */
@Injectable()
export class PurgeEventsService {
  constructor(
    private readonly events: EventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many events this call deleted. */
  async call(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.eventsRetentionDays * DAY_MS);
    let deleted = 0;
    for (let batch = 0; batch < PURGE_BATCHES_PER_SWEEP; batch++) {
      const count = await this.events.deleteCreatedBefore(cutoff, PURGE_BATCH);
      deleted += count;
      if (count < PURGE_BATCH) break;
    }
    return deleted;
  }
}
