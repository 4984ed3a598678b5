import { useState } from 'react';
import { useResource } from '../api/use-resource';
import { operatorFailure } from '../auth/messages';
import { useApi } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DateTime } from '../ui/DateTime';
import { EmptyState } from '../ui/states';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { OneTimeSecret } from './OneTimeSecret';
import type { ApiKey, ApiKeyListResponse, CreatedApiKeyResponse } from './settings-types';
import { ResourceView } from '../ui/ResourceView';
import { Card } from '../ui/Card';

const keyLabel = (key: ApiKey): string => key.name ?? `Unnamed key (${key.lago_id.slice(0, 8)})`;

/** The organization's API keys: create one (its value shown once) or revoke one after confirmation. */
export function ApiKeysSection() {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKeyResponse['api_key'] | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useResource(() => api.get<ApiKeyListResponse>('/api_keys'), String(version));

  const revoke = async (key: ApiKey) => {
    try {
      await api.send('DELETE', `/api_keys/${encodeURIComponent(key.lago_id)}`);
    } catch (error) {
      throw new Error(operatorFailure(error, 'The API key could not be revoked.'), { cause: error });
    }
    setRevoking(null);
    if (created?.lago_id === key.lago_id) setCreated(null);
    setNotice(`${keyLabel(key)} was revoked: requests with it are refused from now on.`);
    setVersion((v) => v + 1);
  };

  const body = (
    <ResourceView
      resource={list}
      loading="Loading API keys…"
      failed="API keys could not be loaded."
      isEmpty={(data) => data.api_keys.length === 0}
      empty={<EmptyState title="No API keys yet">Create one for each program that calls the API.</EmptyState>}
    >
      {(data) => (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Created</th>
                <th>Status</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.api_keys.map((key) => (
                <tr key={key.lago_id}>
                  <td className="cell-primary">{keyLabel(key)}</td>
                  <td>
                    <DateTime value={key.created_at} />
                  </td>
                  <td>
                    {key.revoked_at ? (
                      <>
                        <Badge tone="neutral">Revoked</Badge> <DateTime value={key.revoked_at} />
                      </>
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )}
                  </td>
                  <td className="num">
                    {!key.revoked_at && (
                      <Button size="sm" variant="ghost-danger" aria-label={`Revoke ${keyLabel(key)}`} onClick={() => setRevoking(key)}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ResourceView>
  );

  return (
    <Card
      titleId="settings-api-keys-title"
      title="API keys"
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
          Create API key
        </Button>
      }
    >
      {created && (
        <OneTimeSecret
          label={`Value of ${keyLabel(created)}`}
          value={created.value}
          note="Copy it now and keep it somewhere safe: it is shown only once. Send it as “Authorization: Bearer <key>”."
          onDone={() => setCreated(null)}
        />
      )}
      {notice && (
        <div className="settings-notice">
          <Alert tone="success">{notice}</Alert>
        </div>
      )}
      {body}
      {creating && (
        <CreateApiKeyDialog
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setNotice(null);
            setCreated(key);
            setVersion((v) => v + 1);
          }}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke ${keyLabel(revoking)}?`}
          confirmLabel="Revoke key"
          onClose={() => setRevoking(null)}
          onConfirm={() => revoke(revoking)}
        >
          Every program using this key is refused from now on. This cannot be undone: create a new key to replace it.
        </ConfirmDialog>
      )}
    </Card>
  );
}
