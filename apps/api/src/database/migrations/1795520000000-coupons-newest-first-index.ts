import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One organization's live coupons newest first (created_at, then id), as the Stripe dialect lists them
 * with its cursors: a page is read straight from this index instead of sorting every coupon.
 */
export class CouponsNewestFirstIndex1795520000000 implements MigrationInterface {
  name = 'CouponsNewestFirstIndex1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `idx_coupons_newest_first` ON `coupons` (`organization_id`, `deleted_at`, `created_at`, `id`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_coupons_newest_first` ON `coupons`');
  }
}
