import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AppliedCouponStatus, Frequency } from '@coupons/domain';
import { bigintToNumber, dateTimeColumn } from '../column-types';

@Entity('applied_coupons')
@Index('idx_applied_coupons_customer_status', ['customerId', 'status'])
@Index('idx_applied_coupons_coupon_status', ['couponId', 'status'])
@Index('idx_applied_coupons_org_order', ['organizationId', 'createdAt', 'id'])
export class AppliedCouponEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_applied_coupons_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ name: 'coupon_id', type: 'int' })
  couponId: number;

  @Column({ name: 'customer_id', type: 'int' })
  customerId: number;

  /** The promotion code it was redeemed through, if any: its minimum amount applies to every invoice. */
  @Column({ name: 'promotion_code_id', type: 'int', nullable: true })
  promotionCodeId: number | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: AppliedCouponStatus;

  @Column({ name: 'amount_cents', type: 'bigint', nullable: true, transformer: bigintToNumber })
  amountCents: number | null;

  @Column({ name: 'amount_cents_remaining', type: 'bigint', nullable: true, transformer: bigintToNumber })
  amountCentsRemaining: number | null;

  @Column({ name: 'amount_currency', type: 'varchar', length: 3, nullable: true })
  amountCurrency: string | null;

  @Column({ name: 'percentage_rate', type: 'decimal', precision: 8, scale: 5, nullable: true })
  percentageRate: string | number | null;

  @Column({ type: 'varchar', length: 16 })
  frequency: Frequency;

  @Column({ name: 'frequency_duration', type: 'bigint', nullable: true, transformer: bigintToNumber })
  frequencyDuration: number | null;

  @Column({ name: 'frequency_duration_remaining', type: 'bigint', nullable: true, transformer: bigintToNumber })
  frequencyDurationRemaining: number | null;

  @Column({ name: 'terminated_at', ...dateTimeColumn, nullable: true })
  terminatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
