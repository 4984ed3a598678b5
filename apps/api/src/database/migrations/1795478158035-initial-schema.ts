import { MigrationInterface, QueryRunner } from 'typeorm';
import { COUPON_LIST_INDEX } from '../../coupons/coupon-list-order';

/**
 * The whole schema of the first release. Codes and external ids compare byte for byte (utf8mb4_bin).
 * Default timestamps have the column's own precision: MySQL 8 refuses `DATETIME(3) DEFAULT CURRENT_TIMESTAMP(6)`.
 */
export class InitialSchema1795478158035 implements MigrationInterface {
  name = 'InitialSchema1795478158035';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
    CREATE TABLE \`api_keys\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`organization_id\` int NOT NULL,
      \`public_id\` varchar(32) NOT NULL,
      \`salt\` varchar(64) NOT NULL,
      \`secret_hash\` varchar(128) NOT NULL,
      \`revoked_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE INDEX \`idx_api_keys_public_id\` (\`public_id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`applied_coupons\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`coupon_id\` int NOT NULL,
      \`customer_id\` int NOT NULL,
      \`status\` varchar(16) NOT NULL DEFAULT 'active',
      \`amount_cents\` bigint NULL,
      \`amount_cents_remaining\` bigint NULL,
      \`amount_currency\` varchar(3) NULL,
      \`percentage_rate\` decimal(8,5) NULL,
      \`frequency\` varchar(16) NOT NULL,
      \`frequency_duration\` bigint NULL,
      \`frequency_duration_remaining\` bigint NULL,
      \`terminated_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE INDEX \`idx_applied_coupons_lago_id\` (\`lago_id\`),
      INDEX \`idx_applied_coupons_org_order\` (\`organization_id\`,
      \`created_at\`,
      \`id\`),
      INDEX \`idx_applied_coupons_coupon_status\` (\`coupon_id\`,
      \`status\`),
      INDEX \`idx_applied_coupons_customer_status\` (\`customer_id\`,
      \`status\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`billable_metrics\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`name\` varchar(255) NOT NULL,
      \`code\` varchar(255) COLLATE utf8mb4_bin NOT NULL,
      \`aggregation_type\` varchar(32) NOT NULL,
      \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE INDEX \`idx_billable_metrics_lago_id\` (\`lago_id\`),
      UNIQUE INDEX \`idx_billable_metrics_org_code\` (\`organization_id\`,
      \`code\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`coupon_targets\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`coupon_id\` int NOT NULL,
      \`plan_id\` int NULL,
      \`billable_metric_id\` int NULL,
      INDEX \`idx_coupon_targets_coupon\` (\`coupon_id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`coupons\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`name\` varchar(255) NOT NULL,
      \`code\` varchar(255) COLLATE utf8mb4_bin NOT NULL,
      \`live_code\` varchar(255) COLLATE utf8mb4_bin NULL,
      \`description\` text NULL,
      \`coupon_type\` varchar(16) NOT NULL,
      \`amount_cents\` bigint NULL,
      \`amount_currency\` varchar(3) NULL,
      \`percentage_rate\` decimal(8,5) NULL,
      \`frequency\` varchar(16) NOT NULL,
      \`frequency_duration\` bigint NULL,
      \`reusable\` tinyint NOT NULL DEFAULT 1,
      \`limited_plans\` tinyint NOT NULL DEFAULT 0,
      \`limited_billable_metrics\` tinyint NOT NULL DEFAULT 0,
      \`expiration\` varchar(16) NOT NULL,
      \`expiration_at\` datetime(3) NULL,
      \`status\` varchar(16) NOT NULL DEFAULT 'active',
      \`terminated_at\` datetime(3) NULL,
      \`deleted_at\` datetime(3) NULL,
      \`max_redemptions\` bigint NULL,
      \`redemptions_count\` bigint NOT NULL DEFAULT '0',
      \`starts_at\` datetime(3) NULL,
      \`metadata\` text NULL,
      \`currency_options\` text NULL,
      \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE INDEX \`idx_coupons_lago_id\` (\`lago_id\`),
      INDEX \`idx_coupons_expiry\` (\`status\`,
      \`expiration_at\`),
      INDEX \`idx_coupons_list_order\` (${COUPON_LIST_INDEX.map(({ column }) => `\`${column}\``).join(',\n      ')}),
      UNIQUE INDEX \`idx_coupons_org_live_code\` (\`organization_id\`,
      \`live_code\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`credits\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`invoice_discount_id\` int NOT NULL,
      \`applied_coupon_id\` int NOT NULL,
      \`amount_cents\` bigint NOT NULL,
      \`amount_currency\` varchar(3) NOT NULL,
      \`fees\` text NOT NULL,
      \`used_period\` tinyint NOT NULL DEFAULT 0,
      \`exhausted_coupon\` tinyint NOT NULL DEFAULT 0,
      \`voided_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE INDEX \`idx_credits_lago_id\` (\`lago_id\`),
      INDEX \`idx_credits_invoice_discount\` (\`invoice_discount_id\`),
      INDEX \`idx_credits_applied_coupon\` (\`applied_coupon_id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`customers\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`external_id\` varchar(255) COLLATE utf8mb4_bin NOT NULL,
      \`name\` varchar(255) NULL,
      \`currency\` varchar(3) NULL,
      \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE INDEX \`idx_customers_lago_id\` (\`lago_id\`),
      UNIQUE INDEX \`idx_customers_org_external_id\` (\`organization_id\`,
      \`external_id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`idempotency_keys\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`organization_id\` int NOT NULL,
      \`scope_hash\` varchar(64) NOT NULL,
      \`request_hash\` varchar(64) NOT NULL,
      \`response_status\` int NULL,
      \`response_body\` text NULL,
      \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      INDEX \`idx_idempotency_keys_created_at\` (\`created_at\`),
      UNIQUE INDEX \`idx_idempotency_keys_scope\` (\`organization_id\`,
      \`scope_hash\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`invoice_discounts\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`customer_id\` int NOT NULL,
      \`external_invoice_id\` varchar(255) COLLATE utf8mb4_bin NOT NULL,
      \`request_hash\` varchar(64) NOT NULL,
      \`status\` varchar(16) NOT NULL,
      \`currency\` varchar(3) NOT NULL,
      \`fees_amount_cents\` bigint NOT NULL,
      \`coupons_amount_cents\` bigint NOT NULL,
      \`fees\` text NOT NULL,
      \`voided_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE INDEX \`idx_invoice_discounts_lago_id\` (\`lago_id\`),
      UNIQUE INDEX \`idx_invoice_discounts_org_external_id\` (\`organization_id\`,
      \`external_invoice_id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`job_locks\` (
      \`name\` varchar(64) NOT NULL,
      \`locked_until\` datetime(3) NOT NULL,
      \`locked_by\` varchar(128) NULL,
      PRIMARY KEY (\`name\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`organizations\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`name\` varchar(255) NOT NULL,
      \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE INDEX \`idx_organizations_name\` (\`name\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`plan_charges\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`plan_id\` int NOT NULL,
      \`billable_metric_id\` int NOT NULL,
      INDEX \`idx_plan_charges_metric\` (\`billable_metric_id\`),
      UNIQUE INDEX \`idx_plan_charges_plan_metric\` (\`plan_id\`,
      \`billable_metric_id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`plans\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`name\` varchar(255) NOT NULL,
      \`code\` varchar(255) COLLATE utf8mb4_bin NOT NULL,
      \`interval\` varchar(32) NOT NULL,
      \`amount_cents\` bigint NOT NULL,
      \`amount_currency\` varchar(3) NOT NULL,
      \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE INDEX \`idx_plans_lago_id\` (\`lago_id\`),
      UNIQUE INDEX \`idx_plans_org_code\` (\`organization_id\`,
      \`code\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `plans`');
    await queryRunner.query('DROP TABLE `plan_charges`');
    await queryRunner.query('DROP TABLE `organizations`');
    await queryRunner.query('DROP TABLE `job_locks`');
    await queryRunner.query('DROP TABLE `invoice_discounts`');
    await queryRunner.query('DROP TABLE `idempotency_keys`');
    await queryRunner.query('DROP TABLE `customers`');
    await queryRunner.query('DROP TABLE `credits`');
    await queryRunner.query('DROP TABLE `coupons`');
    await queryRunner.query('DROP TABLE `coupon_targets`');
    await queryRunner.query('DROP TABLE `billable_metrics`');
    await queryRunner.query('DROP TABLE `applied_coupons`');
    await queryRunner.query('DROP TABLE `api_keys`');
  }
}
