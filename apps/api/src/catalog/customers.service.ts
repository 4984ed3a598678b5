import { Injectable } from '@nestjs/common';
import { Pagination, PaginationMeta } from '@coupons/domain';
import { notFound, Result, success } from '../common/result';
import type { CustomerEntity } from '../database/entities';
import { CustomersRepository } from './customers.repository';

/** Reading customers: one by external id, or a page of them. */
@Injectable()
export class CustomersService {
  constructor(private readonly customers: CustomersRepository) {}

  async find(organizationId: number, externalId: string): Promise<Result<CustomerEntity>> {
    const customer = await this.customers.findByExternalId(organizationId, externalId);
    return customer ? success(customer) : notFound('customer_not_found');
  }

  /** `search`: matched against external id and name, ignoring case; '' for every customer. */
  async list(organizationId: number, pagination: Pagination, search = ''): Promise<{ records: CustomerEntity[]; meta: PaginationMeta }> {
    const { rows, meta } = await this.customers.page(organizationId, pagination, search);
    return { records: rows, meta };
  }
}
