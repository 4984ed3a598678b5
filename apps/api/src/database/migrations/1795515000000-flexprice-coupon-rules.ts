import { MigrationInterface, QueryRunner } from 'typeorm';

/** The `rules` Flexprice clients attach to a coupon, one row per coupon that has them. */
export class FlexpriceCouponRules1795515000000 implements MigrationInterface {
  name = 'FlexpriceCouponRules1795515000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
    CREATE TABLE \`flexprice_coupon_rules\` (
      \`coupon_id\` int NOT NULL,
      \`rules\` text NOT NULL,
      PRIMARY KEY (\`coupon_id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `flexprice_coupon_rules`');
  }
}
