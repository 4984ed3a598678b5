import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pagination, paginationMeta, PaginationMeta } from '@coupons/domain';
import { DataSource, In } from 'typeorm';
import { CustomerEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { hydrate, preparedQuery } from '../database/prepared';
import type { Statement } from '../database/statement-batch';
import { lockingRead, type Transaction } from '../database/transactions';
import { escapeLike } from '../database/like';

/** A customer is locked by its id, or by its organization and external id. */
export type CustomerKey = { id: number } | { organizationId: number; externalId: string };

/** Every statement on `customers`. */
@Injectable()
export class CustomersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** On every preview, apply and customer read: a prepared statement. */
  async findByExternalId(organizationId: number, externalId: string): Promise<CustomerEntity | null> {
    const { sql, params } = this.byExternalIdStatement(organizationId, externalId, false);
    return this.customerOf(await preparedQuery(this.dataSource, sql, params));
  }

  /**
   * The customer by external id, for a batch of reads; write-locked until the transaction ends with `lock`
   * (MySQL; SQLite serializes whole transactions instead). `customerOf` reads its rows.
   */
  byExternalIdStatement(organizationId: number, externalId: string, lock: boolean): Statement {
    const forUpdate = lock ? lockingRead(this.dataSource) : '';
    return { sql: `SELECT * FROM customers WHERE organization_id = ? AND external_id = ?${forUpdate}`, params: [organizationId, externalId] };
  }

  customerOf(rows: Record<string, unknown>[]): CustomerEntity | null {
    return rows.length ? hydrate(this.dataSource, CustomerEntity, rows[0]) : null;
  }

  /** Customers by id (the customers of applied coupons a coupon's deletion terminates). */
  findByIds(ids: number[]): Promise<CustomerEntity[]> {
    return ids.length ? this.dataSource.getRepository(CustomerEntity).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * Reads a customer under a write lock (MySQL; SQLite serializes whole transactions instead). Applies,
   * invoice commits and voids of one customer take this lock first, so they run one after another.
   */
  async lock(key: CustomerKey, tx: Transaction): Promise<CustomerEntity | null> {
    if (tx.connection.options.type !== 'mysql') return tx.getRepository(CustomerEntity).findOneBy(key);
    const [sql, params] = 'id' in key
      ? ['SELECT * FROM customers WHERE id = ? FOR UPDATE', [key.id]]
      : ['SELECT * FROM customers WHERE organization_id = ? AND external_id = ? FOR UPDATE', [key.organizationId, key.externalId]];
    const [row] = await preparedQuery(tx, sql, params);
    return row ? hydrate(this.dataSource, CustomerEntity, row) : null;
  }

  /** False when the external id was taken meanwhile (two creates raced): the caller then updates instead. */
  async insertUnlessTaken(customer: CustomerEntity): Promise<boolean> {
    try {
      await this.dataSource.getRepository(CustomerEntity).insert(customer);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async update(customer: CustomerEntity): Promise<void> {
    await this.dataSource.getRepository(CustomerEntity).update({ id: customer.id }, { name: customer.name, currency: customer.currency });
  }

  /**
   * A page of the organization's customers, newest first. `search` ('' for none) is a case-insensitive
   * substring of the external id or the name, its `%` and `_` taken literally. A substring cannot seek an
   * index: the organization's prefix of the (organization_id, external_id) index bounds the rows read.
   */
  async page(organizationId: number, { page, perPage, offset }: Pagination, search: string): Promise<{ rows: CustomerEntity[]; meta: PaginationMeta }> {
    const query = this.dataSource
      .getRepository(CustomerEntity)
      .createQueryBuilder('customer')
      .where('customer.organization_id = :organizationId', { organizationId });
    if (search !== '') {
      // external_id has a binary (case-sensitive) collation on MySQL, and SQLite's LIKE folds ASCII only: LOWER both sides.
      const term = `%${escapeLike(search.toLowerCase())}%`;
      query.andWhere("(LOWER(customer.external_id) LIKE :term ESCAPE '!' OR LOWER(customer.name) LIKE :term ESCAPE '!')", { term });
    }
    const [rows, total] = await query
      .orderBy('customer.created_at', 'DESC')
      .addOrderBy('customer.id', 'DESC')
      .skip(offset)
      .take(perPage)
      .getManyAndCount();
    return { rows, meta: paginationMeta(page, perPage, total) };
  }
}
