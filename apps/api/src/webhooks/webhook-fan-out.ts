import type { EventEntity, WebhookEndpointEntity } from '../database/entities';
import type { PendingDelivery } from './webhook-deliveries.repository';

/** Whether the endpoint takes events of this type (no list: every type). */
export function subscribes(endpoint: WebhookEndpointEntity, eventType: string): boolean {
  return endpoint.status === 'enabled' && (endpoint.eventTypes === null || endpoint.eventTypes.includes(eventType));
}

/** A first attempt, due now, of each event to each enabled endpoint of its organization subscribed to its type. */
export function firstAttempts(events: EventEntity[], endpoints: WebhookEndpointEntity[], now: Date): PendingDelivery[] {
  const byOrganization = new Map<number, WebhookEndpointEntity[]>();
  for (const endpoint of endpoints) byOrganization.set(endpoint.organizationId, [...(byOrganization.get(endpoint.organizationId) ?? []), endpoint]);
  const deliveries: PendingDelivery[] = [];
  for (const event of events) {
    for (const endpoint of byOrganization.get(event.organizationId) ?? []) {
      if (!subscribes(endpoint, event.type)) continue;
      deliveries.push({
        organizationId: event.organizationId, endpointId: endpoint.id, eventId: event.id, eventPublicId: event.publicId,
        eventType: event.type, attempt: 1, dueAt: now,
      });
    }
  }
  return deliveries;
}
