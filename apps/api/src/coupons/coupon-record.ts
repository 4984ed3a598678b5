import type { CouponAttributes } from '@coupons/domain';
import { formatPercentageRate } from '@coupons/domain';
import type { CouponEntity } from '../database/entities';

/** A coupon with the codes of the plans or billable metrics it is limited to. */
export interface CouponRecord {
  coupon: CouponEntity;
  planCodes: string[];
  billableMetricCodes: string[];
}

export function attributesOf(coupon: CouponEntity): CouponAttributes {
  return {
    name: coupon.name,
    code: coupon.code,
    description: coupon.description,
    couponType: coupon.couponType,
    amountCents: coupon.amountCents,
    amountCurrency: coupon.amountCurrency,
    percentageRate: formatPercentageRate(coupon.percentageRate),
    frequency: coupon.frequency,
    frequencyDuration: coupon.frequencyDuration,
    expiration: coupon.expiration,
    expirationAt: coupon.expirationAt,
    reusable: coupon.reusable,
    maxRedemptions: coupon.maxRedemptions,
    startsAt: coupon.startsAt,
    metadata: coupon.metadata ?? {},
    currencyOptions: coupon.currencyOptions ?? {},
  };
}

/** Copies validated attributes onto the entity (the domain has already nulled fields that don't apply). */
export function assignAttributes(coupon: CouponEntity, attributes: CouponAttributes): void {
  coupon.name = attributes.name as string;
  coupon.code = attributes.code as string;
  coupon.description = attributes.description;
  coupon.couponType = attributes.couponType!;
  coupon.amountCents = attributes.amountCents;
  coupon.amountCurrency = attributes.amountCurrency;
  coupon.percentageRate = attributes.percentageRate;
  coupon.frequency = attributes.frequency!;
  coupon.frequencyDuration = attributes.frequencyDuration;
  coupon.expiration = attributes.expiration!;
  coupon.expirationAt = attributes.expirationAt;
  coupon.reusable = attributes.reusable;
  coupon.maxRedemptions = attributes.maxRedemptions;
  coupon.startsAt = attributes.startsAt;
  coupon.metadata = attributes.metadata;
  coupon.currencyOptions = attributes.currencyOptions;
}
