import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateTimeColumn } from '../column-types';

export type WebhookEndpointStatus = 'enabled' | 'disabled';

/**
 * A receiver of an organization's events. The secret is kept as issued (HMAC signing needs it); after a
 * rotation the previous one keeps signing until `previousSecretExpiresAt`, so receivers can switch over.
 */
@Entity('webhook_endpoints')
@Index('idx_webhook_endpoints_org', ['organizationId', 'id'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_webhook_endpoints_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  /** The event types sent to it; `null` means every type, present and future. */
  @Column({ name: 'event_types', type: 'simple-json', nullable: true })
  eventTypes: string[] | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: WebhookEndpointStatus;

  @Column({ type: 'varchar', length: 64 })
  secret: string;

  @Column({ name: 'previous_secret', type: 'varchar', length: 64, nullable: true })
  previousSecret: string | null;

  @Column({ name: 'previous_secret_expires_at', ...dateTimeColumn, nullable: true })
  previousSecretExpiresAt: Date | null;

  /** When its current run of failed attempts began; cleared by any success. Five days of it disable the endpoint. */
  @Column({ name: 'failing_since', ...dateTimeColumn, nullable: true })
  failingSince: Date | null;

  @Column({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
