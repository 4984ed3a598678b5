import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { buildPromotionCodeBatchAttributes, COUPON_IS_TERMINATED, couponCodeOf } from '@coupons/domain';
import { invalid, invalidField, notFound, Result, success } from '../common/result';
import { CustomersRepository } from '../catalog/customers.repository';
import { CouponsRepository } from '../coupons/coupons.repository';
import { PromotionCodeBatchEntity } from '../database/entities';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { PromotionCodeBatchesRepository, PromotionCodeBatchRecord } from './promotion-code-batches.repository';

/**
 * Records a request for `count` unique codes of one coupon, `pending` until a generator takes it up. The
 * coupon is looked up first (404, or terminated), then every field is checked at once.
 */
@Injectable()
export class CreatePromotionCodeBatchService {
  constructor(
    private readonly coupons: CouponsRepository,
    private readonly customers: CustomersRepository,
    private readonly batches: PromotionCodeBatchesRepository,
  ) {}

  async call(organization: Organization, input: JsonObject): Promise<Result<PromotionCodeBatchRecord>> {
    const couponCode = couponCodeOf(input);
    const coupon = couponCode === null ? null : await this.coupons.findLive(organization.id, couponCode);
    if (couponCode !== null && !coupon) return notFound('coupon_not_found');
    if (coupon?.status === 'terminated') return invalidField('coupon_code', COUPON_IS_TERMINATED);

    const now = new Date();
    const validated = buildPromotionCodeBatchAttributes(input, coupon, now);
    if (!validated.ok) return invalid(validated.errors);
    if (!coupon) return notFound('coupon_not_found');
    const { attributes } = validated;
    const customerId = attributes.restrictions.customerExternalId;
    if (customerId !== null && !(await this.customers.findByExternalId(organization.id, customerId))) {
      return notFound('customer_not_found');
    }

    const batch = Object.assign(new PromotionCodeBatchEntity(), {
      lagoId: randomUUID(),
      organizationId: organization.id,
      couponId: coupon.id,
      status: 'pending',
      count: attributes.count,
      generatedCount: 0,
      prefix: attributes.prefix,
      length: attributes.length,
      maxRedemptions: attributes.maxRedemptions,
      expiresAt: attributes.expiresAt,
      restrictions: { ...attributes.restrictions },
      metadata: attributes.metadata,
      createdAt: now,
      completedAt: null,
    } satisfies Omit<PromotionCodeBatchEntity, 'id'>);
    await this.batches.insert(batch);
    return success({ batch, couponCode: coupon.code });
  }
}
