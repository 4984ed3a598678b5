import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { generateCouponCode } from '@coupons/domain';
import { ApiKeysService } from '#api/organizations/api-keys.service';
import { actingAs, cliActor, Organization } from '#api/organizations/organization';
import { CreateBillableMetricService } from '#api/catalog/create-billable-metric.service';
import { CreatePlanService } from '#api/catalog/create-plan.service';
import { UpsertCustomerService } from '#api/catalog/upsert-customer.service';
import { serializeCoupon } from '#api/coupons/coupon.serializer';
import { CouponsRepository } from '#api/coupons/coupons.repository';
import { CouponEntity } from '#api/database/entities/index';
import { TransactionRunner } from '#api/database/transactions';
import { EventsRecorder, originOf } from '#api/events/events.recorder';

/** Coupons per progress step. */
const BATCH_SIZE = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Demo data: catalog through the real services, coupons in bulk batches (a million in minutes). */
@Injectable()
export class SeedService {
  constructor(
    private readonly coupons: CouponsRepository,
    private readonly apiKeys: ApiKeysService,
    private readonly metrics: CreateBillableMetricService,
    private readonly plans: CreatePlanService,
    private readonly customers: UpsertCustomerService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  async seedCatalog(organizationName: string): Promise<Organization> {
    const organization = await this.apiKeys.findOrCreateOrganization(organizationName);
    for (const [code, name, aggregation] of [
      ['api_calls', 'API calls', 'count_agg'],
      ['storage_gb', 'Storage (GB)', 'max_agg'],
      ['seats', 'Seats', 'unique_count_agg'],
    ]) {
      await this.metrics.call(organization.id, { code, name, aggregation_type: aggregation });
    }
    await this.plans.call(organization.id, {
      code: 'starter', name: 'Starter', interval: 'monthly', amount_cents: 1900, amount_currency: 'EUR',
      charges: [{ billable_metric_code: 'api_calls' }],
    });
    await this.plans.call(organization.id, {
      code: 'business', name: 'Business', interval: 'yearly', amount_cents: 99000, amount_currency: 'EUR',
      charges: [{ billable_metric_code: 'api_calls' }, { billable_metric_code: 'storage_gb' }],
    });
    for (const [externalId, name, currency] of [
      ['acme', 'Acme Corp', 'EUR'], ['globex', 'Globex', 'USD'], ['initech', 'Initech', 'EUR'],
      ['umbrella', 'Umbrella', 'JPY'], ['hooli', 'Hooli', 'USD'],
    ]) {
      await this.customers.call(organization.id, { external_id: externalId, name, currency });
    }
    return organization;
  }

  /**
   * Inserts `count` coupons, each batch in one transaction with its `coupon.created` events; calls `progress`
   * with the number done after each batch.
   */
  async seedCoupons(organization: Organization, count: number, progress: (done: number) => void): Promise<void> {
    const runPrefix = generateCouponCode().slice(0, 4);
    const now = Date.now();
    const origin = originOf(actingAs(organization, cliActor('seed')));
    for (let done = 0; done < count; ) {
      const size = Math.min(BATCH_SIZE, count - done);
      const rows = Array.from({ length: size }, (_, offset) => this.demoCoupon(organization.id, runPrefix, done + offset, now));
      await this.transactions.run(async (tx) => {
        await this.coupons.insertMany(rows, tx);
        await this.events.recordMany(
          tx,
          rows.map((coupon) => ({
            ...origin,
            type: 'coupon.created' as const,
            objectId: coupon.lagoId,
            data: { coupon: serializeCoupon({ coupon, planCodes: [], billableMetricCodes: [] }) },
          })),
        );
      });
      done += size;
      progress(done);
    }
  }

  private demoCoupon(organizationId: number, prefix: string, index: number, now: number): CouponEntity {
    const code = `${prefix}-${String(index + 1).padStart(7, '0')}`;
    const fixed = index % 2 === 0;
    const timeLimited = index % 5 === 0;
    const terminated = index % 11 === 0;
    const createdAt = new Date(now - (index % 365) * DAY_MS);
    return Object.assign(new CouponEntity(), {
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
    } satisfies Omit<CouponEntity, 'id'>);
  }
}
