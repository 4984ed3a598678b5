import { ApiKeyEntity } from './api-key.entity';
import { AppliedCouponEntity } from './applied-coupon.entity';
import { BillableMetricEntity } from './billable-metric.entity';
import { CouponTargetEntity } from './coupon-target.entity';
import { CouponEntity } from './coupon.entity';
import { CreditEntity } from './credit.entity';
import { CustomerEntity } from './customer.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { InvoiceDiscountEntity } from './invoice-discount.entity';
import { JobLockEntity } from './job-lock.entity';
import { OrganizationEntity } from './organization.entity';
import { PlanChargeEntity } from './plan-charge.entity';
import { PlanEntity } from './plan.entity';

export {
  ApiKeyEntity,
  AppliedCouponEntity,
  BillableMetricEntity,
  CouponEntity,
  CouponTargetEntity,
  CreditEntity,
  CustomerEntity,
  IdempotencyKeyEntity,
  InvoiceDiscountEntity,
  JobLockEntity,
  OrganizationEntity,
  PlanChargeEntity,
  PlanEntity,
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
  AppliedCouponEntity,
  InvoiceDiscountEntity,
  CreditEntity,
  IdempotencyKeyEntity,
  JobLockEntity,
];
