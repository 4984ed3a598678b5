import { Pagination, paginationMeta, PaginationMeta } from '@coupons/domain';
import { FindOptionsOrder, FindOptionsWhere, Repository } from 'typeorm';

type OrganizationRow = { organizationId: number; createdAt: Date; id: number };

/**
 * One page of an organization's rows (plans, metrics, customers, batches, …), newest first, with Lago's
 * `meta`; `filter` narrows it further (column equalities).
 */
export async function newestFirstPage<T extends OrganizationRow>(
  repository: Repository<T>,
  organizationId: number,
  { page, perPage, offset }: Pagination,
  filter: FindOptionsWhere<T> = {},
): Promise<{ rows: T[]; meta: PaginationMeta }> {
  const [rows, total] = await repository.findAndCount({
    where: { ...filter, organizationId } as FindOptionsWhere<T>,
    order: { createdAt: 'DESC', id: 'DESC' } as FindOptionsOrder<T>,
    skip: offset,
    take: perPage,
  });
  return { rows, meta: paginationMeta(page, perPage, total) };
}
