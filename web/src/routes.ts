/**
 * Every dashboard path, built and matched in one place. Coupon pages use the singular prefix so that
 * no coupon code (not even "new") collides with a fixed route; codes are always one encoded segment.
 */

/** The list's filters, kept in its URL so reload, back and a shared link all show the same list. */
export interface CouponListFilters {
  status: string;
  search: string;
  page: number;
}

/** The promotion code list's filters: an exact code (any case), a state, a batch, a page. */
export interface PromotionCodeListFilters {
  code: string;
  active: string;
  batch: string;
  page: number;
}

export const paths = {
  coupons(filters: Partial<CouponListFilters> = {}): string {
    const query = new URLSearchParams();
    if (filters.status) query.set('status', filters.status);
    if (filters.search) query.set('search', filters.search);
    if (filters.page && filters.page > 1) query.set('page', String(filters.page));
    const text = query.toString();
    return `/coupons${text ? `?${text}` : ''}`;
  },
  newCoupon: (): string => '/coupons/new',
  coupon: (code: string): string => `/coupon/${encodeURIComponent(code)}`,
  editCoupon: (code: string): string => `/coupon/${encodeURIComponent(code)}/edit`,
  promotionCodes(filters: Partial<PromotionCodeListFilters> = {}): string {
    const query = new URLSearchParams();
    if (filters.code) query.set('code', filters.code);
    if (filters.active) query.set('active', filters.active);
    if (filters.batch) query.set('batch', filters.batch);
    if (filters.page && filters.page > 1) query.set('page', String(filters.page));
    const text = query.toString();
    return `/promotion-codes${text ? `?${text}` : ''}`;
  },
};

export type Route =
  | { page: 'coupons'; filters: CouponListFilters }
  | { page: 'newCoupon' }
  | { page: 'coupon'; code: string }
  | { page: 'editCoupon'; code: string }
  | { page: 'promotionCodes'; filters: PromotionCodeListFilters }
  | { page: 'notFound' };

/** A path segment from the address bar; a malformed escape is treated as "no such page". */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function listFilters(search: string): CouponListFilters {
  const params = new URLSearchParams(search);
  return {
    status: params.get('status') ?? '',
    search: params.get('search') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

function promotionCodeFilters(search: string): PromotionCodeListFilters {
  const params = new URLSearchParams(search);
  return {
    code: params.get('code') ?? '',
    active: params.get('active') ?? '',
    batch: params.get('batch') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

/** The page a location (path plus query string) shows. */
export function matchRoute(location: string): Route {
  const queryStart = location.indexOf('?');
  const path = queryStart < 0 ? location : location.slice(0, queryStart);
  const search = queryStart < 0 ? '' : location.slice(queryStart);
  if (path === '/' || path === '/coupons') return { page: 'coupons', filters: listFilters(search) };
  if (path === '/coupons/new') return { page: 'newCoupon' };
  if (path === '/promotion-codes') return { page: 'promotionCodes', filters: promotionCodeFilters(search) };
  const match = /^\/coupon\/([^/]+)(\/edit)?$/.exec(path);
  const code = match ? decodeSegment(match[1]) : null;
  if (match && code !== null) return match[2] ? { page: 'editCoupon', code } : { page: 'coupon', code };
  return { page: 'notFound' };
}
