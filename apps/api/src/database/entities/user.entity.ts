import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OperatorRole } from '@coupons/domain';
import { dateTimeColumn } from '../column-types';

/** An operator: a person who signs in to one organization with one role. Only an argon2id hash of the password is kept. */
@Entity('users')
@Index('idx_users_org', ['organizationId', 'id'])
export class UserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_users_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  /** Normalized (trimmed, lower case): unique across the service, so that an address names one person. */
  @Index('idx_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: OperatorRole;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
