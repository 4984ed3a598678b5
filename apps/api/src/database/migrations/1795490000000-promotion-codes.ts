import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Promotion codes (customer-facing codes of a coupon, unique per organization ignoring case through
 * `code_key`), the batches that generate them in bulk, and the code an applied coupon was redeemed through.
 */
export class PromotionCodes1795490000000 implements MigrationInterface {
  name = 'PromotionCodes1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
    CREATE TABLE \`promotion_codes\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`coupon_id\` int NOT NULL,
      \`code\` varchar(64) NOT NULL,
      \`code_key\` varchar(64) NOT NULL,
      \`active\` tinyint NOT NULL DEFAULT 1,
      \`max_redemptions\` bigint NULL,
      \`redemptions_count\` bigint NOT NULL DEFAULT '0',
      \`expires_at\` datetime(3) NULL,
      \`metadata\` text NULL,
      \`batch_id\` int NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`customer_external_id\` varchar(255) NULL,
      \`first_time_transaction\` tinyint NOT NULL DEFAULT 0,
      \`minimum_amount_cents\` bigint NULL,
      \`minimum_amount_currency\` varchar(3) NULL,
      UNIQUE INDEX \`idx_promotion_codes_lago_id\` (\`lago_id\`),
      INDEX \`idx_promotion_codes_batch\` (\`batch_id\`, \`id\`),
      INDEX \`idx_promotion_codes_org_coupon\` (\`organization_id\`, \`coupon_id\`, \`id\`),
      UNIQUE INDEX \`idx_promotion_codes_org_code_key\` (\`organization_id\`, \`code_key\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`promotion_code_batches\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`coupon_id\` int NOT NULL,
      \`status\` varchar(16) NOT NULL,
      \`count\` int NOT NULL,
      \`generated_count\` int NOT NULL DEFAULT '0',
      \`prefix\` varchar(20) NOT NULL,
      \`length\` int NOT NULL,
      \`max_redemptions\` bigint NULL,
      \`expires_at\` datetime(3) NULL,
      \`metadata\` text NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`completed_at\` datetime(3) NULL,
      \`customer_external_id\` varchar(255) NULL,
      \`first_time_transaction\` tinyint NOT NULL DEFAULT 0,
      \`minimum_amount_cents\` bigint NULL,
      \`minimum_amount_currency\` varchar(3) NULL,
      UNIQUE INDEX \`idx_promotion_code_batches_lago_id\` (\`lago_id\`),
      INDEX \`idx_promotion_code_batches_status\` (\`status\`),
      INDEX \`idx_promotion_code_batches_org\` (\`organization_id\`, \`id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query('ALTER TABLE `applied_coupons` ADD `promotion_code_id` int NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `applied_coupons` DROP COLUMN `promotion_code_id`');
    await queryRunner.query('DROP TABLE `promotion_code_batches`');
    await queryRunner.query('DROP TABLE `promotion_codes`');
  }
}
