import { EntityManager } from 'typeorm';
import { CustomerEntity } from './entities';

/**
 * Reads a customer under a write lock (MySQL; SQLite serializes whole transactions instead). Applies,
 * invoice commits and voids of one customer take this lock first, so they run one after another.
 */
export function lockCustomer(manager: EntityManager, where: Partial<Pick<CustomerEntity, 'id' | 'organizationId' | 'externalId'>>): Promise<CustomerEntity | null> {
  const query = manager.getRepository(CustomerEntity).createQueryBuilder('customer').where(where);
  if (manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
  return query.getOne();
}
