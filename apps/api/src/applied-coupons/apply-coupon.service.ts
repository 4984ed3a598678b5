import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { buildAppliedCouponOverrides } from '@coupons/domain';
import { hasErrors, invalid, invalidField, notAllowed, notFound, Result, success } from '../common/result';
import { AppliedCouponEntity, CouponEntity } from '../database/entities';
import { lockCustomer } from '../database/locks';
import { preparedInsert } from '../database/prepared';
import { CouponLookupService } from '../coupons/coupon-lookup.service';
import { inTransaction } from '../database/transactions';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { attributesOf } from '../coupons/coupon-record';
import { AppliedCouponRecord } from './applied-coupon.serializer';
import { overlapsActiveCoupon } from './coupon-overlap';

const isRedeemableAt = (coupon: CouponEntity, now: Date) =>
  coupon.status === 'active' && coupon.deletedAt === null && (coupon.expirationAt === null || coupon.expirationAt > now);

/**
 * POST /applied_coupons (CONTRACT §6, §9 "Apply order"). The customer row is locked so that one
 * customer's applies run one after another (reusable and overlap checks), and the redemption counter
 * moves by a conditional UPDATE, so `max_redemptions` holds across any number of API processes.
 */
@Injectable()
export class ApplyCouponService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookup: CouponLookupService,
  ) {}

  call(organization: Organization, input: JsonObject): Promise<Result<AppliedCouponRecord>> {
    return inTransaction(this.dataSource, (manager) => this.apply(manager, organization, input, new Date()));
  }

  private async apply(manager: EntityManager, organization: Organization, input: JsonObject, now: Date): Promise<Result<AppliedCouponRecord>> {
    const externalCustomerId = typeof input.external_customer_id === 'string' ? input.external_customer_id : null;
    const customer = externalCustomerId === null
      ? null
      : await lockCustomer(manager, { organizationId: organization.id, externalId: externalCustomerId });
    if (!customer) return notFound('customer_not_found');

    const couponCode = typeof input.coupon_code === 'string' ? input.coupon_code : null;
    const coupon = couponCode === null ? null : await this.lookup.findLive(organization.id, couponCode, manager);
    if (!coupon || !isRedeemableAt(coupon, now)) return notFound('coupon_not_found');
    if (coupon.startsAt !== null && coupon.startsAt > now) return invalidField('coupon', 'coupon_not_yet_redeemable');
    // An unlimited coupon overlaps nothing: no need to look at the customer's other coupons.
    const limited = coupon.limitedPlans || coupon.limitedBillableMetrics;
    if (limited && (await overlapsActiveCoupon(manager, coupon.id, customer.id))) return notAllowed('plan_overlapping');

    const applied = manager.getRepository(AppliedCouponEntity);
    if (!coupon.reusable && (await applied.existsBy({ couponId: coupon.id, customerId: customer.id }))) {
      return invalidField('coupon', 'coupon_is_not_reusable');
    }
    if (coupon.maxRedemptions !== null && coupon.redemptionsCount >= coupon.maxRedemptions) {
      return invalidField('coupon', 'max_redemptions_reached');
    }
    const { attributes, errors } = buildAppliedCouponOverrides(input, attributesOf(coupon), customer.currency);
    if (hasErrors(errors)) return invalid(errors);

    const redeemed = await manager
      .createQueryBuilder()
      .update(CouponEntity)
      .set({ redemptionsCount: () => 'redemptions_count + 1' })
      .where('id = :id AND status = :status AND deleted_at IS NULL', { id: coupon.id, status: 'active' })
      .andWhere('(max_redemptions IS NULL OR redemptions_count < max_redemptions)')
      .andWhere('(expiration_at IS NULL OR expiration_at > :now)', { now })
      .execute();
    if (!redeemed.affected) {
      // Another request took the last redemption, or terminated the coupon, since we read it.
      const current = await manager.getRepository(CouponEntity).findOneBy({ id: coupon.id });
      if (!current || !isRedeemableAt(current, now)) return notFound('coupon_not_found');
      return invalidField('coupon', 'max_redemptions_reached');
    }

    const fixedOnce = coupon.couponType === 'fixed_amount' && attributes.frequency === 'once';
    const row = applied.create({
      lagoId: randomUUID(),
      organizationId: organization.id,
      couponId: coupon.id,
      customerId: customer.id,
      status: 'active',
      amountCents: attributes.amountCents,
      amountCentsRemaining: fixedOnce ? attributes.amountCents : null,
      amountCurrency: attributes.amountCurrency,
      percentageRate: attributes.percentageRate,
      frequency: attributes.frequency,
      frequencyDuration: attributes.frequency === 'recurring' ? attributes.frequencyDuration : null,
      frequencyDurationRemaining: attributes.frequency === 'recurring' ? attributes.frequencyDuration : null,
      terminatedAt: null,
      createdAt: now,
    });
    row.id = await preparedInsert(manager, AppliedCouponEntity, row);
    // The coupon and customer read above are what the answer shows: no second read.
    return success({ applied: row, coupon, customer });
  }
}
