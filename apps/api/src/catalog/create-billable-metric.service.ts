import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { checkIdentifier, FieldErrors, hasErrors, LIMITS, parseEnum, parseText, settleField } from '@coupons/domain';
import { invalid, invalidField, Result, success } from '../common/result';
import { BillableMetricEntity } from '../database/entities';
import type { JsonObject } from '../http/root-object';
import { BillableMetricsRepository } from './billable-metrics.repository';

/** Lago's aggregation types; the metric only matters here as a target of limited coupons. */
export const AGGREGATION_TYPES = ['count_agg', 'sum_agg', 'max_agg', 'unique_count_agg', 'weighted_sum_agg', 'latest_agg'] as const;

/** POST /billable_metrics. */
@Injectable()
export class CreateBillableMetricService {
  constructor(private readonly metrics: BillableMetricsRepository) {}

  async call(organizationId: number, input: JsonObject): Promise<Result<BillableMetricEntity>> {
    const errors: FieldErrors = {};
    const name = settleField(errors, 'name', parseText(input.name, LIMITS.nameMaxLength, true), true);
    const code = checkIdentifier(input.code, 'code', errors);
    const aggregationType = settleField(errors, 'aggregation_type', parseEnum(AGGREGATION_TYPES, input.aggregation_type), true);
    if (code !== null && (await this.metrics.isCodeTaken(organizationId, code))) errors.code = ['value_already_exist'];
    if (hasErrors(errors)) return invalid(errors);

    const metric = Object.assign(new BillableMetricEntity(), {
      lagoId: randomUUID(),
      organizationId,
      name: name!,
      code: code!,
      aggregationType: aggregationType!,
      createdAt: new Date(),
    });
    // The unique index decides; looking first only serves to report a taken code with the other errors.
    if (!(await this.metrics.insertUnlessCodeTaken(metric))) return invalidField('code', 'value_already_exist');
    return success(metric);
  }
}
