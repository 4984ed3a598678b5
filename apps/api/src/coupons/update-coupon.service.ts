import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '../database/transactions';
import { DataSource, IsNull } from 'typeorm';
import { addError, buildCouponAttributes, checkExpirationAtInput, FieldErrors, lockedFieldChanges } from '@coupons/domain';
import { hasErrors, invalid, invalidField, notFound, Result, success } from '../common/result';
import { CouponEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
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

  async call(organization: Organization, code: string, input: JsonObject, retried = false): Promise<Result<CouponRecord>> {
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
    // A code that failed to parse already has its error; only a removed one is missing.
    if (attributes.code === null && !errors.code) addError(errors, 'code', 'value_is_mandatory');
    const lockedChanges = lockedFieldChanges(before, attributes);
    const targetsChange = !sameSet(current.planCodes, planCodes) || !sameSet(current.billableMetricCodes, billableMetricCodes);
    this.checkApplied(coupon, lockedChanges, targetsChange, errors);
    if (attributes.maxRedemptions !== null && attributes.maxRedemptions < coupon.redemptionsCount) {
      addError(errors, 'max_redemptions', 'value_is_out_of_range');
    }
    if (attributes.code !== null && attributes.code !== coupon.code && !errors.code &&
        (await this.lookup.isCodeTaken(organization.id, attributes.code, coupon.id))) {
      addError(errors, 'code', 'value_already_exist');
    }
    if (hasErrors(errors)) return invalid(errors);

    // Only the editable columns: saving the whole entity would write back a redemptions_count or status
    // that concurrent applies, terminations or the expiry sweep have changed since it was read.
    const changes = {} as CouponEntity;
    assignAttributes(changes, attributes);
    changes.liveCode = changes.code;
    changes.limitedPlans = resolved.value.plans.length > 0;
    changes.limitedBillableMetrics = resolved.value.billableMetrics.length > 0;
    changes.updatedAt = new Date();
    try {
      const updated = await inTransaction(this.dataSource, async (manager) => {
        // A locked field may only change while no apply has happened, including one racing this request.
        const unapplied = lockedChanges.length > 0 || targetsChange ? { redemptionsCount: 0 } : {};
        const result = await manager.getRepository(CouponEntity).update({ id: coupon.id, deletedAt: IsNull(), ...unapplied }, changes);
        if (!result.affected) return false;
        if (appliesTo.planCodes || appliesTo.billableMetricCodes) await this.targets.replace(manager, coupon.id, resolved.value);
        return true;
      });
      // Deleted, or applied, by another request meanwhile: answer as if this request had come second.
      if (!updated) return retried ? notFound('coupon_not_found') : this.call(organization, code, input, true);
    } catch (error) {
      if (isUniqueViolation(error)) return invalidField('code', 'value_already_exist');
      throw error;
    }
    return success(await this.lookup.record(await this.dataSource.getRepository(CouponEntity).findOneByOrFail({ id: coupon.id })));
  }

  private checkApplied(coupon: CouponEntity, lockedChanges: string[], targetsChange: boolean, errors: FieldErrors): void {
    if (coupon.redemptionsCount === 0) return;
    for (const field of lockedChanges) addError(errors, field, 'value_is_locked');
    if (targetsChange) addError(errors, 'applies_to', 'value_is_locked');
  }
}
