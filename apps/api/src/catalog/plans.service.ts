import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { addError, FieldErrors, formatDateTime, isCurrencyCode, LIMITS } from '@coupons/domain';
import { hasErrors, invalid, invalidField, notFound, Result, success } from '../common/result';
import { BillableMetricEntity, PlanChargeEntity, PlanEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { isJsonObject, JsonObject } from '../http/root-object';
import { newestFirstPage } from './newest-first-page';
import { checkPathSafe, requireEnum, requireString } from './catalog-validation';

export const PLAN_INTERVALS = ['weekly', 'monthly', 'quarterly', 'semiannual', 'yearly'] as const;

export interface PlanRecord {
  plan: PlanEntity;
  charges: BillableMetricEntity[];
}

export function serializePlan({ plan, charges }: PlanRecord) {
  return {
    lago_id: plan.lagoId,
    name: plan.name,
    code: plan.code,
    interval: plan.interval,
    amount_cents: plan.amountCents,
    amount_currency: plan.amountCurrency,
    created_at: formatDateTime(plan.createdAt),
    charges: charges.map((metric) => ({
      lago_billable_metric_id: metric.lagoId,
      billable_metric_code: metric.code,
    })),
  };
}

type ChargeRef = { code: string } | { lagoId: string };

function parseCharges(value: unknown, errors: FieldErrors): ChargeRef[] {
  if (value === undefined || value === null) return [];
  const refs: ChargeRef[] = [];
  if (Array.isArray(value)) {
    for (const charge of value) {
      if (isJsonObject(charge) && typeof charge.billable_metric_code === 'string') refs.push({ code: charge.billable_metric_code });
      else if (isJsonObject(charge) && typeof charge.billable_metric_id === 'string') refs.push({ lagoId: charge.billable_metric_id });
      else return addError(errors, 'charges', 'value_is_invalid'), [];
    }
    return refs;
  }
  addError(errors, 'charges', 'value_is_invalid');
  return [];
}

@Injectable()
export class PlansService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(organizationId: number, input: JsonObject): Promise<Result<PlanRecord>> {
    const errors: FieldErrors = {};
    const name = requireString(input, 'name', errors);
    const code = requireString(input, 'code', errors);
    checkPathSafe(code, 'code', errors);
    const interval = requireEnum(input, 'interval', PLAN_INTERVALS, errors);
    const amountCents = input.amount_cents ?? 0;
    if (typeof amountCents !== 'number' || !Number.isInteger(amountCents)) addError(errors, 'amount_cents', 'value_is_invalid');
    else if (amountCents < 0 || amountCents > LIMITS.maxInteger) addError(errors, 'amount_cents', 'value_is_out_of_range');
    if (input.amount_currency === undefined || input.amount_currency === null) addError(errors, 'amount_currency', 'value_is_mandatory');
    else if (!isCurrencyCode(input.amount_currency)) addError(errors, 'amount_currency', 'value_is_invalid');
    const refs = parseCharges(input.charges, errors);

    const metrics = await this.resolveMetrics(organizationId, refs);
    if (metrics === null) return notFound('billable_metric_not_found');
    const plans = this.dataSource.getRepository(PlanEntity);
    if (code !== null && !errors.code && (await plans.existsBy({ organizationId, code }))) errors.code = ['value_already_exist'];
    if (hasErrors(errors)) return invalid(errors);

    const plan = plans.create({
      lagoId: randomUUID(),
      organizationId,
      name: name!,
      code: code!,
      interval: interval!,
      amountCents: amountCents as number,
      amountCurrency: input.amount_currency as string,
      createdAt: new Date(),
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(PlanEntity).insert(plan);
        if (metrics.length) {
          await manager.getRepository(PlanChargeEntity).insert(metrics.map((metric) => ({ planId: plan.id, billableMetricId: metric.id })));
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) return invalidField('code', 'value_already_exist');
      throw error;
    }
    return success({ plan, charges: metrics });
  }

  /** Every charge's metric, deduplicated; null when one of them is not a metric of the organization. */
  private async resolveMetrics(organizationId: number, refs: ChargeRef[]): Promise<BillableMetricEntity[] | null> {
    const codes = [...new Set(refs.flatMap((ref) => ('code' in ref ? [ref.code] : [])))];
    const lagoIds = [...new Set(refs.flatMap((ref) => ('lagoId' in ref ? [ref.lagoId] : [])))];
    const repository = this.dataSource.getRepository(BillableMetricEntity);
    const byCode = codes.length ? await repository.findBy({ organizationId, code: In(codes) }) : [];
    const byLagoId = lagoIds.length ? await repository.findBy({ organizationId, lagoId: In(lagoIds) }) : [];
    if (byCode.length !== codes.length || byLagoId.length !== lagoIds.length) return null;
    const unique = new Map([...byCode, ...byLagoId].map((metric) => [metric.id, metric]));
    return [...unique.values()];
  }

  async find(organizationId: number, code: string): Promise<Result<PlanRecord>> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneBy({ organizationId, code });
    if (!plan) return notFound('plan_not_found');
    return success((await this.withCharges([plan]))[0]);
  }

  async list(organizationId: number, query: { page?: unknown; per_page?: unknown }) {
    const { rows, meta } = await newestFirstPage(this.dataSource.getRepository(PlanEntity), organizationId, query);
    const records = await this.withCharges(rows);
    return { plans: records.map(serializePlan), meta };
  }

  private async withCharges(plans: PlanEntity[]): Promise<PlanRecord[]> {
    if (plans.length === 0) return [];
    const rows: { plan_id: number; metric_id: number }[] = await this.dataSource
      .createQueryBuilder()
      .select('pc.plan_id', 'plan_id')
      .addSelect('pc.billable_metric_id', 'metric_id')
      .from(PlanChargeEntity, 'pc')
      .where('pc.plan_id IN (:...ids)', { ids: plans.map((plan) => plan.id) })
      .orderBy('pc.id', 'ASC')
      .getRawMany();
    const metricIds = [...new Set(rows.map((row) => Number(row.metric_id)))];
    const metrics = metricIds.length ? await this.dataSource.getRepository(BillableMetricEntity).findBy({ id: In(metricIds) }) : [];
    const metricById = new Map(metrics.map((metric) => [metric.id, metric]));
    return plans.map((plan) => ({
      plan,
      charges: rows.filter((row) => Number(row.plan_id) === plan.id).map((row) => metricById.get(Number(row.metric_id))!),
    }));
  }
}
