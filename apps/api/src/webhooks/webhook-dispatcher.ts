import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TransactionRunner } from '../database/transactions';
import { EventsRepository } from '../events/events.repository';
import { EventLoopLoad } from './event-loop-load';
import { PollingLoop } from './polling-loop';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryWorker } from './webhook-delivery-worker';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { firstAttempts } from './webhook-fan-out';

/** Events fanned out per transaction. */
const BATCH = 500;
/** How often an idle dispatcher looks for new events. */
const IDLE_POLL_MS = 100;
/**
 * While events keep coming, it looks again this soon after a batch: the larger part of an event's lag to
 * its receiver, against a transaction per round.
 */
const BUSY_POLL_MS = 25;

/**
 * Turns new events into first delivery attempts: claims undispatched events (skipping those another
 * process holds), writes one attempt per subscribed enabled endpoint and marks the events dispatched, all
 * in one transaction, so that an event is fanned out exactly once whoever crashes. Then wakes this
 * process's worker.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly load = new EventLoopLoad();
  private readonly loop = new PollingLoop('webhook dispatch', () => this.dispatch(), IDLE_POLL_MS, BUSY_POLL_MS, new Logger(WebhookDispatcher.name));

  constructor(
    private readonly events: EventsRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly transactions: TransactionRunner,
    private readonly worker: WebhookDeliveryWorker,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * One batch; true when events came (more are likely on their way). While the process is saturated with
   * requests it answers false, so the next batch waits the idle delay and comes larger: fewer transactions
   * per event when the API needs the time most.
   */
  async dispatch(now = new Date()): Promise<boolean> {
    const { claimed, scheduled } = await this.transactions.run(async (tx) => {
      const events = await this.events.claimUndispatched(BATCH, tx);
      if (events.length === 0) return { claimed: 0, scheduled: 0 };
      const endpoints = await this.endpoints.enabledOf([...new Set(events.map((event) => event.organizationId))], tx);
      const attempts = firstAttempts(events, endpoints, now);
      await this.deliveries.insertPending(attempts, now, tx);
      await this.events.markDispatched(events.map((event) => event.id), tx);
      return { claimed: events.length, scheduled: attempts.length };
    }, { readCommitted: true });
    if (scheduled > 0) this.worker.kick();
    return claimed > 0 && !this.load.saturated();
  }
}
