import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events table: the transactional outbox every change writes to in its own transaction, read by the
 * activity log and fanned out into webhook deliveries (`dispatched`). `data` is MEDIUMTEXT: the largest
 * object serialized (about 110 KB) does not fit TEXT's 64 KB.
 */
export class Events1795500000000 implements MigrationInterface {
  name = 'Events1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
    CREATE TABLE \`events\` (
      \`id\` int NOT NULL AUTO_INCREMENT,
      \`public_id\` varchar(40) NOT NULL,
      \`organization_id\` int NOT NULL,
      \`type\` varchar(64) NOT NULL,
      \`object_id\` varchar(64) NOT NULL,
      \`actor_type\` varchar(16) NOT NULL,
      \`actor_id\` varchar(64) NULL,
      \`actor_name\` varchar(255) NULL,
      \`request_id\` varchar(255) NULL,
      \`data\` mediumtext NOT NULL,
      \`dispatched\` tinyint NOT NULL DEFAULT 0,
      \`created_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`idx_events_public_id\` (\`public_id\`),
      INDEX \`idx_events_org\` (\`organization_id\`, \`id\`),
      INDEX \`idx_events_org_type\` (\`organization_id\`, \`type\`, \`id\`),
      INDEX \`idx_events_org_object\` (\`organization_id\`, \`object_id\`, \`id\`),
      INDEX \`idx_events_org_request\` (\`organization_id\`, \`request_id\`),
      INDEX \`idx_events_dispatch\` (\`dispatched\`, \`id\`),
      PRIMARY KEY (\`id\`)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `events`');
  }
}
