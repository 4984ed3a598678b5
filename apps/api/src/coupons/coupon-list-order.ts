/**
 * The coupon list's order, written once: the list pages, the entity's index and the migrations that build
 * that index all derive from it. Lago's order: active first, no_expiration first, expiration_at
 * ascending, newest first; id breaks ties.
 */
export const COUPON_LIST_ORDER = [
  { column: 'status', property: 'status', direction: 'ASC' },
  { column: 'expiration', property: 'expiration', direction: 'ASC' },
  { column: 'expiration_at', property: 'expirationAt', direction: 'ASC' },
  { column: 'created_at', property: 'createdAt', direction: 'DESC' },
  { column: 'id', property: 'id', direction: 'DESC' },
] as const;

/**
 * `idx_coupons_list_order`: one organization's live coupons, then the list order, so that a page is read
 * straight from the index.
 */
export const COUPON_LIST_INDEX = [
  { column: 'organization_id', property: 'organizationId', direction: 'ASC' },
  { column: 'deleted_at', property: 'deletedAt', direction: 'ASC' },
  ...COUPON_LIST_ORDER,
] as const;
