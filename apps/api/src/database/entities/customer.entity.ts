import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { dateTimeColumn } from '../column-types';

@Entity('customers')
@Index('idx_customers_org_external_id', ['organizationId', 'externalId'], { unique: true })
export class CustomerEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_customers_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ name: 'external_id', type: 'varchar', length: 255 })
  externalId: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  @CreateDateColumn({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
