import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FieldErrors, formatDateTime } from '@coupons/domain';
import { hasErrors, invalid, invalidField, notFound, Result, success } from '../common/result';
import { BillableMetricEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import type { JsonObject } from '../http/root-object';
import { newestFirstPage } from './newest-first-page';
import { checkPathSafe, requireEnum, requireString } from './catalog-validation';

/** Lago's aggregation types; the metric only matters here as a target of limited coupons. */
export const AGGREGATION_TYPES = ['count_agg', 'sum_agg', 'max_agg', 'unique_count_agg', 'weighted_sum_agg', 'latest_agg'] as const;

export function serializeBillableMetric(metric: BillableMetricEntity) {
  return {
    lago_id: metric.lagoId,
    name: metric.name,
    code: metric.code,
    aggregation_type: metric.aggregationType,
    created_at: formatDateTime(metric.createdAt),
  };
}

@Injectable()
export class BillableMetricsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(organizationId: number, input: JsonObject): Promise<Result<BillableMetricEntity>> {
    const errors: FieldErrors = {};
    const name = requireString(input, 'name', errors);
    const code = requireString(input, 'code', errors);
    checkPathSafe(code, 'code', errors);
    const aggregationType = requireEnum(input, 'aggregation_type', AGGREGATION_TYPES, errors);
    const repository = this.dataSource.getRepository(BillableMetricEntity);
    if (code !== null && !errors.code && (await repository.existsBy({ organizationId, code }))) {
      errors.code = ['value_already_exist'];
    }
    if (hasErrors(errors)) return invalid(errors);
    const metric = repository.create({
      lagoId: randomUUID(),
      organizationId,
      name: name!,
      code: code!,
      aggregationType: aggregationType!,
      createdAt: new Date(),
    });
    try {
      await repository.insert(metric);
    } catch (error) {
      if (isUniqueViolation(error)) return invalidField('code', 'value_already_exist');
      throw error;
    }
    return success(metric);
  }

  async find(organizationId: number, code: string): Promise<Result<BillableMetricEntity>> {
    const metric = await this.dataSource.getRepository(BillableMetricEntity).findOneBy({ organizationId, code });
    return metric ? success(metric) : notFound('billable_metric_not_found');
  }

  async list(organizationId: number, query: { page?: unknown; per_page?: unknown }) {
    const { rows, meta } = await newestFirstPage(this.dataSource.getRepository(BillableMetricEntity), organizationId, query);
    return { billable_metrics: rows.map(serializeBillableMetric), meta };
  }
}
