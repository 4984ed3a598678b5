import { formatDateTime } from '@coupons/domain';
import type { WebhookDeliveryEntity, WebhookEndpointEntity } from '../database/entities';

/**
 * The endpoint's wire shape. `secret` is given only where it was just issued (create, rotation): null
 * everywhere else. `event_types` null means every event type, present and future.
 */
export function serializeWebhookEndpoint(endpoint: WebhookEndpointEntity, issuedSecret: string | null = null) {
  return {
    lago_id: endpoint.lagoId,
    url: endpoint.url,
    event_types: endpoint.eventTypes,
    description: endpoint.description,
    status: endpoint.status,
    secret: issuedSecret,
    created_at: formatDateTime(endpoint.createdAt),
  };
}

/** One attempt of the delivery log. */
export function serializeWebhookDelivery(delivery: Omit<WebhookDeliveryEntity, 'id'>) {
  return {
    event_id: delivery.eventPublicId,
    event_type: delivery.eventType,
    attempt: delivery.attempt,
    status: delivery.status,
    response_status: delivery.responseStatus,
    response_body: delivery.responseBody,
    duration_ms: delivery.durationMs,
    error: delivery.error,
    // A pending attempt is made when it falls due; a finished one has no next attempt of its own.
    next_attempt_at: delivery.status === 'pending' ? formatDateTime(delivery.dueAt) : null,
    created_at: formatDateTime(delivery.createdAt),
  };
}
