import type { EventEntity } from '../database/entities';

/** The instant with its milliseconds: events follow each other closely, and receivers measure their lag from it. */
const eventTime = (date: Date) => date.toISOString();

function envelope(event: EventEntity) {
  return {
    id: event.publicId,
    type: event.type,
    created_at: eventTime(event.createdAt),
    actor: { type: event.actorType, id: event.actorId, name: event.actorName },
    request_id: event.requestId,
  };
}

/** The event's wire shape, key order included: its envelope, then `data` as written with the change. */
export function serializeEvent(event: EventEntity) {
  return { ...envelope(event), data: JSON.parse(event.data) as Record<string, unknown> };
}

/**
 * The same event as JSON text, byte for byte what `JSON.stringify(serializeEvent(event))` gives, without
 * parsing `data` back: for webhook bodies, sent for every event.
 */
export function eventJson(event: EventEntity): string {
  const head = JSON.stringify(envelope(event));
  return `${head.slice(0, -1)},"data":${event.data}}`;
}
