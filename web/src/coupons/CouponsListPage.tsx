import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import type { Coupon, PageMeta } from '../api/types';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { Link, navigate, useLocation } from '../router';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/fields';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { CouponsTable } from './CouponsTable';
import { STATUS_OPTIONS } from './labels';

const PER_PAGE = 20;
const SEARCH_DELAY_MS = 300;

/** Filters live in the URL, so reload, back and a shared link all show the same list. */
function useListQuery() {
  const location = useLocation();
  const params = new URLSearchParams(location.split('?')[1] ?? '');
  const query = {
    status: params.get('status') ?? '',
    search: params.get('search') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const update = (patch: Partial<typeof query>) => {
    const next = { ...query, page: 1, ...patch };
    const search = new URLSearchParams();
    if (next.status) search.set('status', next.status);
    if (next.search) search.set('search', next.search);
    if (next.page > 1) search.set('page', String(next.page));
    const text = search.toString();
    navigate(`/coupons${text ? `?${text}` : ''}`, { replace: true });
  };
  return { query, update };
}

export function CouponsListPage() {
  const api = useApi();
  const { query, update } = useListQuery();
  const [term, setTerm] = useState(query.search);

  useEffect(() => {
    if (term.trim() === query.search) return;
    const timer = setTimeout(() => update({ search: term.trim() }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term, query.search, query.status]);

  const list = useResource(
    () =>
      api.get<{ coupons: Coupon[]; meta: PageMeta }>('/coupons', {
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
        <Link className="btn btn-primary" to="/coupons/new">
          + New coupon
        </Link>
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
              Create your first coupon to offer a discount.
              <Link className="btn btn-primary" to="/coupons/new">
                + New coupon
              </Link>
            </EmptyState>
          )
        ) : list.data ? (
          <>
            <CouponsTable coupons={list.data.coupons} />
            <div className="pagination">
              <span aria-live="polite">
                {list.data.meta.total_count} {list.data.meta.total_count === 1 ? 'coupon' : 'coupons'} · page{' '}
                {list.data.meta.current_page} of {Math.max(1, list.data.meta.total_pages)}
              </span>
              <div className="pagination-buttons">
                <Button size="sm" disabled={!list.data.meta.prev_page} onClick={() => update({ ...query, page: query.page - 1 })}>
                  Previous
                </Button>
                <Button size="sm" disabled={!list.data.meta.next_page} onClick={() => update({ ...query, page: query.page + 1 })}>
                  Next
                </Button>
              </div>
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
