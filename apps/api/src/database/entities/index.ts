import { ApiKeyEntity } from './api-key.entity';
import { AppliedCouponEntity } from './applied-coupon.entity';
import { BillableMetricEntity } from './billable-metric.entity';
import { CouponTargetEntity } from './coupon-target.entity';
import { CouponEntity } from './coupon.entity';
import { CreditEntity } from './credit.entity';
import { CustomerEntity } from './customer.entity';
import { FlexpriceCouponRulesEntity } from './flexprice-coupon-rules.entity';
import { EventEntity } from './event.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { InvitationEntity } from './invitation.entity';
import { InvoiceDiscountEntity } from './invoice-discount.entity';
import { JobLockEntity } from './job-lock.entity';
import { OrganizationEntity } from './organization.entity';
import { PlanChargeEntity } from './plan-charge.entity';
import { PlanEntity } from './plan.entity';
import { PromotionCodeBatchEntity } from './promotion-code-batch.entity';
import { PromotionCodeEntity } from './promotion-code.entity';
import { SignInFailureEntity } from './sign-in-failure.entity';
import { UserSessionEntity } from './user-session.entity';
import { UserEntity } from './user.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

export {
  ApiKeyEntity,
  AppliedCouponEntity,
  BillableMetricEntity,
  CouponEntity,
  CouponTargetEntity,
  CreditEntity,
  CustomerEntity,
  EventEntity,
  FlexpriceCouponRulesEntity,
  IdempotencyKeyEntity,
  InvitationEntity,
  InvoiceDiscountEntity,
  JobLockEntity,
  OrganizationEntity,
  PlanChargeEntity,
  PlanEntity,
  PromotionCodeBatchEntity,
  PromotionCodeEntity,
  SignInFailureEntity,
  UserEntity,
  UserSessionEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
};

export const ENTITIES = [
  OrganizationEntity,
  ApiKeyEntity,
  PlanEntity,
  PlanChargeEntity,
  BillableMetricEntity,
  CustomerEntity,
  CouponEntity,
  CouponTargetEntity,
  FlexpriceCouponRulesEntity,
  AppliedCouponEntity,
  InvoiceDiscountEntity,
  CreditEntity,
  IdempotencyKeyEntity,
  JobLockEntity,
  PromotionCodeEntity,
  PromotionCodeBatchEntity,
  EventEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  UserEntity,
  UserSessionEntity,
  InvitationEntity,
  SignInFailureEntity,
];
