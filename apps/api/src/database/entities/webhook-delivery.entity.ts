import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateTimeColumn } from '../column-types';

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

/**
 * One attempt to send one event to one endpoint: `pending` until a worker makes it, then `succeeded` or
 * `failed` with what the receiver answered. A failed attempt schedules the next one as a new row, so the
 * rows are the delivery log. A worker claims a due attempt until `claimedUntil`; a claim left by a process
 * that died lapses and another worker takes the attempt over.
 */
@Entity('webhook_deliveries')
@Index('idx_webhook_deliveries_due', ['status', 'dueAt'])
@Index('idx_webhook_deliveries_endpoint', ['endpointId', 'id'])
@Index('idx_webhook_deliveries_endpoint_status', ['endpointId', 'status', 'id'])
@Index('idx_webhook_deliveries_event', ['eventId'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ name: 'endpoint_id', type: 'int' })
  endpointId: number;

  /** The event's row id; its public id and type are copied so that the log reads without the events table. */
  @Column({ name: 'event_id', type: 'int' })
  eventId: number;

  @Column({ name: 'event_public_id', type: 'varchar', length: 40 })
  eventPublicId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType: string;

  /** 1 for the first try of a delivery (or of a redelivery), then 2, 3, … on the retry schedule. */
  @Column({ type: 'int' })
  attempt: number;

  @Column({ type: 'varchar', length: 16 })
  status: WebhookDeliveryStatus;

  @Column({ name: 'due_at', ...dateTimeColumn })
  dueAt: Date;

  @Column({ name: 'claimed_until', ...dateTimeColumn, nullable: true })
  claimedUntil: Date | null;

  @Column({ name: 'claimed_by', type: 'varchar', length: 64, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  /** The first kilobyte of the receiver's answer; the rest is never read. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ name: 'duration_ms', type: 'int', nullable: true })
  durationMs: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  error: string | null;

  @Column({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
