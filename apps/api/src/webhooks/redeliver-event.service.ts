import { Injectable } from '@nestjs/common';
import { notFound, Result, success } from '../common/result';
import { TransactionRunner } from '../database/transactions';
import { EventsRepository } from '../events/events.repository';
import type { Organization } from '../organizations/organization';
import { ScheduledDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { firstAttempts } from './webhook-fan-out';

/**
 * POST /events/:id/redeliver: sends the event again, as a fresh delivery (attempt 1, the whole retry
 * schedule ahead), to every enabled endpoint of the organization subscribed to its type.
 */
@Injectable()
export class RedeliverEventService {
  constructor(
    private readonly events: EventsRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async call(organization: Organization, eventId: string, now = new Date()): Promise<Result<ScheduledDelivery[]>> {
    const event = await this.events.findByPublicId(organization.id, eventId);
    if (!event) return notFound('event_not_found');
    const scheduled = await this.transactions.run(async (tx) => {
      const endpoints = await this.endpoints.enabledOf([organization.id], tx);
      return this.deliveries.insertPending(firstAttempts([event], endpoints, now), now, tx);
    });
    return success(scheduled);
  }
}
