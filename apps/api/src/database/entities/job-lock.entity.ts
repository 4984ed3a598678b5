import { Column, Entity, PrimaryColumn } from 'typeorm';
import { dateTimeColumn } from '../column-types';

/** A lease row per scheduled job, so that one process at a time runs it. */
@Entity('job_locks')
export class JobLockEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'locked_until', ...dateTimeColumn })
  lockedUntil: Date;

  @Column({ name: 'locked_by', type: 'varchar', length: 128, nullable: true })
  lockedBy: string | null;
}
