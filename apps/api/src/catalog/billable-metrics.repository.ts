import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pagination, PaginationMeta } from '@coupons/domain';
import { DataSource, In } from 'typeorm';
import { BillableMetricEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { newestFirstPage } from '../database/newest-first-page';

/** Every statement on `billable_metrics`. */
@Injectable()
export class BillableMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(BillableMetricEntity);
  }

  findByCode(organizationId: number, code: string): Promise<BillableMetricEntity | null> {
    return this.repository.findOneBy({ organizationId, code });
  }

  isCodeTaken(organizationId: number, code: string): Promise<boolean> {
    return this.repository.existsBy({ organizationId, code });
  }

  findByCodes(organizationId: number, codes: string[]): Promise<BillableMetricEntity[]> {
    return codes.length ? this.repository.findBy({ organizationId, code: In(codes) }) : Promise.resolve([]);
  }

  findByLagoIds(organizationId: number, lagoIds: string[]): Promise<BillableMetricEntity[]> {
    return lagoIds.length ? this.repository.findBy({ organizationId, lagoId: In(lagoIds) }) : Promise.resolve([]);
  }

  /** False when the code was taken meanwhile by a concurrent create. */
  async insertUnlessCodeTaken(metric: BillableMetricEntity): Promise<boolean> {
    try {
      await this.repository.insert(metric);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  page(organizationId: number, pagination: Pagination): Promise<{ rows: BillableMetricEntity[]; meta: PaginationMeta }> {
    return newestFirstPage(this.repository, organizationId, pagination);
  }
}
