import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pagination, PaginationMeta } from '@coupons/domain';
import { DataSource, In } from 'typeorm';
import { BillableMetricEntity, PlanChargeEntity, PlanEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { inTransaction } from '../database/transactions';
import { newestFirstPage } from '../database/newest-first-page';

/** A plan with the billable metrics it charges, in the order the charges were given. */
export interface PlanRecord {
  plan: PlanEntity;
  charges: BillableMetricEntity[];
}

/** Every statement on `plans` and `plan_charges`. */
@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByCode(organizationId: number, code: string): Promise<PlanEntity | null> {
    return this.dataSource.getRepository(PlanEntity).findOneBy({ organizationId, code });
  }

  isCodeTaken(organizationId: number, code: string): Promise<boolean> {
    return this.dataSource.getRepository(PlanEntity).existsBy({ organizationId, code });
  }

  /** The plan and its charges in one transaction; false when the code was taken meanwhile by a concurrent create. */
  async insertUnlessCodeTaken(plan: PlanEntity, charges: BillableMetricEntity[]): Promise<boolean> {
    try {
      await inTransaction(this.dataSource, async (manager) => {
        await manager.getRepository(PlanEntity).insert(plan);
        if (charges.length) {
          await manager.getRepository(PlanChargeEntity).insert(charges.map((metric) => ({ planId: plan.id, billableMetricId: metric.id })));
        }
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  page(organizationId: number, pagination: Pagination): Promise<{ rows: PlanEntity[]; meta: PaginationMeta }> {
    return newestFirstPage(this.dataSource.getRepository(PlanEntity), organizationId, pagination);
  }

  /** The plans' charges in two statements, whatever the number of plans. */
  async records(plans: PlanEntity[]): Promise<PlanRecord[]> {
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
