import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  addError, checkIdentifier, FieldErrors, hasErrors, isCurrencyCode, isPlainObject, LIMITS, parseEnum, parseText, settleField,
} from '@coupons/domain';
import { invalid, invalidField, notFound, Result, success } from '../common/result';
import { BillableMetricEntity, PlanEntity } from '../database/entities';
import type { JsonObject } from '../http/root-object';
import { BillableMetricsRepository } from './billable-metrics.repository';
import { PlanRecord, PlansRepository } from './plans.repository';

export const PLAN_INTERVALS = ['weekly', 'monthly', 'quarterly', 'semiannual', 'yearly'] as const;

/** A charge names its billable metric by code or by lago_id. */
type ChargeRef = { code: string } | { lagoId: string };

function parseCharges(value: unknown, errors: FieldErrors): ChargeRef[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return addError(errors, 'charges', 'value_is_invalid'), [];
  const refs: ChargeRef[] = [];
  for (const charge of value) {
    if (isPlainObject(charge) && typeof charge.billable_metric_code === 'string') refs.push({ code: charge.billable_metric_code });
    else if (isPlainObject(charge) && typeof charge.billable_metric_id === 'string') refs.push({ lagoId: charge.billable_metric_id });
    else return addError(errors, 'charges', 'value_is_invalid'), [];
  }
  return refs;
}

/**
 * POST /plans. An unknown charge metric is a 404 before any field error, as in Lago; then every field
 * error at once (422).
 */
@Injectable()
export class CreatePlanService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly metrics: BillableMetricsRepository,
  ) {}

  async call(organizationId: number, input: JsonObject): Promise<Result<PlanRecord>> {
    const errors: FieldErrors = {};
    const name = settleField(errors, 'name', parseText(input.name, LIMITS.nameMaxLength, true), true);
    const code = checkIdentifier(input.code, 'code', errors);
    const interval = settleField(errors, 'interval', parseEnum(PLAN_INTERVALS, input.interval), true);
    const amountCents = input.amount_cents ?? 0;
    if (typeof amountCents !== 'number' || !Number.isInteger(amountCents)) addError(errors, 'amount_cents', 'value_is_invalid');
    else if (amountCents < 0 || amountCents > LIMITS.maxInteger) addError(errors, 'amount_cents', 'value_is_out_of_range');
    if (input.amount_currency === undefined || input.amount_currency === null) addError(errors, 'amount_currency', 'value_is_mandatory');
    else if (!isCurrencyCode(input.amount_currency)) addError(errors, 'amount_currency', 'value_is_invalid');
    const refs = parseCharges(input.charges, errors);

    const charges = await this.resolveMetrics(organizationId, refs);
    if (charges === null) return notFound('billable_metric_not_found');
    if (code !== null && (await this.plans.isCodeTaken(organizationId, code))) errors.code = ['value_already_exist'];
    if (hasErrors(errors)) return invalid(errors);

    const plan = Object.assign(new PlanEntity(), {
      lagoId: randomUUID(),
      organizationId,
      name: name!,
      code: code!,
      interval: interval!,
      amountCents: amountCents as number,
      amountCurrency: input.amount_currency as string,
      createdAt: new Date(),
    });
    if (!(await this.plans.insertUnlessCodeTaken(plan, charges))) return invalidField('code', 'value_already_exist');
    return success({ plan, charges });
  }

  /** Every charge's metric, deduplicated; null when one of them is not a metric of the organization. */
  private async resolveMetrics(organizationId: number, refs: ChargeRef[]): Promise<BillableMetricEntity[] | null> {
    const codes = [...new Set(refs.flatMap((ref) => ('code' in ref ? [ref.code] : [])))];
    const lagoIds = [...new Set(refs.flatMap((ref) => ('lagoId' in ref ? [ref.lagoId] : [])))];
    const byCode = await this.metrics.findByCodes(organizationId, codes);
    const byLagoId = await this.metrics.findByLagoIds(organizationId, lagoIds);
    if (byCode.length !== codes.length || byLagoId.length !== lagoIds.length) return null;
    return [...new Map([...byCode, ...byLagoId].map((metric) => [metric.id, metric])).values()];
  }
}
