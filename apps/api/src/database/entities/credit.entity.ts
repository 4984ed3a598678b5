import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber, dateTimeColumn } from '../column-types';

/** Money one applied coupon took off one invoice, with what a void must give back. */
@Entity('credits')
@Index('idx_credits_applied_coupon', ['appliedCouponId'])
@Index('idx_credits_invoice_discount', ['invoiceDiscountId'])
export class CreditEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_credits_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'invoice_discount_id', type: 'int' })
  invoiceDiscountId: number;

  @Column({ name: 'applied_coupon_id', type: 'int' })
  appliedCouponId: number;

  @Column({ name: 'amount_cents', type: 'bigint', transformer: bigintToNumber })
  amountCents: number;

  @Column({ name: 'amount_currency', type: 'varchar', length: 3 })
  amountCurrency: string;

  @Column({ type: 'simple-json' })
  fees: { id: string; amountCents: number }[];

  /** Whether this credit used one period of a recurring coupon. */
  @Column({ name: 'used_period', type: 'boolean', default: false })
  usedPeriod: boolean;

  /** Whether this credit exhausted (terminated) the applied coupon. */
  @Column({ name: 'exhausted_coupon', type: 'boolean', default: false })
  exhaustedCoupon: boolean;

  @Column({ name: 'voided_at', ...dateTimeColumn, nullable: true })
  voidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
