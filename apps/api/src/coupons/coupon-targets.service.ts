import { Injectable } from '@nestjs/common';
import { type FieldErrors, isPlainObject } from '@coupons/domain';
import { notAllowed, notFound, Result, success } from '../common/result';
import type { JsonObject } from '../http/root-object';
import { CouponTargetsRepository, ResolvedTargets } from './coupon-targets.repository';

/** `applies_to` as sent: a list that is absent (undefined) leaves the coupon's current one in place. */
export interface AppliesToInput {
  planCodes?: string[];
  billableMetricCodes?: string[];
}

function parseCodeList(value: unknown): string[] | null {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every((code) => typeof code === 'string')) return null;
  return [...new Set<string>(value)];
}

export function parseAppliesTo(input: JsonObject): { appliesTo: AppliesToInput; errors: FieldErrors } {
  if (!('applies_to' in input) || input.applies_to === null) return { appliesTo: {}, errors: {} };
  if (!isPlainObject(input.applies_to)) return { appliesTo: {}, errors: { applies_to: ['value_is_invalid'] } };
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
  constructor(private readonly targets: CouponTargetsRepository) {}

  /** Right after the `expiration_at` check of a create or update: unknown plans, unknown metrics, then both kinds at once. */
  async resolve(organizationId: number, planCodes: string[], billableMetricCodes: string[]): Promise<Result<ResolvedTargets>> {
    const plans = await this.targets.findPlans(organizationId, planCodes);
    if (plans.length !== planCodes.length) return notFound('plans_not_found');
    const billableMetrics = await this.targets.findBillableMetrics(organizationId, billableMetricCodes);
    if (billableMetrics.length !== billableMetricCodes.length) return notFound('billable_metrics_not_found');
    if (plans.length > 0 && billableMetrics.length > 0) return notAllowed('only_one_limitation_type_per_coupon_allowed');
    return success({ plans, billableMetrics });
  }
}
