import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ActorType } from '../../organizations/organization';
import { dateTimeColumn } from '../column-types';

/**
 * One change, written in the same transaction as the change itself (a transactional outbox): a rolled-back
 * change leaves no event and a committed one is never lost. `dispatched` marks events already fanned out
 * into webhook deliveries. The row id orders events (newest first in the activity log, oldest first for the
 * retention purge); `public_id` names them. Every index costs each write of the API a little: only those the
 * activity log's filters and the dispatcher need.
 */
@Entity('events')
@Index('idx_events_org', ['organizationId', 'id'])
@Index('idx_events_org_type', ['organizationId', 'type', 'id'])
@Index('idx_events_org_object', ['organizationId', 'objectId', 'id'])
@Index('idx_events_org_request', ['organizationId', 'requestId'])
@Index('idx_events_dispatch', ['dispatched', 'id'])
export class EventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** `evt_` and 32 hex digits, the first 12 the creation time: new ids go to the end of the unique index. */
  @Index('idx_events_public_id', { unique: true })
  @Column({ name: 'public_id', type: 'varchar', length: 40 })
  publicId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** The `lago_id` of the object the event is about, for the activity log's filter. */
  @Column({ name: 'object_id', type: 'varchar', length: 64 })
  objectId: string;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: ActorType;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 255, nullable: true })
  actorName: string | null;

  /** The request's `X-Request-Id` (or the id the server gave it); null for the CLI and background work. */
  @Column({ name: 'request_id', type: 'varchar', length: 255, nullable: true })
  requestId: string | null;

  /**
   * `{"<root key>": <object as the API serializes it after the change>}`, as JSON text, kept as written (a
   * JSON column would reorder the keys on MySQL). MEDIUMTEXT: the largest object, a coupon with a 10 000-character
   * description and 50 metadata entries in 4-byte characters, is about 110 KB, more than TEXT's 64 KB.
   */
  @Column({ type: 'mediumtext' })
  data: string;

  @Column({ type: 'boolean', default: false })
  dispatched: boolean;

  @Column({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
