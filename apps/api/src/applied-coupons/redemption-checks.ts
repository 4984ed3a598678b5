import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppliedCouponOverrides, buildAppliedCouponOverrides, hasErrors, promotionCodeLookupKey, promotionCodeRefusal } from '@coupons/domain';
import { CustomersRepository } from '../catalog/customers.repository';
import { invalid, invalidField, notAllowed, notFound, Result, success } from '../common/result';
import { attributesOf } from '../coupons/coupon-record';
import { CouponsRepository } from '../coupons/coupons.repository';
import { AppliedCouponEntity, CouponEntity, CustomerEntity, PromotionCodeEntity } from '../database/entities';
import { StatementRunner } from '../database/statement-batch';
import type { Transaction } from '../database/transactions';
import type { JsonObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { PromotionCodesRepository } from '../promotion-codes/promotion-codes.repository';
import { AppliedCouponsRepository } from './applied-coupons.repository';
import { overlapsActiveCoupon } from './coupon-overlap';

/** The rows a redemption's checks are judged on. */
export interface RedemptionReads {
  customer: CustomerEntity | null;
  promotionCode: PromotionCodeEntity | null;
  coupon: CouponEntity | null;
}

/** What an apply that passed every check would record. */
export interface Redemption {
  customer: CustomerEntity;
  coupon: CouponEntity;
  /** The code the coupon is redeemed through, if the request named one. */
  promotionCode: PromotionCodeEntity | null;
  terms: AppliedCouponOverrides;
}

export const isRedeemableAt = (coupon: CouponEntity, now: Date) =>
  coupon.status === 'active' && coupon.deletedAt === null && (coupon.expirationAt === null || coupon.expirationAt > now);

const isGiven = (input: JsonObject, key: string) => input[key] !== undefined && input[key] !== null;

/** The applied coupon a redemption makes, before it is recorded: remaining amount for fixed once, periods for recurring. */
export function newAppliedCoupon({ customer, coupon, promotionCode, terms }: Redemption, organizationId: number, now: Date): AppliedCouponEntity {
  const fixedOnce = coupon.couponType === 'fixed_amount' && terms.frequency === 'once';
  const recurring = terms.frequency === 'recurring';
  return Object.assign(new AppliedCouponEntity(), {
    lagoId: randomUUID(),
    organizationId,
    couponId: coupon.id,
    customerId: customer.id,
    promotionCodeId: promotionCode?.id ?? null,
    status: 'active',
    amountCents: terms.amountCents,
    amountCentsRemaining: fixedOnce ? terms.amountCents : null,
    amountCurrency: terms.amountCurrency,
    percentageRate: terms.percentageRate,
    frequency: terms.frequency,
    frequencyDuration: recurring ? terms.frequencyDuration : null,
    frequencyDurationRemaining: recurring ? terms.frequencyDuration : null,
    terminatedAt: null,
    createdAt: now,
  } satisfies Omit<AppliedCouponEntity, 'id'>);
}

/**
 * Every check of an apply, in its fixed order, so that a request with several faults always gets the same
 * error: customer; then the promotion code (unknown, then why this customer may not redeem it) when one is
 * named; then its coupon (redeemable, start date, plan overlap, reusable, max_redemptions) and the overrides.
 * An apply runs them in its transaction with the customer's and the code's rows locked; a checkout
 * validation runs the very same checks without a transaction and without writing anything.
 */
@Injectable()
export class RedemptionChecks {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly coupons: CouponsRepository,
    private readonly promotionCodes: PromotionCodesRepository,
    private readonly appliedCoupons: AppliedCouponsRepository,
    private readonly statements: StatementRunner,
  ) {}

  /** An apply's checks, in its transaction: the customer's and the code's rows stay locked until it ends. */
  async check(organization: Organization, input: JsonObject, now: Date, tx: Transaction): Promise<Result<Redemption>> {
    // A coupon is named one way or the other, never both.
    if (isGiven(input, 'coupon_code') && isGiven(input, 'promotion_code')) return invalidField('coupon_code', 'value_is_invalid');
    const externalId = typeof input.external_customer_id === 'string' ? input.external_customer_id : null;
    if (externalId === null) return notFound('customer_not_found');
    const byPromotionCode = isGiven(input, 'promotion_code');
    const named = byPromotionCode ? input.promotion_code : input.coupon_code;
    const read = await this.readLocked(organization.id, externalId, byPromotionCode, typeof named === 'string' ? named : null, tx);
    return this.judge(input, read, byPromotionCode, now, tx);
  }

  /**
   * The same checks for a redemption of `code` by the customer, on rows the caller read (without a lock) and
   * without a transaction: a checkout validation, which writes nothing.
   */
  checkPromotionCode(externalId: string, code: string, read: RedemptionReads, now: Date): Promise<Result<Redemption>> {
    return this.judge({ external_customer_id: externalId, promotion_code: code }, read, true, now);
  }

  /** The checks in their order, on what `read` found. */
  private async judge(input: JsonObject, { customer, promotionCode, coupon }: RedemptionReads, byPromotionCode: boolean, now: Date, tx?: Transaction): Promise<Result<Redemption>> {
    if (!customer) return notFound('customer_not_found');

    if (byPromotionCode) {
      if (!promotionCode) return notFound('promotion_code_not_found');
      // Only a first-time restriction needs the customer's history.
      const returning = promotionCode.restrictions.firstTimeTransaction && (await this.appliedCoupons.isReturningCustomer(customer.id, tx));
      const refusal = promotionCodeRefusal(promotionCode, { externalId: customer.externalId, hasAppliedCouponOrCommittedDiscount: returning }, now);
      if (refusal) return invalidField('promotion_code', refusal);
    }
    if (!coupon || !isRedeemableAt(coupon, now)) return notFound('coupon_not_found');
    return this.checkCoupon(input, customer, coupon, promotionCode, now, tx);
  }

  /**
   * The customer, the promotion code and the coupon a request names, in one batch of reads, the customer's
   * row and the code's locked: the customer's orders its applies (reusable and overlap checks) with its
   * invoice commits and voids; the code's keeps its limit.
   */
  private async readLocked(organizationId: number, externalId: string, byPromotionCode: boolean, named: string | null, tx: Transaction): Promise<RedemptionReads> {
    const codeKey = byPromotionCode && named !== null ? promotionCodeLookupKey(named) : null;
    const statements = [this.customers.byExternalIdStatement(organizationId, externalId, true)];
    if (codeKey !== null) {
      statements.push(this.promotionCodes.byCodeKeyStatement(organizationId, codeKey, true), this.coupons.ofPromotionCodeStatement(organizationId, codeKey));
    } else if (!byPromotionCode && named !== null) {
      statements.push(this.coupons.liveByCodeStatement(organizationId, named));
    }
    const [customerRows, ...rest] = (await this.statements.run(statements, tx)).map((result) => result.rows);
    const [codeRows, couponRows] = codeKey !== null ? rest : [[], rest[0] ?? []];
    return {
      customer: this.customers.customerOf(customerRows),
      promotionCode: this.promotionCodes.codeOf(codeRows),
      coupon: this.coupons.couponOf(couponRows),
    };
  }

  private async checkCoupon(
    input: JsonObject,
    customer: CustomerEntity,
    coupon: CouponEntity,
    promotionCode: PromotionCodeEntity | null,
    now: Date,
    tx?: Transaction,
  ): Promise<Result<Redemption>> {
    if (coupon.startsAt !== null && coupon.startsAt > now) return invalidField('coupon', 'coupon_not_yet_redeemable');
    // An unlimited coupon overlaps nothing: no need to look at the customer's other coupons.
    const limited = coupon.limitedPlans || coupon.limitedBillableMetrics;
    if (limited && (await overlapsActiveCoupon(this.appliedCoupons, coupon.id, customer.id, tx))) return notAllowed('plan_overlapping');
    if (!coupon.reusable && (await this.appliedCoupons.hasBeenApplied(coupon.id, customer.id, tx))) {
      return invalidField('coupon', 'coupon_is_not_reusable');
    }
    if (coupon.maxRedemptions !== null && coupon.redemptionsCount >= coupon.maxRedemptions) {
      return invalidField('coupon', 'max_redemptions_reached');
    }
    const { attributes, errors } = buildAppliedCouponOverrides(input, attributesOf(coupon), customer.currency);
    if (hasErrors(errors)) return invalid(errors);
    return success({ customer, coupon, promotionCode, terms: attributes });
  }
}
