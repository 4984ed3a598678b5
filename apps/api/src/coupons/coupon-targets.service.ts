import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { FieldErrors } from '@coupons/domain';
import { notAllowed, notFound, Result, success } from '../common/result';
import { BillableMetricEntity, CouponTargetEntity, PlanEntity } from '../database/entities';
import { isJsonObject, JsonObject } from '../http/root-object';
import { targetCodesOf, TargetCodes } from './target-codes';

/** `applies_to` as sent: a list that is absent (undefined) leaves the coupon's current one in place. */
export interface AppliesToInput {
  planCodes?: string[];
  billableMetricCodes?: string[];
}

export interface ResolvedTargets {
  plans: PlanEntity[];
  billableMetrics: BillableMetricEntity[];
}

function parseCodeList(value: unknown): string[] | null {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every((code) => typeof code === 'string')) return null;
  return [...new Set(value as string[])];
}

export function parseAppliesTo(input: JsonObject): { appliesTo: AppliesToInput; errors: FieldErrors } {
  if (!('applies_to' in input) || input.applies_to === null) return { appliesTo: {}, errors: {} };
  if (!isJsonObject(input.applies_to)) return { appliesTo: {}, errors: { applies_to: ['value_is_invalid'] } };
  const appliesTo: AppliesToInput = {};
  const errors: FieldErrors = {};
  for (const [key, field] of [
    ['plan_codes', 'planCodes'],
    ['billable_metric_codes', 'billableMetricCodes'],
  ] as const) {
    if (!(key in input.applies_to)) continue;
    const codes = parseCodeList(input.applies_to[key]);
    if (codes === null) errors[key] = ['value_is_invalid'];
    else appliesTo[field] = codes;
  }
  return { appliesTo, errors };
}

@Injectable()
export class CouponTargetsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Steps 2–4 of a create or update: unknown plans, unknown metrics, then both kinds at once. */
  async resolve(organizationId: number, planCodes: string[], billableMetricCodes: string[]): Promise<Result<ResolvedTargets>> {
    const plans = planCodes.length
      ? await this.dataSource.getRepository(PlanEntity).findBy({ organizationId, code: In(planCodes) })
      : [];
    if (plans.length !== planCodes.length) return notFound('plans_not_found');
    const billableMetrics = billableMetricCodes.length
      ? await this.dataSource.getRepository(BillableMetricEntity).findBy({ organizationId, code: In(billableMetricCodes) })
      : [];
    if (billableMetrics.length !== billableMetricCodes.length) return notFound('billable_metrics_not_found');
    if (plans.length > 0 && billableMetrics.length > 0) return notAllowed('only_one_limitation_type_per_coupon_allowed');
    return success({ plans, billableMetrics });
  }

  async replace(manager: EntityManager, couponId: number, targets: ResolvedTargets): Promise<void> {
    await manager.getRepository(CouponTargetEntity).delete({ couponId });
    await this.add(manager, couponId, targets);
  }

  /** For a new coupon: no delete first, whose gap locks would make concurrent creates deadlock. */
  async add(manager: EntityManager, couponId: number, targets: ResolvedTargets): Promise<void> {
    const repository = manager.getRepository(CouponTargetEntity);
    const rows = [
      ...targets.plans.map((plan) => ({ couponId, planId: plan.id, billableMetricId: null })),
      ...targets.billableMetrics.map((metric) => ({ couponId, planId: null, billableMetricId: metric.id })),
    ];
    if (rows.length) await repository.insert(rows);
  }

  /** Codes of every coupon's targets. */
  codesFor(couponIds: number[]): Promise<Map<number, TargetCodes>> {
    return targetCodesOf(this.dataSource, couponIds);
  }
}
