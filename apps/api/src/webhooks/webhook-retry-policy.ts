import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { WebhookEndpointEntity } from '../database/entities';
import type { Transaction } from '../database/transactions';
import { EventsRecorder } from '../events/events.recorder';
import { systemActor } from '../organizations/organization';
import { PendingDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import type { FinishedAttempt } from './webhook-delivery-worker';
import { serializeWebhookEndpoint } from './webhook-endpoint.serializer';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

/** An endpoint whose every attempt failed for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 60 * 60 * 1000;
/** Retries spread ±10 % around their scheduled delay, so that a receiver's backlog does not return as one burst. */
const JITTER = 0.1;

/** When the retry after attempt `attempt` is due, or null when the schedule is exhausted (the delivery failed). */
export function retryDueAt(schedule: number[], attempt: number, now: Date, random = Math.random): Date | null {
  const delaySeconds = schedule[attempt - 1];
  if (delaySeconds === undefined) return null;
  const factor = 1 - JITTER + 2 * JITTER * random();
  return new Date(now.getTime() + Math.round(delaySeconds * 1000 * factor));
}

/**
 * What follows recorded attempts, in their transaction: each failure's next attempt on the retry schedule;
 * an endpoint's run of failures started, or ended by a success; and an endpoint failing for five days
 * disabled, with its `webhook_endpoint.disabled` event.
 */
@Injectable()
export class WebhookRetryPolicy {
  private readonly schedule: number[];

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly recorder: EventsRecorder,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.schedule = config.webhooks.retrySchedule;
  }

  async follow(attempts: FinishedAttempt[], now: Date, tx: Transaction): Promise<void> {
    const retries: PendingDelivery[] = [];
    const succeeded = new Map<number, WebhookEndpointEntity>();
    const failing = new Map<number, WebhookEndpointEntity>();
    for (const { delivery, endpoint, result, retryable } of attempts) {
      if (!endpoint) continue;
      if (result.delivered) {
        succeeded.set(endpoint.id, endpoint);
        continue;
      }
      if (!retryable) continue;
      failing.set(endpoint.id, endpoint);
      const dueAt = retryDueAt(this.schedule, delivery.attempt, now);
      if (dueAt) {
        const { organizationId, endpointId, eventId, eventPublicId, eventType } = delivery;
        retries.push({ organizationId, endpointId, eventId, eventPublicId, eventType, attempt: delivery.attempt + 1, dueAt });
      }
    }
    await this.deliveries.insertPending(retries, now, tx);
    await this.endpoints.clearFailing([...succeeded.values()].filter((endpoint) => endpoint.failingSince !== null).map((endpoint) => endpoint.id), tx);
    for (const endpoint of failing.values()) {
      if (succeeded.has(endpoint.id)) continue;
      const failingSince = await this.endpoints.markFailing(endpoint.id, now, tx);
      if (failingSince && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) await this.disable(endpoint, tx);
    }
  }

  private async disable(endpoint: WebhookEndpointEntity, tx: Transaction): Promise<void> {
    if (!(await this.endpoints.disable(endpoint.id, tx))) return;
    await this.recorder.record(tx, {
      organizationId: endpoint.organizationId,
      type: 'webhook_endpoint.disabled',
      objectId: endpoint.lagoId,
      actor: systemActor('webhook delivery'),
      requestId: null,
      data: { webhook_endpoint: serializeWebhookEndpoint({ ...endpoint, status: 'disabled', failingSince: null }) },
    });
  }
}
