import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addError, buildCouponAttributes, checkExpirationAtInput, FieldErrors, lockedFieldChanges } from '@coupons/domain';
import { hasErrors, invalid, invalidField, notFound, Result, success } from '../common/result';
import { CouponEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/api-keys.service';
import { CouponLookupService } from './coupon-lookup.service';
import { assignAttributes, attributesOf, CouponRecord } from './coupon-record';
import { CouponTargetsService, parseAppliesTo } from './coupon-targets.service';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((code) => b.includes(code));

/**
 * PUT /coupons/:code (CONTRACT §5, §9): absent keys keep their value; once the coupon has been applied,
 * changing a locked field is refused with `value_is_locked` instead of being silently ignored.
 */
@Injectable()
export class UpdateCouponService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: CouponTargetsService,
    private readonly lookup: CouponLookupService,
  ) {}

  async call(organization: Organization, code: string, input: JsonObject): Promise<Result<CouponRecord>> {
    const coupon = await this.lookup.findLive(organization.id, code);
    if (!coupon) return notFound('coupon_not_found');
    if (checkExpirationAtInput(input, new Date())) return invalidField('expiration_at', 'invalid_date');

    const current = await this.lookup.record(coupon);
    const { appliesTo, errors: appliesToErrors } = parseAppliesTo(input);
    const planCodes = appliesTo.planCodes ?? current.planCodes;
    const billableMetricCodes = appliesTo.billableMetricCodes ?? current.billableMetricCodes;
    const resolved = await this.targets.resolve(organization.id, planCodes, billableMetricCodes);
    if (!resolved.ok) return resolved;

    const before = attributesOf(coupon);
    const { attributes, errors } = buildCouponAttributes(input, before);
    Object.assign(errors, appliesToErrors);
    if (attributes.code === null) addError(errors, 'code', 'value_is_mandatory');
    this.checkApplied(coupon, current, { planCodes, billableMetricCodes }, errors, lockedFieldChanges(before, attributes));
    if (attributes.maxRedemptions !== null && attributes.maxRedemptions < coupon.redemptionsCount) {
      addError(errors, 'max_redemptions', 'value_is_out_of_range');
    }
    if (attributes.code !== null && attributes.code !== coupon.code && !errors.code &&
        (await this.lookup.isCodeTaken(organization.id, attributes.code, coupon.id))) {
      addError(errors, 'code', 'value_already_exist');
    }
    if (hasErrors(errors)) return invalid(errors);

    assignAttributes(coupon, attributes);
    coupon.liveCode = coupon.code;
    coupon.limitedPlans = resolved.value.plans.length > 0;
    coupon.limitedBillableMetrics = resolved.value.billableMetrics.length > 0;
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(CouponEntity).save(coupon);
        if (appliesTo.planCodes || appliesTo.billableMetricCodes) await this.targets.replace(manager, coupon.id, resolved.value);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return invalidField('code', 'value_already_exist');
      throw error;
    }
    return success(await this.lookup.record(coupon));
  }

  private checkApplied(
    coupon: CouponEntity,
    current: CouponRecord,
    next: { planCodes: string[]; billableMetricCodes: string[] },
    errors: FieldErrors,
    lockedChanges: string[],
  ): void {
    if (coupon.redemptionsCount === 0) return;
    for (const field of lockedChanges) addError(errors, field, 'value_is_locked');
    if (!sameSet(current.planCodes, next.planCodes) || !sameSet(current.billableMetricCodes, next.billableMetricCodes)) {
      addError(errors, 'applies_to', 'value_is_locked');
    }
  }
}
