import { Injectable } from '@nestjs/common';
import { APPLIED_COUPON_STATUSES, isOneOf, PaginationMeta, paginationMeta, parsePagination } from '@coupons/domain';
import { CustomersRepository } from '../catalog/customers.repository';
import { notFound, Result, success } from '../common/result';
import type { AppliedCouponWithCredits } from './applied-coupon.serializer';
import { AppliedCouponFilters, AppliedCouponsRepository } from './applied-coupons.repository';

export interface AppliedCouponListParams {
  page?: unknown;
  per_page?: unknown;
  status?: unknown;
  external_customer_id?: unknown;
  'coupon_code[]'?: unknown;
  coupon_code?: unknown;
}

export interface AppliedCouponPage {
  records: AppliedCouponWithCredits[];
  meta: PaginationMeta;
}

/** `coupon_code[]=a&coupon_code[]=b` arrives as an array, a single one as a string. */
function couponCodes(params: AppliedCouponListParams): string[] {
  const raw = params['coupon_code[]'] ?? params.coupon_code;
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values.filter((value): value is string => typeof value === 'string');
}

/** The applied-coupon lists (newest first), each applied coupon with its credits, in a fixed number of queries. */
@Injectable()
export class AppliedCouponsQuery {
  constructor(
    private readonly appliedCoupons: AppliedCouponsRepository,
    private readonly customers: CustomersRepository,
  ) {}

  /** The organization's list, or one customer's when `customerId` is given (unknown filter values are ignored). */
  async call(organizationId: number, params: AppliedCouponListParams, customerId?: number): Promise<AppliedCouponPage> {
    const pagination = parsePagination(params);
    const filters: AppliedCouponFilters = {
      status: isOneOf(APPLIED_COUPON_STATUSES, params.status) ? params.status : null,
      customerId: customerId ?? null,
      externalCustomerId: typeof params.external_customer_id === 'string' ? params.external_customer_id : null,
      couponCodes: couponCodes(params),
    };
    const { rows, totalCount } = await this.appliedCoupons.page(organizationId, filters, pagination);
    const records = await this.appliedCoupons.records(rows);
    const credits = await this.appliedCoupons.standingCredits(rows.map((row) => row.id));
    return {
      records: records.map((record) => ({ ...record, credits: credits.get(record.applied.id) ?? [] })),
      meta: paginationMeta(pagination.page, pagination.perPage, totalCount),
    };
  }

  async forCustomer(organizationId: number, externalCustomerId: string, params: AppliedCouponListParams): Promise<Result<AppliedCouponPage>> {
    const customer = await this.customers.findByExternalId(organizationId, externalCustomerId);
    if (!customer) return notFound('customer_not_found');
    return success(await this.call(organizationId, params, customer.id));
  }
}
