import { addError, emailError, OPERATOR_LIMITS, type FieldErrors } from '@coupons/domain';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { fieldErrorText } from '../coupons/error-messages';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/fields';
import { authApi } from './auth-api';
import type { SessionBody } from './auth-types';
import { OPERATOR_MESSAGES } from './messages';
import './auth.css';

/** One sentence for a wrong email and a wrong password alike: the form must not tell which addresses exist. */
export const WRONG_CREDENTIALS = 'The email address or password is incorrect.';
export const TOO_MANY_ATTEMPTS = `Too many attempts, try again in ${OPERATOR_LIMITS.signInWindowMinutes} minutes.`;

function formProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) return 'Could not sign in: unknown error.';
  if (error.status === 401) return WRONG_CREDENTIALS;
  if (error.status === 429) return TOO_MANY_ATTEMPTS;
  if (Object.keys(error.details).length > 0) return null;
  return `Could not sign in: ${error.message}`;
}

export function SignInPage({ onSignedIn }: { onSignedIn: (session: SessionBody) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    const emailProblem = emailError(email);
    if (emailProblem) addError(found, 'email', emailProblem);
    if (!password) addError(found, 'password', 'value_is_mandatory');
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onSignedIn(await authApi.signIn(email.trim(), password));
    } catch (error) {
      setBusy(false);
      setErrors(error instanceof ApiError ? error.details : {});
      setProblem(formProblem(error));
    }
  };

  const fieldError = (field: string) => fieldErrorText(errors, field, OPERATOR_MESSAGES);
  return (
    <main className="signin">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <div className="card-body">
          <div className="signin-head">
            <span className="brand-mark" aria-hidden="true">%</span>
            <h1 className="page-title" id="sign-in-title">Sign in to Coupons</h1>
            <p>With the email address and password of your operator account.</p>
          </div>
          <div className="form-fields">
            <TextField
              label="Email"
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={setEmail}
              error={fieldError('email')}
            />
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={fieldError('password')}
            />
            {problem && <Alert tone="danger">{problem}</Alert>}
            <Button type="submit" variant="primary" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </Button>
          </div>
          <p className="signin-foot">No account yet? Ask an admin of your organization for an invitation link.</p>
        </div>
      </form>
    </main>
  );
}
