import { EntityManager } from 'typeorm';
import { CustomerEntity } from './entities';
import { hydrate, preparedQuery } from './prepared';

type CustomerKey = Partial<Pick<CustomerEntity, 'id' | 'organizationId' | 'externalId'>>;

const COLUMNS: Record<keyof CustomerKey, string> = { id: 'id', organizationId: 'organization_id', externalId: 'external_id' };

/**
 * Reads a customer under a write lock (MySQL; SQLite serializes whole transactions instead). Applies,
 * invoice commits and voids of one customer take this lock first, so they run one after another.
 */
export async function lockCustomer(manager: EntityManager, where: CustomerKey): Promise<CustomerEntity | null> {
  if (manager.connection.options.type !== 'mysql') return manager.getRepository(CustomerEntity).findOneBy(where);
  const keys = (Object.keys(where) as (keyof CustomerKey)[]).filter((key) => where[key] !== undefined);
  const rows = await preparedQuery(
    manager,
    `SELECT * FROM customers WHERE ${keys.map((key) => `${COLUMNS[key]} = ?`).join(' AND ')} FOR UPDATE`,
    keys.map((key) => where[key]),
  );
  return rows.length ? hydrate(manager.connection, CustomerEntity, rows[0]) : null;
}
