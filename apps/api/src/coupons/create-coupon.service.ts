import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { addError, buildCouponAttributes, checkExpirationAtInput, CouponAttributes, generateCouponCode, hasErrors } from '@coupons/domain';
import { invalid, invalidField, Result, success } from '../common/result';
import { CouponEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { Transaction, TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { assignAttributes, CouponRecord } from './coupon-record';
import { serializeCoupon } from './coupon.serializer';
import { CouponTargetsRepository, ResolvedTargets } from './coupon-targets.repository';
import { CouponTargetsService, parseAppliesTo } from './coupon-targets.service';
import { CouponsRepository } from './coupons.repository';

const GENERATED_CODE_ATTEMPTS = 5;

/** What a dialect stores beside a new coupon (e.g. Flexprice's rules), written in the coupon's own transaction. */
export type AlongsideCoupon = (transaction: Transaction, coupon: CouponEntity) => Promise<void>;

/**
 * POST /coupons. Checks run in Lago's order: a past or malformed `expiration_at`, then the `applies_to`
 * codes (404 when unknown, 405 when both kinds), then every field rule at once (422), so a faulty
 * request gets the error Lago gives.
 */
@Injectable()
export class CreateCouponService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly targets: CouponTargetsService,
    private readonly coupons: CouponsRepository,
    private readonly couponTargets: CouponTargetsRepository,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, input: JsonObject, alongside?: AlongsideCoupon): Promise<Result<CouponRecord>> {
    if (checkExpirationAtInput(input, new Date())) return invalidField('expiration_at', 'invalid_date');

    const { appliesTo, errors: appliesToErrors } = parseAppliesTo(input);
    const resolved = await this.targets.resolve(organization.id, appliesTo.planCodes ?? [], appliesTo.billableMetricCodes ?? []);
    if (!resolved.ok) return resolved;

    const { attributes, errors } = buildCouponAttributes(input, null);
    Object.assign(errors, appliesToErrors);
    // The unique index decides whether a code is free; looking first only serves to report a taken code
    // together with the other field errors.
    if (hasErrors(errors) && attributes.code !== null && !errors.code && (await this.coupons.isCodeTaken(organization.id, attributes.code))) {
      addError(errors, 'code', 'value_already_exist');
    }
    if (hasErrors(errors)) return invalid(errors);

    const generateCode = attributes.code === null;
    for (let attempt = 1; ; attempt++) {
      const code = generateCode ? generateCouponCode() : (attributes.code as string);
      try {
        return success(await this.insert(organization, { ...attributes, code }, resolved.value, alongside));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // A concurrent create took the code between our check and the insert.
        if (!generateCode || attempt >= GENERATED_CODE_ATTEMPTS) return invalidField('code', 'value_already_exist');
      }
    }
  }

  private async insert(
    organization: Organization,
    attributes: CouponAttributes,
    targets: ResolvedTargets,
    alongside?: AlongsideCoupon,
  ): Promise<CouponRecord> {
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
    const record = {
      coupon,
      planCodes: targets.plans.map((plan) => plan.code),
      billableMetricCodes: targets.billableMetrics.map((metric) => metric.code),
    };
    const limited = targets.plans.length > 0 || targets.billableMetrics.length > 0;
    const event = { ...originOf(organization), type: 'coupon.created' as const, objectId: coupon.lagoId, data: { coupon: serializeCoupon(record) } };
    // The common, unlimited coupon is one INSERT: written with its event in one go, the cheapest atomic way.
    if (!limited && !alongside) {
      await this.events.insertWithEvent(CouponEntity, coupon, event);
      return record;
    }
    return this.transactions.run(async (tx) => {
      await this.coupons.insert(coupon, tx);
      if (limited) await this.couponTargets.add(coupon.id, targets, tx);
      if (alongside) await alongside(tx, coupon);
      await this.events.record(tx, event);
      return record;
    });
  }
}
