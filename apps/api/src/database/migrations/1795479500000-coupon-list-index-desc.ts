import { MigrationInterface, QueryRunner } from 'typeorm';
import { COUPON_LIST_INDEX } from '../../coupons/coupon-list-order';

/** The list index's columns with the list's directions, and (as it was before) all ascending. */
const withDirections = COUPON_LIST_INDEX.map(({ column, direction }) => `\`${column}\`${direction === 'DESC' ? ' DESC' : ''}`).join(', ');
const ascending = COUPON_LIST_INDEX.map(({ column }) => `\`${column}\``).join(', ');

/**
 * The coupon list orders by status, expiration, expiration_at ascending, then created_at and id
 * descending. An index with the same mixed directions lets MySQL 8 / MariaDB ≥ 10.8 read a page
 * straight from the index (forwards, or backwards for pages near the end) instead of sorting.
 */
export class CouponListIndexDesc1795479500000 implements MigrationInterface {
  name = 'CouponListIndexDesc1795479500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_coupons_list_order` ON `coupons`');
    await queryRunner.query(`CREATE INDEX \`idx_coupons_list_order\` ON \`coupons\` (${withDirections})`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_coupons_list_order` ON `coupons`');
    await queryRunner.query(`CREATE INDEX \`idx_coupons_list_order\` ON \`coupons\` (${ascending})`);
  }
}
