import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '../database/transactions';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { addError, buildCouponAttributes, checkExpirationAtInput, CouponAttributes, generateCouponCode } from '@coupons/domain';
import { hasErrors, invalid, invalidField, Result, success } from '../common/result';
import { CouponEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { preparedInsert } from '../database/prepared';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { CouponLookupService } from './coupon-lookup.service';
import { assignAttributes, CouponRecord } from './coupon-record';
import { CouponTargetsService, parseAppliesTo, ResolvedTargets } from './coupon-targets.service';

const GENERATED_CODE_ATTEMPTS = 5;

/** POST /coupons, with Lago's order of checks (CONTRACT §4). */
@Injectable()
export class CreateCouponService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: CouponTargetsService,
    private readonly lookup: CouponLookupService,
  ) {}

  async call(organization: Organization, input: JsonObject): Promise<Result<CouponRecord>> {
    if (checkExpirationAtInput(input, new Date())) return invalidField('expiration_at', 'invalid_date');

    const { appliesTo, errors: appliesToErrors } = parseAppliesTo(input);
    const resolved = await this.targets.resolve(organization.id, appliesTo.planCodes ?? [], appliesTo.billableMetricCodes ?? []);
    if (!resolved.ok) return resolved;

    const { attributes, errors } = buildCouponAttributes(input, null);
    Object.assign(errors, appliesToErrors);
    // The unique index decides whether a code is free; looking first only serves to report a taken code
    // together with the other field errors.
    if (hasErrors(errors) && attributes.code !== null && !errors.code && (await this.lookup.isCodeTaken(organization.id, attributes.code))) {
      addError(errors, 'code', 'value_already_exist');
    }
    if (hasErrors(errors)) return invalid(errors);

    const generateCode = attributes.code === null;
    for (let attempt = 1; ; attempt++) {
      const code = generateCode ? generateCouponCode() : (attributes.code as string);
      try {
        const coupon = await this.insert(organization, { ...attributes, code }, resolved.value);
        return success({
          coupon,
          planCodes: resolved.value.plans.map((plan) => plan.code),
          billableMetricCodes: resolved.value.billableMetrics.map((metric) => metric.code),
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // A concurrent create took the code between our check and the insert.
        if (!generateCode || attempt >= GENERATED_CODE_ATTEMPTS) return invalidField('code', 'value_already_exist');
      }
    }
  }

  private async insert(organization: Organization, attributes: CouponAttributes, targets: ResolvedTargets): Promise<CouponEntity> {
    const now = new Date();
    // A plain assignment: the repository's create() walks the entity's metadata for every property.
    const coupon = Object.assign(new CouponEntity(), {
      lagoId: randomUUID(),
      organizationId: organization.id,
      status: 'active',
      redemptionsCount: 0,
      terminatedAt: null,
      deletedAt: null,
      limitedPlans: targets.plans.length > 0,
      limitedBillableMetrics: targets.billableMetrics.length > 0,
      createdAt: now,
      updatedAt: now,
    });
    assignAttributes(coupon, attributes);
    coupon.liveCode = coupon.code;
    // One statement for the common, unlimited coupon; a transaction only when target rows come with it.
    if (targets.plans.length === 0 && targets.billableMetrics.length === 0) {
      await this.insertRow(this.dataSource.manager, coupon);
      return coupon;
    }
    return inTransaction(this.dataSource, async (manager) => {
      await this.insertRow(manager, coupon);
      await this.targets.add(manager, coupon.id, targets);
      return coupon;
    });
  }

  /** Inserts without TypeORM's reload of default columns: every value is already on the entity. */
  private async insertRow(manager: EntityManager, coupon: CouponEntity): Promise<void> {
    coupon.id = await preparedInsert(manager, CouponEntity, coupon);
  }
}
