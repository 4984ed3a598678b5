import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A plan's charge on a billable metric: what makes a plan overlap a metric-limited coupon. */
@Entity('plan_charges')
@Index('idx_plan_charges_plan_metric', ['planId', 'billableMetricId'], { unique: true })
export class PlanChargeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'plan_id', type: 'int' })
  planId: number;

  @Index('idx_plan_charges_metric')
  @Column({ name: 'billable_metric_id', type: 'int' })
  billableMetricId: number;
}
