import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber, dateTimeColumn } from '../column-types';
import { PromotionCodeRestrictionsColumns } from './promotion-code-restrictions';

@Entity('promotion_codes')
// `code_key` is the code in upper case: codes are unique and looked up ignoring case, on every engine.
@Index('idx_promotion_codes_org_code_key', ['organizationId', 'codeKey'], { unique: true })
@Index('idx_promotion_codes_org_coupon', ['organizationId', 'couponId', 'id'])
@Index('idx_promotion_codes_batch', ['batchId', 'id'])
export class PromotionCodeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_promotion_codes_lago_id', { unique: true })
  @Column({ name: 'lago_id', type: 'varchar', length: 36 })
  lagoId: string;

  @Column({ name: 'organization_id', type: 'int' })
  organizationId: number;

  @Column({ name: 'coupon_id', type: 'int' })
  couponId: number;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ name: 'code_key', type: 'varchar', length: 64 })
  codeKey: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'max_redemptions', type: 'bigint', nullable: true, transformer: bigintToNumber })
  maxRedemptions: number | null;

  @Column({ name: 'redemptions_count', type: 'bigint', default: 0, transformer: bigintToNumber })
  redemptionsCount: number;

  @Column({ name: 'expires_at', ...dateTimeColumn, nullable: true })
  expiresAt: Date | null;

  @Column(() => PromotionCodeRestrictionsColumns, { prefix: false })
  restrictions: PromotionCodeRestrictionsColumns;

  @Column({ type: 'simple-json', nullable: true })
  metadata: Record<string, string> | null;

  @Column({ name: 'batch_id', type: 'int', nullable: true })
  batchId: number | null;

  @Column({ name: 'created_at', ...dateTimeColumn })
  createdAt: Date;
}
