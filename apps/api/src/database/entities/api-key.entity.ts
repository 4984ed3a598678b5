import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateTimeColumn } from '../column-types';

/** A key is `cpn_<publicId>_<secret>`; only an HMAC of the secret, salted per key, is stored. */
@Entity('api_keys')
@Index('idx_api_keys_org', ['organizationId', 'id'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Index('idx_api_keys_public_id', { unique: true })
  @Column({ name: 'public_id', type: 'varchar', length: 32 })
  publicId: string;

  /** A label chosen by whoever created it ("billing sync"); keys made before labels existed have none. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 64 })
  salt: string;

  @Column({ name: 'secret_hash', type: 'varchar', length: 128 })
  secretHash: string;

  @Column({ name: 'revoked_at', ...dateTimeColumn, nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
