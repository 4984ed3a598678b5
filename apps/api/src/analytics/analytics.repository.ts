import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared';

/** One UTC day's count or sum for one currency (null: a percentage coupon applied to a customer without one). */
export interface DailyTotal {
  date: string;
  currency: string | null;
  value: number;
}

/** DATETIME(3) on MySQL and ISO text on SQLite both compare with this form, always UTC. */
const sqlInstant = (date: Date): string => date.toISOString().replace('T', ' ').replace('Z', '');

/** Every statement of the overview: grouped by UTC day and currency in the database, never row by row. */
@Injectable()
export class AnalyticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `YYYY-MM-DD` of a UTC date-time column, in this engine's dialect. */
  private day(column: string): string {
    return this.dataSource.options.type === 'mysql' ? `DATE_FORMAT(${column}, '%Y-%m-%d')` : `strftime('%Y-%m-%d', ${column})`;
  }

  /**
   * Applied coupons created in [from, to), per day and currency: a fixed coupon's own currency, else the
   * customer's (the one a percentage coupon's applies were priced in). A range of `idx_applied_coupons_org_order`.
   */
  async redemptions(organizationId: number, from: Date, to: Date): Promise<DailyTotal[]> {
    const rows = await preparedQuery<{ day: string; currency: string | null; total: number | string }>(
      this.dataSource,
      `SELECT ${this.day('a.created_at')} AS day, COALESCE(a.amount_currency, cu.currency) AS currency, COUNT(*) AS total ` +
        'FROM applied_coupons a JOIN customers cu ON cu.id = a.customer_id ' +
        'WHERE a.organization_id = ? AND a.created_at >= ? AND a.created_at < ? GROUP BY 1, 2',
      [organizationId, sqlInstant(from), sqlInstant(to)],
    );
    return rows.map(totalOf);
  }

  /** What committed invoice discounts created in [from, to) took off their invoices, per day and invoice currency. */
  async discounts(organizationId: number, from: Date, to: Date): Promise<DailyTotal[]> {
    const rows = await preparedQuery<{ day: string; currency: string; total: number | string }>(
      this.dataSource,
      `SELECT ${this.day('created_at')} AS day, currency, SUM(coupons_amount_cents) AS total FROM invoice_discounts ` +
        'WHERE organization_id = ? AND created_at >= ? AND created_at < ? AND status = ? GROUP BY 1, 2',
      [organizationId, sqlInstant(from), sqlInstant(to), 'committed'],
    );
    return rows.map(totalOf);
  }

  /** Live coupons whose status is active now: a prefix of `idx_coupons_list_order`, counted from the index. */
  async activeCoupons(organizationId: number): Promise<number> {
    const [row] = await preparedQuery<{ total: number | string }>(
      this.dataSource,
      'SELECT COUNT(*) AS total FROM coupons WHERE organization_id = ? AND deleted_at IS NULL AND status = ?',
      [organizationId, 'active'],
    );
    return Number(row.total);
  }
}

// COUNT and SUM of a BIGINT come back as strings from mysql2.
const totalOf = (row: { day: string; currency: string | null; total: number | string }): DailyTotal => ({
  date: row.day,
  currency: row.currency,
  value: Number(row.total),
});
