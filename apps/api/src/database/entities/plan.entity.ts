import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber, dateTimeColumn } from '../column-types';

@Entity('plans')
@Index('idx_plans_org_code', ['organizationId', 'code'], { unique: true })
export class PlanEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_plans_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  code: string;

  @Column({ type: 'varchar', length: 32 })
  interval: string;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintToNumber })
  amountCents: number;

  @Column({ name: 'amount_currency', type: 'varchar', length: 3 })
  amountCurrency: string;

  @CreateDateColumn({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
