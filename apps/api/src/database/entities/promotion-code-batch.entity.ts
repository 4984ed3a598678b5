import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber, dateTimeColumn } from '../column-types';
import { PromotionCodeRestrictionsColumns } from './promotion-code-restrictions';

export type PromotionCodeBatchStatus = 'pending' | 'generating' | 'completed' | 'failed';

/** A request for `count` unique codes of one template, generated in the background and resumed after a restart. */
@Entity('promotion_code_batches')
@Index('idx_promotion_code_batches_org', ['organizationId', 'id'])
@Index('idx_promotion_code_batches_status', ['status'])
export class PromotionCodeBatchEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_promotion_code_batches_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ name: 'coupon_id', type: 'int' })
  couponId: number;

  @Column({ type: 'varchar', length: 16 })
  status: PromotionCodeBatchStatus;

  @Column({ type: 'int' })
  count: number;

  @Column({ name: 'generated_count', type: 'int', default: 0 })
  generatedCount: number;

  @Column({ type: 'varchar', length: 20 })
  prefix: string;

  @Column({ type: 'int' })
  length: number;

  @Column({ name: 'max_redemptions', type: 'bigint', nullable: true, transformer: bigintToNumber })
  maxRedemptions: number | null;

  @Column({ name: 'expires_at', ...dateTimeColumn, nullable: true })
  expiresAt: Date | null;

  @Column(() => PromotionCodeRestrictionsColumns, { prefix: false })
  restrictions: PromotionCodeRestrictionsColumns;

  @Column({ type: 'simple-json', nullable: true })
  metadata: Record<string, string> | null;

  @Column({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;

  @Column({ name: 'completed_at', ...dateTimeColumn, nullable: true })
  completedAt: Date | null;
}
