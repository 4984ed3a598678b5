import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row per plan or billable metric a limited coupon applies to (exactly one of the two ids is set). */
@Entity('coupon_targets')
@Index('idx_coupon_targets_coupon', ['couponId'])
export class CouponTargetEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'coupon_id', type: 'int' })
  couponId: number;

  @Column({ name: 'plan_id', type: 'int', nullable: true })
  planId: number | null;

  @Column({ name: 'billable_metric_id', type: 'int', nullable: true })
  billableMetricId: number | null;
}
