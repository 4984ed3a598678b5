import { useState } from 'react';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { ROLE_LABELS } from './messages';
import { useSession } from './session';
import './auth.css';

/** Who is signed in (email, role, organization) and the way out, at the end of the top bar. */
export function UserMenu() {
  const { user, organization, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const leave = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
    } catch (err) {
      setBusy(false);
      setError(`Could not sign out: ${err instanceof Error ? err.message : 'unknown error'}`);
    }
  };

  return (
    <div className="user-menu">
      <div className="user-menu-who">
        <span className="user-menu-email" title={user.email}>
          {user.email}
        </span>
        <span className="user-menu-role">
          {ROLE_LABELS[user.role]} · {organization.name}
        </span>
      </div>
      <Button variant="ghost" onClick={leave} disabled={busy}>
        Sign out
      </Button>
      {error && <Alert tone="danger">{error}</Alert>}
    </div>
  );
}
