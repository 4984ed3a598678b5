import { invitationErrors, OPERATOR_ROLES, type FieldErrors, type OperatorRole } from '@coupons/domain';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { OPERATOR_MESSAGES, operatorFailure, ROLE_DESCRIPTIONS, ROLE_LABELS } from '../auth/messages';
import { useApi } from '../auth/session';
import { fieldErrorText } from '../coupons/error-messages';
import { Alert } from '../ui/Alert';
import { Dialog, DialogActions } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/fields';
import type { CreatedInvitationResponse } from './settings-types';

const ROLE_OPTIONS = OPERATOR_ROLES.map((role) => ({ value: role, label: `${ROLE_LABELS[role]} — ${ROLE_DESCRIPTIONS[role]}` }));

/** Invites an email address with a role; the answer holds the one-time link, handed to `onInvited`. */
export function InviteDialog({ onClose, onInvited }: { onClose: () => void; onInvited: (created: CreatedInvitationResponse['invitation']) => void }) {
  const api = useApi();
  const [email, setEmail] = useState('');
  // The least power by default: an admin raises it on purpose.
  const [role, setRole] = useState<OperatorRole>('viewer');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invitation = { email: email.trim(), role };
    const found = invitationErrors(invitation);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onInvited((await api.send<CreatedInvitationResponse>('POST', '/invitations', { invitation })).invitation);
    } catch (error) {
      setBusy(false);
      const details = error instanceof ApiError ? error.details : {};
      setErrors(details);
      if (!details.email && !details.role) setProblem(operatorFailure(error, 'The invitation could not be created.'));
    }
  };

  return (
    <Dialog
      title="Invite someone"
      onClose={onClose}
      actions={<DialogActions onCancel={onClose} busy={busy} label="Create invitation" busyLabel="Inviting…" form="invite-form" />}
    >
      <form id="invite-form" className="form-fields" onSubmit={submit} noValidate>
        <p className="dialog-text">You get a link valid for a week to send them yourself; it is shown only once.</p>
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={fieldErrorText(errors, 'email', OPERATOR_MESSAGES)}
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(value) => setRole(value as OperatorRole)}
          options={ROLE_OPTIONS}
          error={fieldErrorText(errors, 'role', OPERATOR_MESSAGES)}
        />
        {problem && <Alert tone="danger">{problem}</Alert>}
      </form>
    </Dialog>
  );
}
