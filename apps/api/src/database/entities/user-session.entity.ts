import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateTimeColumn } from '../column-types';

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of the table
 * signs nobody in. `last_seen_at` drives the idle timeout and is refreshed at most once a minute.
 */
@Entity('user_sessions')
export class UserSessionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_user_sessions_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('idx_user_sessions_user')
  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  /** Sent back by the dashboard in `X-CSRF-Token` on every write: a cross-site form cannot know it. */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken: string;

  @Column({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;

  @Column({ name: 'last_seen_at', ...dateTimeColumn })
  lastSeenAt: Date;
}
