/** How endpoints and delivery attempts read in tables. */
import { eventTypeLabel } from '../activity/event-types';
import type { BadgeTone } from '../ui/Badge';
import type { WebhookDelivery, WebhookEndpoint } from './webhooks-types';

export function endpointStatus(status: WebhookEndpoint['status']): { tone: BadgeTone; label: string } {
  return status === 'enabled' ? { tone: 'success', label: 'Enabled' } : { tone: 'neutral', label: 'Disabled' };
}

/** `null` on the wire means every type, present and future. */
export function subscribedTypes(endpoint: Pick<WebhookEndpoint, 'event_types'>): string[] | null {
  return endpoint.event_types === null ? null : endpoint.event_types.map(eventTypeLabel);
}

const DELIVERY_STATUS: Record<WebhookDelivery['status'], { tone: BadgeTone; label: string }> = {
  pending: { tone: 'warning', label: 'Pending' },
  succeeded: { tone: 'success', label: 'Succeeded' },
  failed: { tone: 'danger', label: 'Failed' },
};

export const deliveryStatus = (delivery: Pick<WebhookDelivery, 'status'>) => DELIVERY_STATUS[delivery.status];

/** What came back, or why nothing did: "HTTP 200", "HTTP 500", "connect ECONNREFUSED …", or "—" while pending. */
export function deliveryOutcome(delivery: Pick<WebhookDelivery, 'response_status' | 'error'>): string {
  if (delivery.response_status !== null) return `HTTP ${delivery.response_status}`;
  return delivery.error ?? '—';
}

const EXCERPT_LENGTH = 80;

/** The start of the receiver's answer on one line, for a table cell; the API keeps the first kilobyte. */
export function responseExcerpt(body: string | null): string | null {
  if (body === null) return null;
  const line = body.replace(/\s+/g, ' ').trim();
  if (line === '') return null;
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH)}…` : line;
}
