import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The `rules` a Flexprice client gave a coupon: stored and returned as sent, never evaluated (our engine's
 * limits are plan and billable-metric codes). A row only for coupons that have rules.
 */
@Entity('flexprice_coupon_rules')
export class FlexpriceCouponRulesEntity {
  @PrimaryColumn({ name: 'coupon_id', type: 'int' })
  couponId: number;

  @Column({ type: 'simple-json' })
  /** A JSON object, typed loosely so that TypeORM's partial-entity types accept any such object. */
  rules: object;
}
