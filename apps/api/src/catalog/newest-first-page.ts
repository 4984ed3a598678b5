import { paginationMeta, PaginationMeta, parsePagination } from '@coupons/domain';
import { FindOptionsOrder, FindOptionsWhere, Repository } from 'typeorm';

type OrganizationRow = { organizationId: number; createdAt: Date; id: number };

/** One page of an organization's plans, metrics or customers, newest first, with Lago's `meta`. */
export async function newestFirstPage<T extends OrganizationRow>(
  repository: Repository<T>,
  organizationId: number,
  query: { page?: unknown; per_page?: unknown },
): Promise<{ rows: T[]; meta: PaginationMeta }> {
  const { page, perPage, offset } = parsePagination(query);
  const [rows, total] = await repository.findAndCount({
    where: { organizationId } as FindOptionsWhere<T>,
    order: { createdAt: 'DESC', id: 'DESC' } as FindOptionsOrder<T>,
    skip: offset,
    take: perPage,
  });
  return { rows, meta: paginationMeta(page, perPage, total) };
}
