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

/** The customer list's filters: a search over external id, name and email, and a page. */
export interface CustomerListFilters {
  search: string;
  page: number;
}

/** The activity log's filters: an event type and one object's `lago_id` ('' for all), and a page. */
export interface ActivityFilters {
  type: string;
  object: string;
  page: number;
}

export const paths = {
  overview: (): string => '/',
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
  customers(filters: Partial<CustomerListFilters> = {}): string {
    const query = new URLSearchParams();
    if (filters.search) query.set('search', filters.search);
    if (filters.page && filters.page > 1) query.set('page', String(filters.page));
    const text = query.toString();
    return `/customers${text ? `?${text}` : ''}`;
  },
  customer: (externalId: string): string => `/customer/${encodeURIComponent(externalId)}`,
  invoiceDiscounts: (externalInvoiceId?: string): string =>
    externalInvoiceId ? `/invoice-discounts?invoice=${encodeURIComponent(externalInvoiceId)}` : '/invoice-discounts',
  webhooks: (): string => '/webhooks',
  webhookEndpoint: (lagoId: string): string => `/webhook/${encodeURIComponent(lagoId)}`,
  activity(filters: Partial<ActivityFilters> = {}): string {
    const query = new URLSearchParams();
    if (filters.type) query.set('type', filters.type);
    if (filters.object) query.set('object', filters.object);
    if (filters.page && filters.page > 1) query.set('page', String(filters.page));
    const text = query.toString();
    return `/activity${text ? `?${text}` : ''}`;
  },
  settings: (): string => '/settings',
  /** The one-time link an invitation is accepted at; the only page shown without a session. */
  invitation: (token: string): string => `/invitations/${encodeURIComponent(token)}`,
};

export type Route =
  | { page: 'overview' }
  | { page: 'coupons'; filters: CouponListFilters }
  | { page: 'newCoupon' }
  | { page: 'coupon'; code: string }
  | { page: 'editCoupon'; code: string }
  | { page: 'promotionCodes'; filters: PromotionCodeListFilters }
  | { page: 'customers'; filters: CustomerListFilters }
  | { page: 'customer'; externalId: string }
  | { page: 'invoiceDiscounts'; externalInvoiceId: string }
  | { page: 'webhooks' }
  | { page: 'webhookEndpoint'; lagoId: string }
  | { page: 'activity'; filters: ActivityFilters }
  | { page: 'settings' }
  | { page: 'invitation'; token: string }
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

function activityFilters(search: string): ActivityFilters {
  const params = new URLSearchParams(search);
  return {
    type: params.get('type') ?? '',
    object: params.get('object') ?? '',
    page: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
  };
}

function customerFilters(search: string): CustomerListFilters {
  const params = new URLSearchParams(search);
  return { search: params.get('search') ?? '', page: Math.max(1, Number(params.get('page')) || 1) };
}

/** `/prefix/<one encoded segment>` → the decoded segment, or null. */
function segmentAfter(prefix: string, path: string): string | null {
  const match = new RegExp(`^/${prefix}/([^/]+)$`).exec(path);
  return match ? decodeSegment(match[1]) : null;
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
  if (path === '/') return { page: 'overview' };
  if (path === '/coupons') return { page: 'coupons', filters: listFilters(search) };
  if (path === '/coupons/new') return { page: 'newCoupon' };
  if (path === '/promotion-codes') return { page: 'promotionCodes', filters: promotionCodeFilters(search) };
  if (path === '/customers') return { page: 'customers', filters: customerFilters(search) };
  if (path === '/invoice-discounts') {
    return { page: 'invoiceDiscounts', externalInvoiceId: new URLSearchParams(search).get('invoice') ?? '' };
  }
  if (path === '/webhooks') return { page: 'webhooks' };
  if (path === '/activity') return { page: 'activity', filters: activityFilters(search) };
  if (path === '/settings') return { page: 'settings' };
  const externalId = segmentAfter('customer', path);
  if (externalId !== null) return { page: 'customer', externalId };
  const lagoId = segmentAfter('webhook', path);
  if (lagoId !== null) return { page: 'webhookEndpoint', lagoId };
  const token = segmentAfter('invitations', path);
  if (token !== null) return { page: 'invitation', token };
  const match = /^\/coupon\/([^/]+)(\/edit)?$/.exec(path);
  const code = match ? decodeSegment(match[1]) : null;
  if (match && code !== null) return match[2] ? { page: 'editCoupon', code } : { page: 'coupon', code };
  return { page: 'notFound' };
}
