import { addError, nameError, passwordError, type FieldErrors } from '@coupons/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { fieldErrorText } from '../coupons/error-messages';
import { Link, navigate } from '../router';
import { paths } from '../routes';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { DateTime } from '../ui/DateTime';
import { TextField } from '../ui/fields';
import { ErrorState, LoadingState } from '../ui/states';
import { authApi } from './auth-api';
import type { InvitationPreviewResponse } from './auth-types';
import { OPERATOR_MESSAGES, PASSWORD_HINT, ROLE_DESCRIPTIONS, ROLE_LABELS } from './messages';
import './auth.css';

/** Why a link can no longer be used, by the code the server answers. */
const UNUSABLE: Record<string, { title: string; text: string }> = {
  invitation_not_found: {
    title: 'This invitation link is not valid',
    text: 'It may have been mistyped or revoked. Ask an admin of your organization for a new one.',
  },
  invitation_expired: {
    title: 'This invitation has expired',
    text: 'Invitations are valid for a week. Ask an admin of your organization for a new one.',
  },
  invitation_already_used: {
    title: 'This invitation has already been used',
    text: 'If you accepted it, sign in with your email address and password.',
  },
};

function unusableReason(error: unknown): { title: string; text: string } | null {
  return error instanceof ApiError && error.code ? (UNUSABLE[error.code] ?? null) : null;
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="signin">
      <section className="card" aria-labelledby="invitation-title">
        <div className="card-body">
          <div className="signin-head">
            <span className="brand-mark" aria-hidden="true">%</span>
            <h1 className="page-title" id="invitation-title">{title}</h1>
          </div>
          {children}
        </div>
      </section>
    </main>
  );
}

function Unusable({ reason }: { reason: { title: string; text: string } }) {
  return (
    <Frame title={reason.title}>
      <div className="form-fields">
        <p className="invitation-text">{reason.text}</p>
        <Link className="btn btn-primary" to={paths.overview()}>
          Go to sign-in
        </Link>
      </div>
    </Frame>
  );
}

/** The page behind an invitation link: whoever holds it creates their account and is signed in. */
export function AcceptInvitationPage({ token }: { token: string }) {
  const invitation = useResource(() => authApi.invitation(token), token);
  const [refused, setRefused] = useState<{ title: string; text: string } | null>(null);

  if (invitation.loading) {
    return (
      <main className="signin">
        <LoadingState label="Loading the invitation…" />
      </main>
    );
  }
  const reason = refused ?? unusableReason(invitation.error);
  if (reason) return <Unusable reason={reason} />;
  if (invitation.error || !invitation.data) {
    return (
      <main className="signin">
        <ErrorState message="The invitation could not be loaded." onRetry={invitation.reload} />
      </main>
    );
  }
  return <AcceptForm token={token} invitation={invitation.data.invitation} onRefused={setRefused} />;
}

function AcceptForm({
  token,
  invitation,
  onRefused,
}: {
  token: string;
  invitation: InvitationPreviewResponse['invitation'];
  onRefused: (reason: { title: string; text: string }) => void;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    const badName = nameError(name);
    if (badName) addError(found, 'name', badName);
    const weak = passwordError(password);
    if (weak) addError(found, 'password', weak);
    else if (confirmation !== password) addError(found, 'password_confirmation', 'value_is_invalid');
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await authApi.acceptInvitation(token, { name: name.trim(), password });
      // The server set the session cookie: the dashboard picks it up on its start page.
      navigate(paths.overview(), { replace: true });
    } catch (error) {
      setBusy(false);
      const reason = unusableReason(error);
      if (reason) return onRefused(reason);
      setErrors(error instanceof ApiError ? error.details : {});
      if (!(error instanceof ApiError) || Object.keys(error.details).length === 0) {
        setProblem(`Could not accept the invitation: ${error instanceof Error ? error.message : 'unknown error'}`);
      }
    }
  };

  const fieldError = (field: string) => fieldErrorText(errors, field, OPERATOR_MESSAGES);
  return (
    <Frame title={`Join ${invitation.organization_name}`}>
      <dl className="invitation-facts">
        <div>
          <dt>Organization</dt>
          <dd>{invitation.organization_name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{invitation.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>
            {ROLE_LABELS[invitation.role]} — {ROLE_DESCRIPTIONS[invitation.role]}
          </dd>
        </div>
        <div>
          <dt>Link valid until</dt>
          <dd>
            <DateTime value={invitation.expires_at} />
          </dd>
        </div>
      </dl>
      <form className="form-fields" onSubmit={submit} noValidate aria-label="Create your account">
        <TextField label="Your name" autoComplete="name" autoFocus value={name} onChange={setName} error={fieldError('name')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          value={password}
          onChange={setPassword}
          error={fieldError('password')}
        />
        <TextField
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={setConfirmation}
          error={fieldError('password_confirmation')}
        />
        {problem && <Alert tone="danger">{problem}</Alert>}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Creating your account…' : 'Accept and sign in'}
        </Button>
      </form>
    </Frame>
  );
}
