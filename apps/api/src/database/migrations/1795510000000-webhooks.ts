import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook endpoints of an organization, and the delivery attempts of events to them (queue and log in one). */
export class Webhooks1795510000000 implements MigrationInterface {
  name = 'Webhooks1795510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
    CREATE TABLE \`webhook_endpoints\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`lago_id\` varchar(36) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`url\` varchar(2048) NOT NULL,
      \`event_types\` text NULL,
      \`description\` varchar(255) NULL,
      \`status\` varchar(16) NOT NULL,
      \`secret\` varchar(64) NOT NULL,
      \`previous_secret\` varchar(64) NULL,
      \`previous_secret_expires_at\` datetime(3) NULL,
      \`failing_since\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`idx_webhook_endpoints_lago_id\` (\`lago_id\`),
      INDEX \`idx_webhook_endpoints_org\` (\`organization_id\`, \`id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
    CREATE TABLE \`webhook_deliveries\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`organization_id\` int NOT NULL,
      \`endpoint_id\` int NOT NULL,
      \`event_id\` int NOT NULL,
      \`event_public_id\` varchar(40) NOT NULL,
      \`event_type\` varchar(64) NOT NULL,
      \`attempt\` int NOT NULL,
      \`status\` varchar(16) NOT NULL,
      \`due_at\` datetime(3) NOT NULL,
      \`claimed_until\` datetime(3) NULL,
      \`claimed_by\` varchar(64) NULL,
      \`response_status\` int NULL,
      \`response_body\` text NULL,
      \`duration_ms\` int NULL,
      \`error\` varchar(255) NULL,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`idx_webhook_deliveries_due\` (\`status\`, \`due_at\`),
      INDEX \`idx_webhook_deliveries_endpoint\` (\`endpoint_id\`, \`id\`),
      INDEX \`idx_webhook_deliveries_endpoint_status\` (\`endpoint_id\`, \`status\`, \`id\`),
      INDEX \`idx_webhook_deliveries_event\` (\`event_id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `webhook_deliveries`');
    await queryRunner.query('DROP TABLE `webhook_endpoints`');
  }
}
