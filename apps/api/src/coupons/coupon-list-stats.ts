import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared';

export interface CouponListStats {
  /** Live (not deleted) coupons per status. */
  byStatus: Map<string, number>;
  total: number;
  /** Grows with every change to the list's order: anything cached about the list is valid while it stands still. */
  version: number;
}

/**
 * The counters the `coupon_list_stats` triggers keep on MySQL (migration 1795480000000): a few dozen
 * rows per organization instead of a million index entries. The embedded SQLite database has no
 * triggers and answers null: its lists count their rows.
 */
@Injectable()
export class CouponListStatsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(organizationId: number): Promise<CouponListStats | null> {
    if (this.dataSource.options.type !== 'mysql') return null;
    const rows = await preparedQuery<{ status: string; live: number | string; changes: number | string }>(
      this.dataSource,
      'SELECT `status`, SUM(`live_count`) AS live, SUM(`changes`) AS changes FROM `coupon_list_stats` WHERE `organization_id` = ? GROUP BY `status`',
      [organizationId],
    );
    const byStatus = new Map<string, number>();
    let total = 0;
    let version = 0;
    for (const row of rows) {
      byStatus.set(row.status, Number(row.live));
      total += Number(row.live);
      version += Number(row.changes);
    }
    return { byStatus, total, version };
  }
}
