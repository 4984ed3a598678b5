import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { generateCouponCode } from '@coupons/domain';
import { ApiKeysService } from '../../../api/src/organizations/api-keys.service';
import type { Organization } from '../../../api/src/organizations/organization';
import { BillableMetricsService } from '../../../api/src/catalog/billable-metrics.service';
import { CustomersService } from '../../../api/src/catalog/customers.service';
import { PlansService } from '../../../api/src/catalog/plans.service';
import { CouponEntity } from '../../../api/src/database/entities';

// SQLite allows 32 766 bound variables per statement: 1 000 rows of ~28 columns fit.
const BATCH_SIZE = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Demo data: catalog through the real services, coupons in bulk batches (a million in minutes). */
@Injectable()
export class SeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeysService,
    private readonly metrics: BillableMetricsService,
    private readonly plans: PlansService,
    private readonly customers: CustomersService,
  ) {}

  async seedCatalog(organizationName: string): Promise<Organization> {
    const organization = await this.apiKeys.findOrCreateOrganization(organizationName);
    for (const [code, name, aggregation] of [
      ['api_calls', 'API calls', 'count_agg'],
      ['storage_gb', 'Storage (GB)', 'max_agg'],
      ['seats', 'Seats', 'unique_count_agg'],
    ]) {
      await this.metrics.create(organization.id, { code, name, aggregation_type: aggregation });
    }
    await this.plans.create(organization.id, {
      code: 'starter', name: 'Starter', interval: 'monthly', amount_cents: 1900, amount_currency: 'EUR',
      charges: [{ billable_metric_code: 'api_calls' }],
    });
    await this.plans.create(organization.id, {
      code: 'business', name: 'Business', interval: 'yearly', amount_cents: 99000, amount_currency: 'EUR',
      charges: [{ billable_metric_code: 'api_calls' }, { billable_metric_code: 'storage_gb' }],
    });
    for (const [externalId, name, currency] of [
      ['acme', 'Acme Corp', 'EUR'], ['globex', 'Globex', 'USD'], ['initech', 'Initech', 'EUR'],
      ['umbrella', 'Umbrella', 'JPY'], ['hooli', 'Hooli', 'USD'],
    ]) {
      await this.customers.upsert(organization.id, { external_id: externalId, name, currency });
    }
    return organization;
  }

  /** Inserts `count` coupons; calls `progress` with the number done after each batch. */
  async seedCoupons(organization: Organization, count: number, progress: (done: number) => void): Promise<void> {
    const runPrefix = generateCouponCode().slice(0, 4);
    const now = Date.now();
    for (let done = 0; done < count; ) {
      const size = Math.min(BATCH_SIZE, count - done);
      const rows = Array.from({ length: size }, (_, offset) => this.demoCoupon(organization.id, runPrefix, done + offset, now));
      await this.insertCoupons(rows);
      done += size;
      progress(done);
    }
  }

  /**
   * On MySQL one multi-row INSERT with positional parameters: TypeORM's builder spends most of a million-row
   * seed naming and rewriting parameters. SQLite (small, single-writer seeds) keeps the builder.
   */
  private async insertCoupons(rows: Partial<CouponEntity>[]): Promise<void> {
    if (this.dataSource.options.type !== 'mysql') {
      await this.dataSource.createQueryBuilder().insert().into(CouponEntity).values(rows).updateEntity(false).execute();
      return;
    }
    const columns = this.dataSource.getMetadata(CouponEntity).columns.filter((column) => !column.isGenerated);
    const tuple = `(${columns.map(() => '?').join(',')})`;
    const params = rows.flatMap((row) =>
      columns.map((column) => {
        const value = (row as Record<string, unknown>)[column.propertyName] ?? null;
        return column.type === 'simple-json' && value !== null ? JSON.stringify(value) : value;
      }),
    );
    const names = columns.map((column) => `\`${column.databaseName}\``).join(', ');
    await this.dataSource.query(`INSERT INTO coupons (${names}) VALUES ${rows.map(() => tuple).join(',')}`, params);
  }

  private demoCoupon(organizationId: number, prefix: string, index: number, now: number): Partial<CouponEntity> {
    const code = `${prefix}-${String(index + 1).padStart(7, '0')}`;
    const fixed = index % 2 === 0;
    const timeLimited = index % 5 === 0;
    const terminated = index % 11 === 0;
    const createdAt = new Date(now - (index % 365) * DAY_MS);
    return {
      lagoId: randomUUID(),
      organizationId,
      name: fixed ? `€${(index % 50) + 5} off (${code})` : `${(index % 30) + 5}% off (${code})`,
      code,
      liveCode: code,
      description: null,
      couponType: fixed ? 'fixed_amount' : 'percentage',
      amountCents: fixed ? ((index % 50) + 5) * 100 : null,
      amountCurrency: fixed ? 'EUR' : null,
      percentageRate: fixed ? null : String((index % 30) + 5),
      frequency: index % 3 === 0 ? 'recurring' : index % 3 === 1 ? 'once' : 'forever',
      frequencyDuration: index % 3 === 0 ? (index % 12) + 1 : null,
      reusable: index % 7 !== 0,
      limitedPlans: false,
      limitedBillableMetrics: false,
      expiration: timeLimited ? 'time_limit' : 'no_expiration',
      expirationAt: timeLimited ? new Date(now + ((index % 90) + 1) * DAY_MS) : null,
      status: terminated ? 'terminated' : 'active',
      terminatedAt: terminated ? createdAt : null,
      deletedAt: null,
      maxRedemptions: index % 4 === 0 ? 100 : null,
      redemptionsCount: 0,
      startsAt: null,
      metadata: {},
      currencyOptions: {},
      createdAt,
      updatedAt: createdAt,
    };
  }
}
