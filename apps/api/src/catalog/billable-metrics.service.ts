import { Injectable } from '@nestjs/common';
import { Pagination, PaginationMeta } from '@coupons/domain';
import { notFound, Result, success } from '../common/result';
import type { BillableMetricEntity } from '../database/entities';
import { BillableMetricsRepository } from './billable-metrics.repository';

/** Reading billable metrics: one by code, or a page of them. */
@Injectable()
export class BillableMetricsService {
  constructor(private readonly metrics: BillableMetricsRepository) {}

  async find(organizationId: number, code: string): Promise<Result<BillableMetricEntity>> {
    const metric = await this.metrics.findByCode(organizationId, code);
    return metric ? success(metric) : notFound('billable_metric_not_found');
  }

  async list(organizationId: number, pagination: Pagination): Promise<{ records: BillableMetricEntity[]; meta: PaginationMeta }> {
    const { rows, meta } = await this.metrics.page(organizationId, pagination);
    return { records: rows, meta };
  }
}
