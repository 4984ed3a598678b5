/** `page` / `per_page` query parameters and Lago's pagination `meta`, shared by every list endpoint. */
import { LIMITS } from './limits';

export interface Pagination {
  page: number;
  perPage: number;
  offset: number;
}

export interface PaginationMeta {
  current_page: number;
  next_page: number | null;
  prev_page: number | null;
  total_pages: number;
  total_count: number;
}

/** A positive integer given as digits only (or as a JSON number); anything else is null. */
function positiveInteger(value: unknown): number | null {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\d{1,20}$/.test(value)) number = Number(value);
  else return null;
  if (!Number.isInteger(number) || number < 1) return null;
  return Math.min(number, LIMITS.maxInteger);
}

/**
 * Invalid or non-positive values fall back to the defaults; `per_page` is clamped to 1000. The
 * offset is clamped to a safe integer: such a page is past the end of any table and comes back empty.
 */
export function parsePagination(query: { page?: unknown; per_page?: unknown }): Pagination {
  const page = positiveInteger(query.page) ?? 1;
  const perPage = Math.min(positiveInteger(query.per_page) ?? LIMITS.perPageDefault, LIMITS.perPageMax);
  return { page, perPage, offset: Math.min((page - 1) * perPage, LIMITS.maxInteger) };
}

/**
 * As Kaminari computes it for Lago: `total_pages` is 0 without rows, and a page past the end has
 * neither a next nor a previous page.
 */
export function paginationMeta(page: number, perPage: number, totalCount: number): PaginationMeta {
  const totalPages = Math.ceil(totalCount / perPage);
  const outOfRange = page > totalPages;
  return {
    current_page: page,
    next_page: !outOfRange && page < totalPages ? page + 1 : null,
    prev_page: !outOfRange && page > 1 ? page - 1 : null,
    total_pages: totalPages,
    total_count: totalCount,
  };
}
