import { useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { Link, navigate } from '../router';
import { paths, type CustomerListFilters } from '../routes';
import { DateTime } from '../ui/DateTime';
import { TextField } from '../ui/fields';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import type { Customer, CustomerListResponse } from './customer-types';
import { Pagination } from '../ui/Pagination';

const PER_PAGE = 20;
const SEARCH_DELAY_MS = 300;

/** The external id is a real link for keyboards; the whole row is clickable for the mouse. */
function CustomersTable({ customers }: { customers: Customer[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-clickable">
        <thead>
          <tr>
            <th>External ID</th>
            <th>Name</th>
            <th>Currency</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr key={customer.lago_id} onClick={() => navigate(paths.customer(customer.external_id))}>
              <td>
                <Link className="mono cell-primary" to={paths.customer(customer.external_id)} onClick={(e) => e.stopPropagation()}>
                  {customer.external_id}
                </Link>
              </td>
              <td>{customer.name ?? <span className="muted">—</span>}</td>
              <td>{customer.currency ?? <span className="muted">—</span>}</td>
              <td><DateTime value={customer.created_at} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `filters` are read from the URL; a change replaces the URL, so typing a search does not stack history entries. */
export function CustomersPage({ filters: query }: { filters: CustomerListFilters }) {
  const api = useApi();
  const update = (patch: Partial<CustomerListFilters>) =>
    navigate(paths.customers({ ...query, page: 1, ...patch }), { replace: true });
  const [term, setTerm] = useState(query.search);
  // Applies the search to the filters as they are when the timer fires, not as they were when it started.
  const applySearch = useEffectEvent((search: string) => update({ search }));

  useEffect(() => {
    if (term.trim() === query.search) return;
    const timer = setTimeout(() => applySearch(term.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term, query.search]);

  const list = useResource(
    () => api.get<CustomerListResponse>('/customers', { page: query.page, per_page: PER_PAGE, search: query.search || undefined }),
    JSON.stringify(query),
  );

  let body;
  if (list.loading && !list.data) body = <LoadingState label="Loading customers…" />;
  else if (list.error) {
    body = (
      <ErrorState
        message={list.error instanceof ApiError ? list.error.message : 'The customers could not be loaded.'}
        onRetry={list.reload}
      />
    );
  } else if (list.data && list.data.customers.length === 0) {
    body = query.search ? (
      <EmptyState title={`No customer matches “${query.search}”`}>Search part of an external ID or a name, in any case.</EmptyState>
    ) : (
      <EmptyState title="No customers yet">
        Your billing system creates customers with <span className="mono">POST /api/v1/customers</span>; they show here.
      </EmptyState>
    );
  } else if (list.data) {
    const { meta } = list.data;
    body = (
      <>
        <CustomersTable customers={list.data.customers} />
        <Pagination meta={meta} noun={['customer', 'customers']} onPage={(page) => update({ page })} />
      </>
    );
  }

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Customers</h1>
          <p className="page-subtitle">The customers your billing system sent, and the coupons applied to them.</p>
        </div>
      </div>
      <div className="card">
        <div className="toolbar" role="search">
          <TextField label="Search" type="search" placeholder="External ID or name" value={term} onChange={setTerm} />
        </div>
        {body}
      </div>
    </div>
  );
}
