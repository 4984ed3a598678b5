import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  addError, buildPromotionCodeAttributes, COUPON_IS_TERMINATED, couponCodeOf, ERROR_KEYS, FieldErrors, generatePromotionCode,
  hasErrors, isValidPromotionCode, promotionCodeLookupKey, PromotionCodeAttributes,
} from '@coupons/domain';
import { CustomersRepository } from '../catalog/customers.repository';
import { invalid, invalidField, notFound, Result, success } from '../common/result';
import { CouponsRepository } from '../coupons/coupons.repository';
import { CouponEntity, PromotionCodeEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { PromotionCodeRecord, serializePromotionCode } from './promotion-code.serializer';
import { PromotionCodesRepository } from './promotion-codes.repository';

/** A generated code that collides is drawn again; with 31^8 codes, more than a few collisions in a row mean a bug. */
const GENERATION_ATTEMPTS = 5;

/**
 * POST /promotion_codes. The coupon is looked up first (404, or terminated), then every field is checked
 * at once, the code's uniqueness (ignoring case) included; the unique index settles a race between two creates.
 */
@Injectable()
export class CreatePromotionCodeService {
  constructor(
    private readonly coupons: CouponsRepository,
    private readonly customers: CustomersRepository,
    private readonly promotionCodes: PromotionCodesRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, input: JsonObject): Promise<Result<PromotionCodeRecord>> {
    const couponCode = couponCodeOf(input);
    const coupon = couponCode === null ? null : await this.coupons.findLive(organization.id, couponCode);
    if (couponCode !== null && !coupon) return notFound('coupon_not_found');
    if (coupon?.status === 'terminated') return invalidField('coupon_code', COUPON_IS_TERMINATED);

    const now = new Date();
    const validated = buildPromotionCodeAttributes(input, coupon, now);
    const errors: FieldErrors = validated.ok ? {} : validated.errors;
    if (isValidPromotionCode(input.code) && (await this.promotionCodes.isCodeTaken(organization.id, input.code))) {
      addError(errors, 'code', ERROR_KEYS.value_already_exist);
    }
    if (!validated.ok || hasErrors(errors)) return invalid(errors);
    if (!coupon) return notFound('coupon_not_found');
    const { attributes } = validated;
    const customerId = attributes.restrictions.customerExternalId;
    if (customerId !== null && !(await this.customers.findByExternalId(organization.id, customerId))) {
      return notFound('customer_not_found');
    }

    for (let attempt = 1; ; attempt++) {
      const promotionCode = this.newCode(organization, coupon, attributes, attributes.code ?? generatePromotionCode(), now);
      try {
        const record = { promotionCode, couponLagoId: coupon.lagoId, couponCode: coupon.code, batchLagoId: null };
        await this.transactions.run(async (tx) => {
          await this.promotionCodes.insert(promotionCode, tx);
          const data = { promotion_code: serializePromotionCode(record) };
          await this.events.record(tx, { ...originOf(organization), type: 'promotion_code.created', objectId: promotionCode.lagoId, data });
        });
        return success(record);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // A code given by the client was taken by a concurrent create; a generated one is simply drawn again.
        if (attributes.code !== null) return invalidField('code', ERROR_KEYS.value_already_exist);
        if (attempt >= GENERATION_ATTEMPTS) throw error;
      }
    }
  }

  private newCode(organization: Organization, coupon: CouponEntity, attributes: PromotionCodeAttributes, code: string, now: Date) {
    return Object.assign(new PromotionCodeEntity(), {
      lagoId: randomUUID(),
      organizationId: organization.id,
      couponId: coupon.id,
      code,
      codeKey: promotionCodeLookupKey(code)!,
      active: attributes.active,
      maxRedemptions: attributes.maxRedemptions,
      redemptionsCount: 0,
      expiresAt: attributes.expiresAt,
      restrictions: { ...attributes.restrictions },
      metadata: attributes.metadata,
      batchId: null,
      createdAt: now,
    } satisfies Omit<PromotionCodeEntity, 'id'>);
  }
}
