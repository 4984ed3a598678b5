import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coupon list orders by status, expiration, expiration_at ascending, then created_at and id
 * descending. An index with the same mixed directions lets MySQL 8 / MariaDB ≥ 10.8 read a page
 * straight from the index (forwards, or backwards for pages near the end) instead of sorting.
 */
export class CouponListIndexDesc1795479500000 implements MigrationInterface {
  name = 'CouponListIndexDesc1795479500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_coupons_list_order` ON `coupons`');
    await queryRunner.query(
      'CREATE INDEX `idx_coupons_list_order` ON `coupons` ' +
        '(`organization_id`, `deleted_at`, `status`, `expiration`, `expiration_at`, `created_at` DESC, `id` DESC)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_coupons_list_order` ON `coupons`');
    await queryRunner.query(
      'CREATE INDEX `idx_coupons_list_order` ON `coupons` ' +
        '(`organization_id`, `deleted_at`, `status`, `expiration`, `expiration_at`, `created_at`, `id`)',
    );
  }
}
