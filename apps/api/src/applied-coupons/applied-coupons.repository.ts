import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppliedCouponStatus, Pagination } from '@coupons/domain';
import { DataSource, In, IsNull } from 'typeorm';
import {
  AppliedCouponEntity, CouponEntity, CouponTargetEntity, CreditEntity, CustomerEntity, InvoiceDiscountEntity, PlanChargeEntity,
} from '../database/entities';
import { hydrate, insertOf, preparedQuery } from '../database/prepared';
import type { Statement } from '../database/statement-batch';
import { lockingRead, type Transaction } from '../database/transactions';
import { PromotionCodesRepository } from '../promotion-codes/promotion-codes.repository';
import type { AppliedCouponRecord, CreditRecord } from './applied-coupon.serializer';

/** What an applied-coupon list is narrowed to; a customer by id (a customer's own list) or by external id. */
export interface AppliedCouponFilters {
  status: AppliedCouponStatus | null;
  customerId: number | null;
  externalCustomerId: string | null;
  couponCodes: string[];
}

/** The plans and billable metrics a coupon is limited to, by id. */
export interface TargetIds {
  planIds: Set<number>;
  metricIds: Set<number>;
}

/** Every statement on `applied_coupons` and `credits`, and the redemption counter an apply moves on `coupons`. */
@Injectable()
export class AppliedCouponsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly promotionCodes: PromotionCodesRepository,
  ) {}

  /** One page, newest first, and the total count of the filtered list. */
  async page(organizationId: number, filters: AppliedCouponFilters, { offset, perPage }: Pagination) {
    const query = this.dataSource
      .getRepository(AppliedCouponEntity)
      .createQueryBuilder('a')
      .where('a.organization_id = :organizationId', { organizationId });
    if (filters.status !== null) query.andWhere('a.status = :status', { status: filters.status });
    if (filters.customerId !== null) {
      query.andWhere('a.customer_id = :customerId', { customerId: filters.customerId });
    } else if (filters.externalCustomerId !== null) {
      query.innerJoin(CustomerEntity, 'cu', 'cu.id = a.customer_id AND cu.external_id = :externalId', { externalId: filters.externalCustomerId });
    }
    if (filters.couponCodes.length) {
      query.innerJoin(CouponEntity, 'co', 'co.id = a.coupon_id AND co.code IN (:...codes)', { codes: filters.couponCodes });
    }
    const totalCount = await query.clone().getCount();
    const rows = await query.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').offset(offset).limit(perPage).getMany();
    return { rows, totalCount };
  }

  /**
   * Each applied coupon with its coupon, customer and promotion code, in two statements whatever the number
   * of rows (a third when some were redeemed through a promotion code).
   */
  async records(applied: AppliedCouponEntity[]): Promise<AppliedCouponRecord[]> {
    if (applied.length === 0) return [];
    const coupons = await this.dataSource.getRepository(CouponEntity).findBy({ id: In([...new Set(applied.map((row) => row.couponId))]) });
    const customers = await this.dataSource.getRepository(CustomerEntity).findBy({ id: In([...new Set(applied.map((row) => row.customerId))]) });
    const codeIds = [...new Set(applied.flatMap((row) => (row.promotionCodeId === null ? [] : [row.promotionCodeId])))];
    const codeById = await this.promotionCodes.codesByIds(codeIds);
    const couponById = new Map(coupons.map((coupon) => [coupon.id, coupon]));
    const customerById = new Map(customers.map((customer) => [customer.id, customer]));
    return applied.map((row) => ({
      applied: row,
      coupon: couponById.get(row.couponId)!,
      customer: customerById.get(row.customerId)!,
      promotionCode: row.promotionCodeId === null ? null : (codeById.get(row.promotionCodeId) ?? null),
    }));
  }

  /** Credits still standing (a voided invoice gave its credits back), oldest first, by applied coupon id. */
  async standingCredits(appliedIds: number[]): Promise<Map<number, CreditRecord[]>> {
    const byApplied = new Map<number, CreditRecord[]>();
    if (appliedIds.length === 0) return byApplied;
    const credits = await this.dataSource
      .getRepository(CreditEntity)
      .find({ where: { appliedCouponId: In(appliedIds), voidedAt: IsNull() }, order: { id: 'ASC' } });
    const invoiceIds = [...new Set(credits.map((credit) => credit.invoiceDiscountId))];
    const invoices = invoiceIds.length ? await this.dataSource.getRepository(InvoiceDiscountEntity).findBy({ id: In(invoiceIds) }) : [];
    const invoiceById = new Map(invoices.map((invoice) => [invoice.id, invoice]));
    for (const credit of credits) {
      const list = byApplied.get(credit.appliedCouponId) ?? [];
      list.push({ credit, invoice: invoiceById.get(credit.invoiceDiscountId)! });
      byApplied.set(credit.appliedCouponId, list);
    }
    return byApplied;
  }

  findOfCustomer(lagoId: string, customerId: number): Promise<AppliedCouponEntity | null> {
    return this.dataSource.getRepository(AppliedCouponEntity).findOneBy({ lagoId, customerId });
  }

  /**
   * Terminates an active applied coupon and reads it back; a terminated one is left as it is (`terminated`
   * false: a concurrent request terminated it first).
   */
  async terminate(applied: AppliedCouponEntity, now: Date, tx: Transaction): Promise<{ applied: AppliedCouponEntity; terminated: boolean }> {
    const repository = tx.getRepository(AppliedCouponEntity);
    const result = await repository.update({ id: applied.id, status: 'active' }, { status: 'terminated', terminatedAt: now });
    return { applied: (await repository.findOneBy({ id: applied.id }))!, terminated: Boolean(result.affected) };
  }

  hasBeenApplied(couponId: number, customerId: number, tx?: Transaction): Promise<boolean> {
    return (tx ?? this.dataSource.manager).getRepository(AppliedCouponEntity).existsBy({ couponId, customerId });
  }

  /** Whether the customer has any applied coupon (whatever its status) or any committed invoice discount. */
  async isReturningCustomer(customerId: number, tx?: Transaction): Promise<boolean> {
    const [row] = await preparedQuery<{ is_returning: number | string }>(
      tx ?? this.dataSource,
      'SELECT (EXISTS (SELECT 1 FROM applied_coupons WHERE customer_id = ?) ' +
        "OR EXISTS (SELECT 1 FROM invoice_discounts WHERE customer_id = ? AND status = 'committed')) AS is_returning",
      [customerId, customerId],
    );
    return Number(row.is_returning) === 1;
  }

  /**
   * Takes one redemption of the coupon if it is still redeemable at `now`: a conditional UPDATE, so
   * `max_redemptions` holds across any number of API processes. Its batch result changes no row when another
   * request got there first.
   */
  redeemStatement(couponId: number, now: Date): Statement {
    return {
      sql: "UPDATE coupons SET redemptions_count = redemptions_count + 1 WHERE id = ? AND status = 'active' AND deleted_at IS NULL " +
        'AND (max_redemptions IS NULL OR redemptions_count < max_redemptions) AND (expiration_at IS NULL OR expiration_at > ?)',
      params: [couponId, now],
    };
  }

  /**
   * The coupon as it is now, deleted or not, after a refused redemption, to tell why. On MySQL a locking read:
   * a plain one in the apply's transaction would see the snapshot its checks read, not the row that refused.
   */
  async findCoupon(couponId: number, tx: Transaction): Promise<CouponEntity | null> {
    const forUpdate = lockingRead(tx.connection);
    const [row] = await preparedQuery(tx, `SELECT * FROM coupons WHERE id = ?${forUpdate}`, [couponId]);
    return row ? hydrate(this.dataSource, CouponEntity, row) : null;
  }

  /** The INSERT of an applied coupon, every column given, for the batch of its redemption's writes. */
  insertStatement(applied: AppliedCouponEntity): Statement {
    const { sql, values } = insertOf(this.dataSource, AppliedCouponEntity, applied);
    return { sql, params: values };
  }

  /** The coupons of the customer's active applied coupons. */
  async activeCouponIds(customerId: number, tx?: Transaction): Promise<number[]> {
    const active = await (tx ?? this.dataSource.manager).getRepository(AppliedCouponEntity).find({ select: { couponId: true }, where: { customerId, status: 'active' } });
    return [...new Set(active.map((applied) => applied.couponId))];
  }

  async targetIds(couponIds: number[], tx?: Transaction): Promise<Map<number, TargetIds>> {
    const byCoupon = new Map(couponIds.map((id): [number, TargetIds] => [id, { planIds: new Set(), metricIds: new Set() }]));
    if (couponIds.length === 0) return byCoupon;
    for (const row of await (tx ?? this.dataSource.manager).getRepository(CouponTargetEntity).findBy({ couponId: In(couponIds) })) {
      const entry = byCoupon.get(row.couponId)!;
      if (row.planId !== null) entry.planIds.add(row.planId);
      if (row.billableMetricId !== null) entry.metricIds.add(row.billableMetricId);
    }
    return byCoupon;
  }

  /** Whether any of the plans has a charge on any of the metrics. */
  async chargesLink(planIds: Set<number>, metricIds: Set<number>, tx?: Transaction): Promise<boolean> {
    if (planIds.size === 0 || metricIds.size === 0) return false;
    return (tx ?? this.dataSource.manager).getRepository(PlanChargeEntity).existsBy({ planId: In([...planIds]), billableMetricId: In([...metricIds]) });
  }
}
