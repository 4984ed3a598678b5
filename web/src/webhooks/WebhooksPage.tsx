import { useState } from 'react';
import { ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { useApi, useCan } from '../auth/session';
import { Link, navigate } from '../router';
import { paths } from '../routes';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { DateTime } from '../ui/DateTime';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { AddEndpointDialog } from './AddEndpointDialog';
import { endpointStatus } from './endpoint-format';
import { EventTypeChips } from './EventTypeChips';
import type { WebhookEndpointListResponse } from './webhooks-types';
import './webhooks.css';
import { Pagination } from '../ui/Pagination';

const PER_PAGE = 20;

/** The organization's webhook endpoints; adding one is for admins (the API refuses other roles anyway). */
export function WebhooksPage() {
  const api = useApi();
  const canAdminister = useCan('administer');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useResource(
    () => api.get<WebhookEndpointListResponse>('/webhook_endpoints', { page, per_page: PER_PAGE }),
    String(page),
  );

  const addButton = canAdminister && (
    <Button variant="primary" onClick={() => setAdding(true)}>
      + Add endpoint
    </Button>
  );

  let body;
  if (list.loading && !list.data) body = <LoadingState label="Loading endpoints…" />;
  else if (list.error || !list.data) {
    body = (
      <ErrorState
        message={list.error instanceof ApiError ? list.error.message : 'The endpoints could not be loaded.'}
        onRetry={list.reload}
      />
    );
  } else if (list.data.webhook_endpoints.length === 0) {
    body = (
      <EmptyState title="No webhook endpoints yet">
        Add one to have every change sent to your systems as it happens.
        {addButton}
      </EmptyState>
    );
  } else {
    const { meta } = list.data;
    body = (
      <>
        <div className="table-wrap">
          <table className="table table-clickable">
            <thead>
              <tr>
                <th>URL</th>
                <th>Events</th>
                <th>Status</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {list.data.webhook_endpoints.map((endpoint) => {
                const status = endpointStatus(endpoint.status);
                return (
                  <tr key={endpoint.lago_id} onClick={() => navigate(paths.webhookEndpoint(endpoint.lago_id))}>
                    <td className="url-cell">
                      <Link className="mono cell-primary" to={paths.webhookEndpoint(endpoint.lago_id)} onClick={(e) => e.stopPropagation()}>
                        {endpoint.url}
                      </Link>
                      {endpoint.description && <div className="cell-sub">{endpoint.description}</div>}
                    </td>
                    <td><EventTypeChips endpoint={endpoint} /></td>
                    <td><Badge tone={status.tone}>{status.label}</Badge></td>
                    <td><DateTime value={endpoint.created_at} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Pagination meta={meta} noun={['endpoint', 'endpoints']} onPage={setPage} />
      </>
    );
  }

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Webhooks</h1>
          <p className="page-subtitle">Endpoints that receive your organization’s events as signed HTTP POSTs.</p>
        </div>
        {list.data && list.data.webhook_endpoints.length > 0 && addButton}
      </div>
      <div className="card">{body}</div>
      {adding && (
        <AddEndpointDialog
          onClose={() => setAdding(false)}
          onDone={(endpoint) => navigate(paths.webhookEndpoint(endpoint.lago_id))}
        />
      )}
    </div>
  );
}
