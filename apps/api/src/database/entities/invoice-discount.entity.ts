import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber, dateTimeColumn } from '../column-types';

/** A committed discount computation for one external invoice; `result` keeps the exact response fees. */
@Entity('invoice_discounts')
@Index('idx_invoice_discounts_org_external_id', ['organizationId', 'externalInvoiceId'], { unique: true })
@Index('idx_invoice_discounts_org_created', ['organizationId', 'createdAt'])
export class InvoiceDiscountEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_invoice_discounts_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ name: 'customer_id', type: 'int' })
  customerId: number;

  @Column({ name: 'external_invoice_id', type: 'varchar', length: 255 })
  externalInvoiceId: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 16 })
  status: 'committed' | 'voided';

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'fees_amount_cents', type: 'bigint', transformer: bigintToNumber })
  feesAmountCents: number;

  @Column({ name: 'coupons_amount_cents', type: 'bigint', transformer: bigintToNumber })
  couponsAmountCents: number;

  @Column({ type: 'simple-json' })
  fees: { id: string; amountCents: number; couponsAmountCents: number }[];

  @Column({ name: 'voided_at', ...dateTimeColumn, nullable: true })
  voidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
