import { OPERATOR_ROLES, type FieldErrors, type OperatorRole } from '@coupons/domain';
import { useId, useState } from 'react';
import { ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import type { Operator } from '../auth/auth-types';
import { OPERATOR_MESSAGES, operatorFailure, ROLE_LABELS } from '../auth/messages';
import { useSession } from '../auth/session';
import { fieldErrorText } from '../coupons/error-messages';
import { Alert } from '../ui/Alert';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DateTime } from '../ui/DateTime';
import { EmptyState } from '../ui/states';
import type { UserListResponse, UserResponse } from './settings-types';
import { ResourceView } from '../ui/ResourceView';
import { Card } from '../ui/Card';

const userPath = (lagoId: string): string => `/users/${encodeURIComponent(lagoId)}`;

/** A role picker in a table row: it saves on change, and a refusal (the last admin) shows right under it. */
function RoleSelect({ user, onChanged }: { user: Operator; onChanged: (user: Operator) => void }) {
  const { api } = useSession();
  const errorId = useId();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const change = async (role: OperatorRole) => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged((await api.send<UserResponse>('PUT', userPath(user.lago_id), { user: { role } })).user);
    } catch (err) {
      const details: FieldErrors = err instanceof ApiError ? err.details : {};
      setError(fieldErrorText(details, 'role', OPERATOR_MESSAGES) ?? operatorFailure(err, 'The role could not be changed.'));
    }
    setBusy(false);
  };

  return (
    <div className="role-cell">
      <select
        className="select"
        aria-label={`Role of ${user.email}`}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        value={user.role}
        disabled={busy}
        onChange={(event) => void change(event.target.value as OperatorRole)}
      >
        {OPERATOR_ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}

/** The organization's operators: change a role, or remove someone (signed out everywhere at once). */
export function UsersSection() {
  const { api, user: me, refresh } = useSession();
  const [version, setVersion] = useState(0);
  const [removing, setRemoving] = useState<Operator | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useResource(() => api.get<UserListResponse>('/users'), String(version));

  const changed = (user: Operator) => {
    setNotice(`${user.email} is now ${ROLE_LABELS[user.role].toLowerCase()}.`);
    setVersion((v) => v + 1);
    // Operators who change their own role see the dashboard of their new role at once.
    if (user.lago_id === me.lago_id) refresh();
  };
  const remove = async (user: Operator) => {
    try {
      await api.send('DELETE', userPath(user.lago_id));
    } catch (error) {
      throw new Error(operatorFailure(error, 'This person could not be removed.'), { cause: error });
    }
    setRemoving(null);
    setNotice(`${user.email} was removed and signed out.`);
    setVersion((v) => v + 1);
  };

  const body = (
    <ResourceView
      resource={list}
      loading="Loading people…"
      failed="People could not be loaded."
      isEmpty={(data) => data.users.length === 0}
      empty={<EmptyState title="Nobody has an account yet">Invite someone below.</EmptyState>}
    >
      {(data) => (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Member since</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((user) => (
                <tr key={user.lago_id}>
                  <td className="cell-primary">
                    {user.name || '—'} {user.lago_id === me.lago_id && <Badge tone="neutral">You</Badge>}
                  </td>
                  <td>{user.email}</td>
                  <td>
                    <RoleSelect key={`${user.lago_id}:${user.role}`} user={user} onChanged={changed} />
                  </td>
                  <td>
                    <DateTime value={user.created_at} />
                  </td>
                  <td className="num">
                    <Button size="sm" variant="ghost-danger" aria-label={`Remove ${user.email}`} onClick={() => setRemoving(user)}>
                      Remove
                    </Button>
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
    <Card titleId="settings-users-title" title="People">
      {notice && (
        <div className="settings-notice">
          <Alert tone="success">{notice}</Alert>
        </div>
      )}
      {body}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.email}?`}
          confirmLabel="Remove"
          onClose={() => setRemoving(null)}
          onConfirm={() => remove(removing)}
        >
          {removing.lago_id === me.lago_id
            ? 'This is your own account: you are signed out at once and can no longer sign in.'
            : 'They are signed out everywhere at once and can no longer sign in. Their past actions stay in the activity log.'}
        </ConfirmDialog>
      )}
    </Card>
  );
}
