import { MigrationInterface, QueryRunner } from 'typeorm';
import { COUPON_LIST_INDEX } from '../../coupons/coupon-list-order';

/** Rows a connection's counter updates are spread over, so that concurrent creates don't queue on one row. */
export const COUPON_LIST_STATS_SLOTS = 32;

const slot = `CONNECTION_ID() % ${COUPON_LIST_STATS_SLOTS}`;

/** Adds `delta` live coupons of (organization, status) and counts one change to the list's order. */
function bump(row: 'OLD' | 'NEW', delta: 1 | -1): string {
  return (
    'INSERT INTO `coupon_list_stats` (`organization_id`, `status`, `slot`, `live_count`, `changes`) ' +
    `VALUES (${row}.organization_id, ${row}.status, ${slot}, ${delta}, 1) ` +
    `ON DUPLICATE KEY UPDATE \`live_count\` = \`live_count\` + (${delta}), \`changes\` = \`changes\` + 1`
  );
}

/** The columns that place a coupon in the list: its filters and its order. */
const LIST_COLUMNS = COUPON_LIST_INDEX.map(({ column }) => column);

/**
 * `total_count` of a million-coupon organization without counting a million index entries: per
 * organization and status, the live coupons and the number of changes to the list's order, kept by
 * triggers in the same transaction as the coupon row itself, so they are exact whichever process (or
 * bulk seed, or sweep) writes. The change counter is the list's version: cached page anchors are valid
 * while it stands still.
 */
export class CouponListStats1795480000000 implements MigrationInterface {
  name = 'CouponListStats1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `coupon_list_stats` (' +
        '`organization_id` int NOT NULL, `status` varchar(16) NOT NULL, `slot` smallint NOT NULL, ' +
        '`live_count` bigint NOT NULL DEFAULT 0, `changes` bigint NOT NULL DEFAULT 0, ' +
        'PRIMARY KEY (`organization_id`, `status`, `slot`)) ENGINE=InnoDB',
    );
    const moved = LIST_COLUMNS.map((column) => `OLD.\`${column}\` <=> NEW.\`${column}\``).join(' AND ');
    // Writers wait while the triggers appear and the existing rows are counted: no row is missed or counted twice.
    await queryRunner.query('LOCK TABLES `coupons` WRITE, `coupon_list_stats` WRITE');
    try {
      await queryRunner.query(
        `CREATE TRIGGER \`coupons_list_stats_insert\` AFTER INSERT ON \`coupons\` FOR EACH ROW ` +
          `IF NEW.deleted_at IS NULL THEN ${bump('NEW', 1)}; END IF`,
      );
      await queryRunner.query(
        `CREATE TRIGGER \`coupons_list_stats_update\` AFTER UPDATE ON \`coupons\` FOR EACH ROW ` +
          `IF NOT (${moved}) THEN ` +
          `IF OLD.deleted_at IS NULL THEN ${bump('OLD', -1)}; END IF; ` +
          `IF NEW.deleted_at IS NULL THEN ${bump('NEW', 1)}; END IF; ` +
          'END IF',
      );
      await queryRunner.query(
        `CREATE TRIGGER \`coupons_list_stats_delete\` AFTER DELETE ON \`coupons\` FOR EACH ROW ` +
          `IF OLD.deleted_at IS NULL THEN ${bump('OLD', -1)}; END IF`,
      );
      await queryRunner.query(
        'INSERT INTO `coupon_list_stats` (`organization_id`, `status`, `slot`, `live_count`, `changes`) ' +
          'SELECT `organization_id`, `status`, 0, COUNT(*), 0 FROM `coupons` WHERE `deleted_at` IS NULL GROUP BY `organization_id`, `status`',
      );
    } finally {
      await queryRunner.query('UNLOCK TABLES');
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS \`coupons_list_stats_${event}\``);
    await queryRunner.query('DROP TABLE `coupon_list_stats`');
  }
}
