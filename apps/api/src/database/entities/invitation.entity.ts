import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OperatorRole } from '@coupons/domain';
import { dateTimeColumn } from '../column-types';

/** An admin's invitation of an email address with a role: a one-time link, of whose token only the SHA-256 is kept. */
@Entity('invitations')
@Index('idx_invitations_org', ['organizationId', 'id'])
export class InvitationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_invitations_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 16 })
  role: OperatorRole;

  @Index('idx_invitations_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;

  @Column({ name: 'expires_at', ...dateTimeColumn })
  expiresAt: Date;

  @Column({ name: 'accepted_at', ...dateTimeColumn, nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'revoked_at', ...dateTimeColumn, nullable: true })
  revokedAt: Date | null;
}
