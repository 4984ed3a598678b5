import { useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from '../api/client';
import type { CouponListResponse } from '../api/types';
import { useResource } from '../api/use-resource';
import { useApi, useCan } from '../auth/session';
import { Link, navigate } from '../router';
import { paths, type CouponListFilters } from '../routes';
import { SelectField, TextField } from '../ui/fields';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { CouponsTable } from './CouponsTable';
import { STATUS_OPTIONS } from './labels';
import { Pagination } from '../ui/Pagination';

const PER_PAGE = 20;
const SEARCH_DELAY_MS = 300;

/** `filters` are read from the URL; a change replaces the URL, so typing a search does not stack history entries. */
export function CouponsListPage({ filters: query }: { filters: CouponListFilters }) {
  const api = useApi();
  const canOperate = useCan('operate');
  const update = (patch: Partial<CouponListFilters>) =>
    navigate(paths.coupons({ ...query, page: 1, ...patch }), { replace: true });
  const [term, setTerm] = useState(query.search);
  // Applies the search to the filters as they are when the timer fires, not as they were when it started.
  const applySearch = useEffectEvent((search: string) => update({ search }));

  useEffect(() => {
    if (term.trim() === query.search) return;
    const timer = setTimeout(() => applySearch(term.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term, query.search, query.status]);

  const list = useResource(
    () =>
      api.get<CouponListResponse>('/coupons', {
        page: query.page,
        per_page: PER_PAGE,
        status: query.status || undefined,
        search_term: query.search || undefined,
      }),
    JSON.stringify(query),
  );
  const filtered = query.status !== '' || query.search !== '';

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Coupons</h1>
          <p className="page-subtitle">Discounts you can apply to your customers’ invoices.</p>
        </div>
        {canOperate && (
          <Link className="btn btn-primary" to={paths.newCoupon()}>
            + New coupon
          </Link>
        )}
      </div>
      <div className="card">
        <div className="toolbar" role="search">
          <TextField
            label="Search"
            type="search"
            placeholder="Code or name"
            value={term}
            onChange={setTerm}
          />
          <div className="field-status">
            <SelectField
              label="Status"
              value={query.status}
              onChange={(status) => update({ status })}
              options={[{ value: '', label: 'All statuses' }, ...STATUS_OPTIONS]}
            />
          </div>
        </div>
        {list.loading && !list.data ? (
          <LoadingState label="Loading coupons…" />
        ) : list.error ? (
          <ErrorState
            message={list.error instanceof ApiError ? list.error.message : 'The coupons could not be loaded.'}
            onRetry={list.reload}
          />
        ) : list.data && list.data.coupons.length === 0 ? (
          filtered ? (
            <EmptyState title="No coupon matches">Try another search or status.</EmptyState>
          ) : (
            <EmptyState title="No coupons yet">
              {canOperate && (
                <>
                  Create your first coupon to offer a discount.
                  <Link className="btn btn-primary" to={paths.newCoupon()}>
                    + New coupon
                  </Link>
                </>
              )}
            </EmptyState>
          )
        ) : list.data ? (
          <>
            <CouponsTable coupons={list.data.coupons} />
            <Pagination meta={list.data.meta} noun={['coupon', 'coupons']} onPage={(page) => update({ ...query, page })} />
          </>
        ) : null}
      </div>
    </div>
  );
}
