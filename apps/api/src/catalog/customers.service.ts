import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FieldErrors, formatDateTime } from '@coupons/domain';
import { hasErrors, invalid, notFound, Result, success } from '../common/result';
import { CustomerEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { hydrate, preparedQuery } from '../database/prepared';
import type { JsonObject } from '../http/root-object';
import { newestFirstPage } from './newest-first-page';
import { checkPathSafe, optionalCurrency, optionalString, requireString } from './catalog-validation';

export function serializeCustomer(customer: CustomerEntity) {
  return {
    lago_id: customer.lagoId,
    external_id: customer.externalId,
    name: customer.name,
    currency: customer.currency,
    created_at: formatDateTime(customer.createdAt),
  };
}

/** POST /customers creates or updates by external_id, as Lago does (clients re-send customers). */
@Injectable()
export class CustomersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsert(organizationId: number, input: JsonObject): Promise<Result<CustomerEntity>> {
    const errors: FieldErrors = {};
    const externalId = requireString(input, 'external_id', errors);
    checkPathSafe(externalId, 'external_id', errors);
    const name = optionalString(input, 'name', errors);
    const currency = optionalCurrency(input, 'currency', errors);
    if (hasErrors(errors)) return invalid(errors);

    const repository = this.dataSource.getRepository(CustomerEntity);
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await repository.findOneBy({ organizationId, externalId: externalId! });
      if (existing) {
        if ('name' in input) existing.name = name;
        if ('currency' in input) existing.currency = currency;
        await repository.update({ id: existing.id }, { name: existing.name, currency: existing.currency });
        return success(existing);
      }
      const customer = repository.create({ lagoId: randomUUID(), organizationId, externalId: externalId!, name, currency, createdAt: new Date() });
      try {
        await repository.insert(customer);
        return success(customer);
      } catch (error) {
        // Two creates raced: the second one becomes an update.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new Error('customer upsert did not settle');
  }

  /** On every preview and customer read: a prepared statement. */
  async find(organizationId: number, externalId: string): Promise<Result<CustomerEntity>> {
    const [row] = await preparedQuery(this.dataSource, 'SELECT * FROM customers WHERE organization_id = ? AND external_id = ?', [organizationId, externalId]);
    return row ? success(hydrate(this.dataSource, CustomerEntity, row)) : notFound('customer_not_found');
  }

  async list(organizationId: number, query: { page?: unknown; per_page?: unknown }) {
    const { rows, meta } = await newestFirstPage(this.dataSource.getRepository(CustomerEntity), organizationId, query);
    return { customers: rows.map(serializeCustomer), meta };
  }
}
