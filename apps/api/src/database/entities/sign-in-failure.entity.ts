import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateTimeColumn } from '../column-types';

/**
 * A failed sign-in for an email address (known or not): counted over a window to throttle password guessing.
 * In the database rather than in memory, so that every process of the service counts the same failures.
 */
@Entity('sign_in_failures')
@Index('idx_sign_in_failures_email', ['email', 'createdAt'])
export class SignInFailureEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
