import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateTimeColumn } from '../column-types';

@Entity('billable_metrics')
@Index('idx_billable_metrics_org_code', ['organizationId', 'code'], { unique: true })
export class BillableMetricEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_billable_metrics_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  code: string;

  @Column({ name: 'aggregation_type', type: 'varchar', length: 32 })
  aggregationType: string;

  @CreateDateColumn({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
