import { useState, type FormEvent } from 'react';
import { ApiError, createApiClient } from '../api/client';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/fields';

/** Checks the key with the cheapest authenticated call before keeping it. */
export function SignInPage({ onSignedIn }: { onSignedIn: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = key.trim();
    setMissing(!trimmed);
    if (!trimmed) return;
    setBusy(true);
    setError(null);
    try {
      await createApiClient(trimmed).get('/coupons', { per_page: 1 });
      onSignedIn(trimmed);
    } catch (err) {
      setBusy(false);
      setError(
        err instanceof ApiError && err.status === 401
          ? 'This API key was not recognised. Check it and try again.'
          : `Could not sign in: ${err instanceof Error ? err.message : 'unknown error'}`,
      );
    }
  };

  return (
    <main className="signin">
      <form className="card" onSubmit={submit} noValidate>
        <div className="card-body">
          <div className="signin-head">
            <span className="brand-mark" aria-hidden="true">%</span>
            <h1 className="page-title">Sign in to Coupons</h1>
            <p>Use an API key of your organization. It is kept only for this browser tab.</p>
          </div>
          <div className="form-fields">
            <TextField
              label="API key"
              type="password"
              autoComplete="off"
              autoFocus
              value={key}
              onChange={setKey}
              error={missing ? 'Enter your API key.' : undefined}
            />
            {error && <Alert tone="danger">{error}</Alert>}
            <Button type="submit" variant="primary" disabled={busy}>
              {busy ? 'Checking…' : 'Sign in'}
            </Button>
          </div>
        </div>
      </form>
    </main>
  );
}
