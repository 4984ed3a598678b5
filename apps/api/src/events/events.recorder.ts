import type { EventType } from '@coupons/domain';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { EventEntity } from '../database/entities';
import type { Statement } from '../database/statement-batch';
import type { Transaction } from '../database/transactions';
import type { Actor, Organization } from '../organizations/organization';
import { EventsRepository } from './events.repository';

/** One change to record: who made it, on what, and the object as the API serializes it after the change. */
export interface NewEvent {
  organizationId: number;
  type: EventType;
  /** The `lago_id` of the object. */
  objectId: string;
  actor: Actor;
  requestId: string | null;
  /** `{"<root key>": <serialized object>}`. */
  data: Record<string, unknown>;
}

/** Whose change it is, from the organization a use case was called for. */
export type EventOrigin = Pick<NewEvent, 'organizationId' | 'actor' | 'requestId'>;

/** An organization carries its actor from the request (or the CLI); anything else is the system's own doing. */
const UNNAMED_SYSTEM: Actor = { type: 'system', id: null, name: null };

export function originOf(organization: Organization): EventOrigin {
  return { organizationId: organization.id, actor: organization.actor ?? UNNAMED_SYSTEM, requestId: organization.requestId ?? null };
}

/** `evt_`, the time in 12 hex digits, then 20 random ones: unguessable, and appended near the end of its index. */
function publicIdAt(now: Date): string {
  return `evt_${now.getTime().toString(16).padStart(12, '0')}${randomBytes(10).toString('hex')}`;
}

function eventRow(event: NewEvent, now: Date): EventEntity {
  // A plain assignment: the repository's create() walks the entity's metadata for every property.
  return Object.assign(new EventEntity(), {
    publicId: publicIdAt(now),
    organizationId: event.organizationId,
    type: event.type,
    objectId: event.objectId,
    actorType: event.actor.type,
    actorId: event.actor.id,
    actorName: event.actor.name,
    requestId: event.requestId,
    data: JSON.stringify(event.data),
    dispatched: false,
    createdAt: now,
  } satisfies Omit<EventEntity, 'id'>);
}

/**
 * The transactional outbox's one entry point: a use case records its event on the transaction of its
 * change, so that the event commits, or rolls back, with it. Webhook delivery reads the rows afterwards.
 */
@Injectable()
export class EventsRecorder {
  constructor(private readonly events: EventsRepository) {}

  record(tx: Transaction, event: NewEvent): Promise<void> {
    return this.events.insert(eventRow(event, new Date()), tx);
  }

  /** The event's INSERT, to send in one batch with the writes of its change (on the change's transaction). */
  statement(event: NewEvent): Statement {
    return this.events.insertStatement(eventRow(event, new Date()));
  }

  /**
   * A change that is a single INSERT, written with its event atomically and without a transaction of the
   * caller's: cheaper, for the most frequent write. Sets the new id on the entity.
   */
  insertWithEvent<T extends ObjectLiteral>(target: EntityTarget<T>, entity: T & { id: number }, event: NewEvent): Promise<void> {
    return this.events.insertWithEvent(target, entity, eventRow(event, new Date()));
  }

  /** Several events of one transaction (a seed's coupons, an expiry sweep's) in few statements. */
  recordMany(tx: Transaction, events: NewEvent[]): Promise<void> {
    const now = new Date();
    return this.events.insertMany(events.map((event) => eventRow(event, now)), tx);
  }
}
