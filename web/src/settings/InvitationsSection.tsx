import { useState } from 'react';
import { useResource } from '../api/use-resource';
import { operatorFailure, ROLE_LABELS } from '../auth/messages';
import { useApi } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { DateTime } from '../ui/DateTime';
import { EmptyState } from '../ui/states';
import { InviteDialog } from './InviteDialog';
import { OneTimeSecret } from './OneTimeSecret';
import type { CreatedInvitationResponse, Invitation, InvitationListResponse } from './settings-types';
import { ResourceView } from '../ui/ResourceView';
import { Card } from '../ui/Card';

/** Invitations waiting to be accepted, the "Invite" action, and the link of the one just created. */
export function InvitationsSection() {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const [inviting, setInviting] = useState(false);
  const [created, setCreated] = useState<CreatedInvitationResponse['invitation'] | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const list = useResource(() => api.get<InvitationListResponse>('/invitations'), String(version));

  const revoke = async (invitation: Invitation) => {
    setNotice(null);
    try {
      await api.send('DELETE', `/invitations/${encodeURIComponent(invitation.lago_id)}`);
      setNotice({ tone: 'success', text: `The invitation of ${invitation.email} was revoked: its link no longer works.` });
      if (created?.lago_id === invitation.lago_id) setCreated(null);
    } catch (error) {
      setNotice({ tone: 'danger', text: operatorFailure(error, 'The invitation could not be revoked.') });
    }
    setVersion((v) => v + 1);
  };

  const body = (
    <ResourceView
      resource={list}
      loading="Loading invitations…"
      failed="Invitations could not be loaded."
      isEmpty={(data) => data.invitations.length === 0}
      empty={<EmptyState title="No pending invitations">Invite someone to give them an account in this organization.</EmptyState>}
    >
      {(data) => (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Email</th>
                <th>Role</th>
                <th>Invited</th>
                <th>Link valid until</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.invitations.map((invitation) => (
                <tr key={invitation.lago_id}>
                  <td className="cell-primary">{invitation.email}</td>
                  <td>{ROLE_LABELS[invitation.role]}</td>
                  <td>
                    <DateTime value={invitation.created_at} />
                  </td>
                  <td>
                    <DateTime value={invitation.expires_at} />
                  </td>
                  <td className="num">
                    <Button size="sm" variant="ghost-danger" aria-label={`Revoke the invitation of ${invitation.email}`} onClick={() => revoke(invitation)}>
                      Revoke
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
    <Card
      titleId="settings-invitations-title"
      title="Invitations"
      actions={
        <Button variant="primary" onClick={() => setInviting(true)}>
          Invite
        </Button>
      }
    >
      {created && (
        <OneTimeSecret
          label={`Invitation link for ${created.email} (${ROLE_LABELS[created.role].toLowerCase()})`}
          value={new URL(created.accept_url, window.location.origin).href}
          note="Send this link to them yourself. It is shown only once, works once, and expires in a week."
          onDone={() => setCreated(null)}
        />
      )}
      {notice && (
        <div className="settings-notice">
          <Alert tone={notice.tone}>{notice.text}</Alert>
        </div>
      )}
      {body}
      {inviting && (
        <InviteDialog
          onClose={() => setInviting(false)}
          onInvited={(invitation) => {
            setInviting(false);
            setNotice(null);
            setCreated(invitation);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Card>
  );
}
