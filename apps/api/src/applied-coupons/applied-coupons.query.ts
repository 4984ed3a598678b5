import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { APPLIED_COUPON_STATUSES, paginationMeta, parsePagination } from '@coupons/domain';
import { AppliedCouponEntity, CouponEntity, CreditEntity, CustomerEntity, InvoiceDiscountEntity } from '../database/entities';
import { AppliedCouponRecord, CreditRecord, serializeAppliedCouponWithCredits } from './applied-coupon.serializer';

export interface AppliedCouponListParams {
  page?: unknown;
  per_page?: unknown;
  status?: unknown;
  external_customer_id?: unknown;
  'coupon_code[]'?: unknown;
  coupon_code?: unknown;
}

/** `coupon_code[]=a&coupon_code[]=b` arrives as an array, a single one as a string. */
function couponCodes(params: AppliedCouponListParams): string[] {
  const raw = params['coupon_code[]'] ?? params.coupon_code;
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values.filter((value): value is string => typeof value === 'string');
}

/** The applied-coupon lists (newest first), with each one's credits, in a fixed number of queries. */
@Injectable()
export class AppliedCouponsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async call(organizationId: number, params: AppliedCouponListParams, customerId?: number) {
    const { page, perPage, offset } = parsePagination(params);
    const query = this.dataSource
      .getRepository(AppliedCouponEntity)
      .createQueryBuilder('a')
      .where('a.organization_id = :organizationId', { organizationId });
    if (typeof params.status === 'string' && (APPLIED_COUPON_STATUSES as readonly string[]).includes(params.status)) {
      query.andWhere('a.status = :status', { status: params.status });
    }
    if (customerId !== undefined) {
      query.andWhere('a.customer_id = :customerId', { customerId });
    } else if (typeof params.external_customer_id === 'string') {
      query.innerJoin(CustomerEntity, 'cu', 'cu.id = a.customer_id AND cu.external_id = :externalId', { externalId: params.external_customer_id });
    }
    const codes = couponCodes(params);
    if (codes.length) query.innerJoin(CouponEntity, 'co', 'co.id = a.coupon_id AND co.code IN (:...codes)', { codes });
    const totalCount = await query.clone().getCount();
    const applied = await query.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').offset(offset).limit(perPage).getMany();
    const items = await this.serialize(applied);
    return { applied_coupons: items, meta: paginationMeta(page, perPage, totalCount) };
  }

  async serialize(applied: AppliedCouponEntity[]) {
    const records = await this.records(applied);
    const credits = await this.creditsFor(applied.map((row) => row.id));
    return records.map((record) => serializeAppliedCouponWithCredits(record, credits.get(record.applied.id) ?? []));
  }

  async records(applied: AppliedCouponEntity[]): Promise<AppliedCouponRecord[]> {
    if (applied.length === 0) return [];
    const coupons = await this.dataSource.getRepository(CouponEntity).findBy({ id: In([...new Set(applied.map((row) => row.couponId))]) });
    const customers = await this.dataSource.getRepository(CustomerEntity).findBy({ id: In([...new Set(applied.map((row) => row.customerId))]) });
    const couponById = new Map(coupons.map((coupon) => [coupon.id, coupon]));
    const customerById = new Map(customers.map((customer) => [customer.id, customer]));
    return applied.map((row) => ({ applied: row, coupon: couponById.get(row.couponId)!, customer: customerById.get(row.customerId)! }));
  }

  /** Credits still standing (a voided invoice gave its credits back). */
  private async creditsFor(appliedIds: number[]): Promise<Map<number, CreditRecord[]>> {
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
}
