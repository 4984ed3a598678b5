import { Injectable } from '@nestjs/common';
import { addError, buildCouponAttributes, checkExpirationAtInput, FieldErrors, hasErrors, lockedFieldChanges } from '@coupons/domain';
import { invalid, invalidField, notFound, Result, success } from '../common/result';
import { CouponEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { assignAttributes, attributesOf, CouponRecord } from './coupon-record';
import { serializeCoupon } from './coupon.serializer';
import { CouponTargetsRepository } from './coupon-targets.repository';
import { CouponTargetsService, parseAppliesTo } from './coupon-targets.service';
import { CouponsRepository } from './coupons.repository';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((code) => b.includes(code));

/**
 * PUT /coupons/:code: absent keys keep their value; once the coupon has been applied,
 * changing a locked field is refused with `value_is_locked` instead of being silently ignored.
 */
@Injectable()
export class UpdateCouponService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly targets: CouponTargetsService,
    private readonly coupons: CouponsRepository,
    private readonly couponTargets: CouponTargetsRepository,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, code: string, input: JsonObject, retried = false): Promise<Result<CouponRecord>> {
    const coupon = await this.coupons.findLive(organization.id, code);
    if (!coupon) return notFound('coupon_not_found');
    if (checkExpirationAtInput(input, new Date())) return invalidField('expiration_at', 'invalid_date');

    const current = await this.coupons.record(coupon);
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
        (await this.coupons.isCodeTaken(organization.id, attributes.code, coupon.id))) {
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
      const updated = await this.transactions.run(async (tx) => {
        // A locked field may only change while no apply has happened, including one racing this request.
        const onlyIfUnapplied = lockedChanges.length > 0 || targetsChange;
        if (!(await this.coupons.updateLive(coupon.id, changes, onlyIfUnapplied, tx))) return false;
        const replaceTargets = Boolean(appliesTo.planCodes || appliesTo.billableMetricCodes);
        if (replaceTargets) await this.couponTargets.replace(coupon.id, resolved.value, tx);
        // Read back under the row's lock: the event shows the coupon as this update left it.
        const after = (await this.coupons.findById(coupon.id, tx))!;
        const record = replaceTargets
          ? { coupon: after, planCodes: resolved.value.plans.map((plan) => plan.code), billableMetricCodes: resolved.value.billableMetrics.map((metric) => metric.code) }
          : { ...current, coupon: after };
        await this.events.record(tx, { ...originOf(organization), type: 'coupon.updated', objectId: after.lagoId, data: { coupon: serializeCoupon(record) } });
        return true;
      });
      // Deleted, or applied, by another request meanwhile: answer as if this request had come second.
      if (!updated) return retried ? notFound('coupon_not_found') : this.call(organization, code, input, true);
    } catch (error) {
      if (isUniqueViolation(error)) return invalidField('code', 'value_already_exist');
      throw error;
    }
    const reloaded = await this.coupons.findById(coupon.id);
    return reloaded ? success(await this.coupons.record(reloaded)) : notFound('coupon_not_found');
  }

  private checkApplied(coupon: CouponEntity, lockedChanges: string[], targetsChange: boolean, errors: FieldErrors): void {
    if (coupon.redemptionsCount === 0) return;
    for (const field of lockedChanges) addError(errors, field, 'value_is_locked');
    if (targetsChange) addError(errors, 'applies_to', 'value_is_locked');
  }
}
