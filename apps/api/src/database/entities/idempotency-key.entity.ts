import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateTimeColumn } from '../column-types';

/** Shared by every API process: a retried POST replays the first response. */
@Entity('idempotency_keys')
@Index('idx_idempotency_keys_scope', ['organizationId', 'scopeHash'], { unique: true })
export class IdempotencyKeyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  /** sha256 of method, path and the client's key. */
  @Column({ name: 'scope_hash', type: 'varchar', length: 64 })
  scopeHash: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @Index('idx_idempotency_keys_created_at')
  @CreateDateColumn({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
