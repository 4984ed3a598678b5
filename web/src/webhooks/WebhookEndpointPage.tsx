import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { useApi, useCan } from '../auth/session';
import { Link, navigate } from '../router';
import { paths } from '../routes';
import { Alert } from '../ui/Alert';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DateTime } from '../ui/DateTime';
import { Dialog } from '../ui/Dialog';
import { ErrorState, LoadingState } from '../ui/states';
import { DeliveriesCard } from './DeliveriesCard';
import { endpointStatus } from './endpoint-format';
import { EventTypeChips } from './EventTypeChips';
import { SecretReveal } from './SecretReveal';
import type { WebhookEndpoint, WebhookEndpointResponse } from './webhooks-types';
import './webhooks.css';

type OpenDialog = 'rotate' | 'delete' | { secret: string } | null;

function failureText(error: unknown, fallback: string): string {
  if (error instanceof ApiError && error.code === 'webhook_endpoint_not_found') return 'This webhook endpoint does not exist, or it was deleted.';
  return error instanceof ApiError ? error.message : fallback;
}

function Item({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'dl-wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One endpoint: its settings, the admin's actions on it (status, secret, delete) and its delivery log. */
export function WebhookEndpointPage({ lagoId }: { lagoId: string }) {
  const api = useApi();
  const canAdminister = useCan('administer');
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/webhook_endpoints/${encodeURIComponent(lagoId)}`;
  const resource = useResource(() => api.get<WebhookEndpointResponse>(path), lagoId);

  if (resource.loading && !resource.data) return <div className="page"><LoadingState /></div>;
  if (!resource.data) {
    return (
      <div className="page">
        <div className="breadcrumb"><Link to={paths.webhooks()}>Webhooks</Link></div>
        <ErrorState message={failureText(resource.error, 'The endpoint could not be loaded.')} onRetry={resource.reload} />
      </div>
    );
  }

  const endpoint: WebhookEndpoint = resource.data.webhook_endpoint;
  const status = endpointStatus(endpoint.status);
  const enabled = endpoint.status === 'enabled';

  const setStatus = async (next: WebhookEndpoint['status']) => {
    setBusy(true);
    setNotice(null);
    try {
      await api.send('PUT', path, { webhook_endpoint: { status: next } });
      setNotice({ tone: 'success', text: next === 'enabled' ? 'Endpoint enabled: new events are sent to it.' : 'Endpoint disabled: no event is sent to it until it is enabled again.' });
      resource.reload();
    } catch (error) {
      setNotice({ tone: 'danger', text: failureText(error, 'The endpoint could not be changed.') });
    } finally {
      setBusy(false);
    }
  };

  // Errors thrown here are shown inside the confirmation dialog, which stays open.
  const rotate = async () => {
    try {
      const answer = await api.send<WebhookEndpointResponse>('POST', `${path}/rotate_secret`);
      setDialog(answer.webhook_endpoint.secret ? { secret: answer.webhook_endpoint.secret } : null);
    } catch (error) {
      throw new Error(failureText(error, 'The secret could not be rotated.'), { cause: error });
    }
  };
  const remove = async () => {
    try {
      await api.send('DELETE', path);
    } catch (error) {
      throw new Error(failureText(error, 'The endpoint could not be deleted.'), { cause: error });
    }
    navigate(paths.webhooks(), { replace: true });
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <div className="breadcrumb"><Link to={paths.webhooks()}>Webhooks</Link></div>
          <div className="page-title-row">
            <h1 className="page-title mono url-cell">{endpoint.url}</h1>
            <Badge tone={status.tone}>{status.label}</Badge>
          </div>
          {endpoint.description && <p className="page-subtitle">{endpoint.description}</p>}
        </div>
        {canAdminister && (
          <div className="page-actions">
            <Button variant="ghost-danger" onClick={() => setDialog('delete')}>Delete</Button>
            <Button onClick={() => setDialog('rotate')}>Rotate secret</Button>
            <Button disabled={busy} onClick={() => void setStatus(enabled ? 'disabled' : 'enabled')}>{enabled ? 'Disable' : 'Enable'}</Button>
          </div>
        )}
      </div>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <section className="card" aria-labelledby="endpoint-details-title">
        <div className="card-header">
          <h2 id="endpoint-details-title">Details</h2>
        </div>
        <div className="card-body">
          <dl className="dl">
            <Item label="Status">{enabled ? 'Enabled' : 'Disabled: nothing is sent until it is enabled again'}</Item>
            <Item label="Created"><DateTime value={endpoint.created_at} /></Item>
            <Item label="ID"><span className="mono muted">{endpoint.lago_id}</span></Item>
            <Item label="Events" wide><EventTypeChips endpoint={endpoint} /></Item>
            <Item label="URL" wide><span className="mono">{endpoint.url}</span></Item>
          </dl>
        </div>
      </section>
      <DeliveriesCard lagoId={endpoint.lago_id} canRedeliver={canAdminister} />

      {dialog === 'rotate' && (
        <ConfirmDialog title="Rotate the signing secret?" confirmLabel="Rotate secret" onClose={() => setDialog(null)} onConfirm={rotate}>
          A new secret signs every webhook from now on. For 24 hours the current one keeps signing beside it, so
          receivers can switch at their own pace.
        </ConfirmDialog>
      )}
      {dialog === 'delete' && (
        <ConfirmDialog title="Delete this endpoint?" confirmLabel="Delete endpoint" onClose={() => setDialog(null)} onConfirm={remove}>
          No event is sent to <span className="mono">{endpoint.url}</span> any more; its pending attempts and its delivery log are deleted.
        </ConfirmDialog>
      )}
      {dialog !== null && typeof dialog === 'object' && (
        <Dialog title="New signing secret" onClose={() => setDialog(null)} actions={<Button variant="primary" onClick={() => setDialog(null)}>Done</Button>}>
          <SecretReveal secret={dialog.secret} />
        </Dialog>
      )}
    </div>
  );
}
