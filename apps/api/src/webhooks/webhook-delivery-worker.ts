import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { EventEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from '../database/entities';
import { TransactionRunner } from '../database/transactions';
import { eventJson } from '../events/event.serializer';
import { EventsRepository } from '../events/events.repository';
import { EventLoopLoad } from './event-loop-load';
import { PollingLoop } from './polling-loop';
import { AttemptOutcome, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookRetryPolicy } from './webhook-retry-policy';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { SendResult, WebhookSender, WEBHOOK_TIMEOUT_MS } from './webhook-sender';
import { signingSecrets } from './webhook-secrets';

/** Attempts one process makes at once: a hostile receiver ties up one slot for the timeout, no more. */
const MAX_IN_FLIGHT = 64;
/**
 * How long a claim holds: the timeout plus room to record the outcome. A process that dies mid-attempt
 * leaves claims that lapse within this, and another worker takes them over (well within 30 s).
 */
const CLAIM_LEASE_MS = WEBHOOK_TIMEOUT_MS + 10_000;
/** An idle worker looks for due retries this often; new events wake it at once. */
const IDLE_POLL_MS = 1000;
/** Between two rounds under load: outcomes are recorded and new attempts claimed in batches. */
const MIN_GAP_MS = 25;
/**
 * Attempts a round starts while the process is saturated with requests: deliveries slow down under a burst
 * and catch up after it, but never stop.
 */
const SATURATED_ROUND_ATTEMPTS = 8;
/** The longest a shutdown waits for attempts under way before cutting them (they are retried). */
const SHUTDOWN_GRACE_MS = 2000;

export interface FinishedAttempt {
  delivery: WebhookDeliveryEntity;
  endpoint: WebhookEndpointEntity | undefined;
  result: SendResult;
  /** False when the attempt could not be made at all and retrying cannot help (endpoint disabled, event purged). */
  retryable: boolean;
}

/**
 * Makes due delivery attempts: claims them (SKIP LOCKED, so that several processes never make one attempt
 * twice), POSTs each signed event, and records the outcomes in batches, scheduling the next attempt of each
 * failure on the retry schedule.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  /** Who holds a claim (`claimed_by`, 64 characters): a container's long host name is cut short. */
  private readonly owner = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly sender: WebhookSender;
  private readonly loop = new PollingLoop('webhook delivery', () => this.round(), IDLE_POLL_MS, MIN_GAP_MS, this.logger);
  private readonly inFlight = new Map<number, Promise<void>>();
  private finished: FinishedAttempt[] = [];
  private readonly load = new EventLoopLoad();

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly events: EventsRepository,
    private readonly retryPolicy: WebhookRetryPolicy,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.sender = new WebhookSender(config.webhooks.allowPrivateUrls);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Stops claiming, lets attempts under way finish briefly, cuts the rest, and records what came of them. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    const settled = Promise.all(this.inFlight.values());
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([settled, new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
    clearTimeout(timer);
    this.sender.close();
    await settled;
    await this.recordFinished().catch((error: Error) => this.logger.error(`recording webhook attempts failed: ${error.message}`));
  }

  kick(): void {
    this.loop.kick();
  }

  /** Records what finished, then claims as many due attempts as there are free slots; true when it filled them. */
  private async round(): Promise<boolean> {
    await this.recordFinished();
    const free = Math.min(MAX_IN_FLIGHT - this.inFlight.size, this.load.saturated() ? SATURATED_ROUND_ATTEMPTS : MAX_IN_FLIGHT);
    if (free <= 0) return false;
    const now = new Date();
    const claimed = await this.deliveries.claimDue(now, free, new Date(now.getTime() + CLAIM_LEASE_MS), this.owner);
    if (claimed.length === 0) return this.finished.length > 0;
    const [events, endpoints] = await Promise.all([
      this.events.findByIds([...new Set(claimed.map((delivery) => delivery.eventId))]),
      this.endpoints.findByIds([...new Set(claimed.map((delivery) => delivery.endpointId))]),
    ]);
    const eventById = new Map(events.map((event) => [event.id, event]));
    const endpointById = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
    for (const delivery of claimed) {
      const attempt = this.attempt(delivery, eventById.get(delivery.eventId), endpointById.get(delivery.endpointId)).finally(() => {
        this.inFlight.delete(delivery.id);
        this.loop.kick();
      });
      this.inFlight.set(delivery.id, attempt);
    }
    return claimed.length === free;
  }

  private async attempt(delivery: WebhookDeliveryEntity, event: EventEntity | undefined, endpoint: WebhookEndpointEntity | undefined): Promise<void> {
    const skipped = !event ? 'event_purged' : !endpoint ? 'endpoint_deleted' : endpoint.status !== 'enabled' ? 'endpoint_disabled' : null;
    if (skipped || !event || !endpoint) {
      const result: SendResult = { delivered: false, responseStatus: null, responseBody: null, durationMs: 0, error: skipped };
      this.finished.push({ delivery, endpoint, result, retryable: false });
      return;
    }
    const now = new Date();
    const result = await this.sender.send({ url: endpoint.url, id: event.publicId, body: eventJson(event), secrets: signingSecrets(endpoint, now) }, now);
    this.finished.push({ delivery, endpoint, result, retryable: true });
  }

  /** One transaction for every attempt finished since the last round. */
  private async recordFinished(): Promise<void> {
    if (this.finished.length === 0) return;
    const batch = this.finished;
    this.finished = [];
    const outcomes: AttemptOutcome[] = batch.map(({ delivery, result }) => ({
      deliveryId: delivery.id,
      status: result.delivered ? 'succeeded' : 'failed',
      responseStatus: result.responseStatus,
      responseBody: result.responseBody,
      durationMs: result.durationMs,
      error: result.error,
    }));
    try {
      await this.transactions.run(async (tx) => {
        const recorded = await this.deliveries.recordOutcomes(outcomes, this.owner, tx);
        await this.retryPolicy.follow(batch.filter((entry) => recorded.has(entry.delivery.id)), new Date(), tx);
      });
    } catch (error) {
      // The claims lapse and the attempts are made again: at least once, never lost.
      this.logger.error(`recording ${batch.length} webhook attempt(s) failed: ${(error as Error).message}`);
    }
  }
}


