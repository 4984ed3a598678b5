import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operators: users of an organization with a role, their sessions, invitations, failed sign-ins (for
 * throttling), and a label on API keys, listed per organization.
 */
export class Operators1795530000000 implements MigrationInterface {
  name = 'Operators1795530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `api_keys` ADD `name` varchar(255) NULL AFTER `public_id`');
    await queryRunner.query('CREATE INDEX `idx_api_keys_org` ON `api_keys` (`organization_id`, `id`)');
    await queryRunner.query(`
    CREATE TABLE \`users\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`email\` varchar(254) NOT NULL,
      \`name\` varchar(255) NULL,
      \`role\` varchar(16) NOT NULL,
      \`password_hash\` varchar(255) NOT NULL,
      \`created_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`idx_users_lago_id\` (\`lago_id\`),
      UNIQUE INDEX \`idx_users_email\` (\`email\`),
      INDEX \`idx_users_org\` (\`organization_id\`, \`id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`user_sessions\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`token_hash\` varchar(64) NOT NULL,
      \`user_id\` int NOT NULL,
      \`csrf_token\` varchar(64) NOT NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`last_seen_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`idx_user_sessions_token_hash\` (\`token_hash\`),
      INDEX \`idx_user_sessions_user\` (\`user_id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`invitations\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`email\` varchar(254) NOT NULL,
      \`role\` varchar(16) NOT NULL,
      \`token_hash\` varchar(64) NOT NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`expires_at\` datetime(3) NOT NULL,
      \`accepted_at\` datetime(3) NULL,
      \`revoked_at\` datetime(3) NULL,
      UNIQUE INDEX \`idx_invitations_lago_id\` (\`lago_id\`),
      UNIQUE INDEX \`idx_invitations_token_hash\` (\`token_hash\`),
      INDEX \`idx_invitations_org\` (\`organization_id\`, \`id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`sign_in_failures\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`email\` varchar(254) NOT NULL,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`idx_sign_in_failures_email\` (\`email\`, \`created_at\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `sign_in_failures`');
    await queryRunner.query('DROP TABLE `invitations`');
    await queryRunner.query('DROP TABLE `user_sessions`');
    await queryRunner.query('DROP TABLE `users`');
    await queryRunner.query('DROP INDEX `idx_api_keys_org` ON `api_keys`');
    await queryRunner.query('ALTER TABLE `api_keys` DROP COLUMN `name`');
  }
}
