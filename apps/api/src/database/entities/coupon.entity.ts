import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CouponStatus, CouponType, Expiration, Frequency } from '@coupons/domain';
import { COUPON_LIST_INDEX } from '../../coupons/coupon-list-order';
import { bigintToNumber, dateTimeColumn } from '../column-types';

@Entity('coupons')
// `live_code` is the code while the coupon is not deleted and NULL after: uniqueness among live coupons
// without partial indexes, which MySQL lacks.
@Index('idx_coupons_org_live_code', ['organizationId', 'liveCode'], { unique: true })
@Index('idx_coupons_list_order', COUPON_LIST_INDEX.map(({ property }) => property))
@Index('idx_coupons_expiry', ['status', 'expirationAt'])
// Newest first with a cursor (the Stripe dialect's lists): a page straight from the index.
@Index('idx_coupons_newest_first', ['organizationId', 'deletedAt', 'createdAt', 'id'])
export class CouponEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_coupons_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  code: string;

  @Column({ name: 'live_code', type: 'varchar', length: 255, nullable: true })
  liveCode: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'coupon_type', type: 'varchar', length: 16 })
  couponType: CouponType;

  @Column({ name: 'amount_cents', type: 'bigint', nullable: true, transformer: bigintToNumber })
  amountCents: number | null;

  @Column({ name: 'amount_currency', type: 'varchar', length: 3, nullable: true })
  amountCurrency: string | null;

  @Column({ name: 'percentage_rate', type: 'decimal', precision: 8, scale: 5, nullable: true })
  percentageRate: string | number | null;

  @Column({ type: 'varchar', length: 16 })
  frequency: Frequency;

  @Column({ name: 'frequency_duration', type: 'bigint', nullable: true, transformer: bigintToNumber })
  frequencyDuration: number | null;

  @Column({ type: 'boolean', default: true })
  reusable: boolean;

  @Column({ name: 'limited_plans', type: 'boolean', default: false })
  limitedPlans: boolean;

  @Column({ name: 'limited_billable_metrics', type: 'boolean', default: false })
  limitedBillableMetrics: boolean;

  @Column({ type: 'varchar', length: 16 })
  expiration: Expiration;

  @Column({ name: 'expiration_at', ...dateTimeColumn, nullable: true })
  expirationAt: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: CouponStatus;

  @Column({ name: 'terminated_at', ...dateTimeColumn, nullable: true })
  terminatedAt: Date | null;

  @Column({ name: 'deleted_at', ...dateTimeColumn, nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'max_redemptions', type: 'bigint', nullable: true, transformer: bigintToNumber })
  maxRedemptions: number | null;

  @Column({ name: 'redemptions_count', type: 'bigint', default: 0, transformer: bigintToNumber })
  redemptionsCount: number;

  @Column({ name: 'starts_at', ...dateTimeColumn, nullable: true })
  startsAt: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  metadata: Record<string, string> | null;

  @Column({ name: 'currency_options', type: 'simple-json', nullable: true })
  currencyOptions: Record<string, { amountCents: number }> | null;

  @CreateDateColumn({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', ...dateTimeColumn })
  updatedAt: Date;
}
