import { Injectable } from '@nestjs/common';
import { Pagination, PaginationMeta } from '@coupons/domain';
import { notFound, Result, success } from '../common/result';
import { PlanRecord, PlansRepository } from './plans.repository';

/** Reading plans with their charges: one by code, or a page of them. */
@Injectable()
export class PlansService {
  constructor(private readonly plans: PlansRepository) {}

  async find(organizationId: number, code: string): Promise<Result<PlanRecord>> {
    const plan = await this.plans.findByCode(organizationId, code);
    if (!plan) return notFound('plan_not_found');
    const [record] = await this.plans.records([plan]);
    return success(record);
  }

  async list(organizationId: number, pagination: Pagination): Promise<{ records: PlanRecord[]; meta: PaginationMeta }> {
    const { rows, meta } = await this.plans.page(organizationId, pagination);
    return { records: await this.plans.records(rows), meta };
  }
}
