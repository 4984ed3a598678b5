import { Injectable } from '@nestjs/common';
import { Result, success } from '../../common/result';
import type { CouponRecord } from '../../coupons/coupon-record';
import type { CouponSearch } from '../../coupons/coupon-search.repository';
import { CreateCouponService } from '../../coupons/create-coupon.service';
import { DeleteCouponService } from '../../coupons/delete-coupon.service';
import { GetCouponByLagoIdService } from '../../coupons/get-coupon-by-lago-id.service';
import { SearchCouponsService } from '../../coupons/search-coupons.service';
import { UpdateCouponService } from '../../coupons/update-coupon.service';
import type { JsonObject } from '../../http/root-object';
import type { Organization } from '../../organizations/organization';
import { FlexpriceCouponRulesRepository } from './flexprice-coupon-rules.repository';
import type { FlexpriceRules } from './flexprice-coupon.parser';

/** A coupon with the rules a Flexprice client gave it. */
export interface FlexpriceCoupon {
  record: CouponRecord;
  rules: FlexpriceRules | null;
}

/**
 * The shared use cases addressed by `lago_id` (Flexprice's server-generated id), plus the one thing only
 * this dialect has: the coupon's `rules`, stored beside it and never evaluated.
 */
@Injectable()
export class FlexpriceCouponsService {
  constructor(
    private readonly createCoupon: CreateCouponService,
    private readonly getCoupon: GetCouponByLagoIdService,
    private readonly updateCoupon: UpdateCouponService,
    private readonly deleteCoupon: DeleteCouponService,
    private readonly searchCoupons: SearchCouponsService,
    private readonly rules: FlexpriceCouponRulesRepository,
  ) {}

  async create(organization: Organization, input: JsonObject, rules: FlexpriceRules | null): Promise<Result<FlexpriceCoupon>> {
    // The rules go in the coupon's transaction: a coupon is never left without the rules it was sent with.
    const created = await this.createCoupon.call(organization, input, rules ? (tx, coupon) => this.rules.insert(coupon.id, rules, tx) : undefined);
    if (!created.ok) return created;
    return success({ record: created.value, rules });
  }

  async get(organization: Organization, id: string): Promise<Result<FlexpriceCoupon>> {
    const found = await this.getCoupon.call(organization, id);
    return found.ok ? success(await this.withRules(found.value)) : found;
  }

  async update(organization: Organization, id: string, input: JsonObject): Promise<Result<FlexpriceCoupon>> {
    const found = await this.getCoupon.call(organization, id);
    if (!found.ok) return found;
    const updated = await this.updateCoupon.call(organization, found.value.coupon.code, input);
    return updated.ok ? success(await this.withRules(updated.value)) : updated;
  }

  async delete(organization: Organization, id: string): Promise<Result<CouponRecord>> {
    const found = await this.getCoupon.call(organization, id);
    return found.ok ? this.deleteCoupon.call(organization, found.value.coupon.code) : found;
  }

  async search(organization: Organization, search: Omit<CouponSearch, 'organizationId'>, offset: number, limit: number) {
    const { records, total } = await this.searchCoupons.call({ ...search, organizationId: organization.id }, offset, limit);
    const rules = await this.rules.rulesOf(records.map((record) => record.coupon.id));
    return { coupons: records.map((record) => ({ record, rules: rules.get(record.coupon.id) ?? null })), total };
  }

  private async withRules(record: CouponRecord): Promise<FlexpriceCoupon> {
    const rules = await this.rules.rulesOf([record.coupon.id]);
    return { record, rules: rules.get(record.coupon.id) ?? null };
  }
}
