import { addError, passwordError, type FieldErrors } from '@coupons/domain';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { authApi } from '../auth/auth-api';
import { OPERATOR_MESSAGES, operatorFailure, PASSWORD_HINT } from '../auth/messages';
import { useSession } from '../auth/session';
import { fieldErrorText } from '../coupons/error-messages';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/fields';
import { Card } from '../ui/Card';

const EMPTY = { current: '', next: '', confirmation: '' };

/** Any operator changes their own password; the server then signs out their other sessions. */
export function ChangePasswordSection() {
  const { csrfToken, refresh } = useSession();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof EMPTY>) => setValues((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.current) addError(found, 'current_password', 'value_is_mandatory');
    const weak = passwordError(values.next);
    if (weak) addError(found, 'new_password', weak);
    else if (values.confirmation !== values.next) addError(found, 'password_confirmation', 'value_is_invalid');
    setErrors(found);
    setResult(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await authApi.changePassword(csrfToken, { current_password: values.current, new_password: values.next });
      setValues(EMPTY);
      setResult({ tone: 'success', text: 'Password changed. Your other sessions were signed out.' });
    } catch (error) {
      // The session itself is over (signed out elsewhere, idle): reading it again leads to the sign-in page.
      if (error instanceof ApiError && error.status === 401) return refresh();
      const details = error instanceof ApiError ? error.details : {};
      setErrors(details);
      if (Object.keys(details).length === 0) setResult({ tone: 'danger', text: operatorFailure(error, 'The password could not be changed.') });
    }
    setBusy(false);
  };

  const fieldError = (field: string) => fieldErrorText(errors, field, OPERATOR_MESSAGES);
  return (
    <Card titleId="settings-password-title" title="Change password">
      <form className="card-body form-fields settings-password" onSubmit={submit} noValidate aria-labelledby="settings-password-title">
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={values.current}
          onChange={(current) => set({ current })}
          error={fieldError('current_password')}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          value={values.next}
          onChange={(next) => set({ next })}
          error={fieldError('new_password')}
        />
        <TextField
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={values.confirmation}
          onChange={(confirmation) => set({ confirmation })}
          error={fieldError('password_confirmation')}
        />
        {result && <Alert tone={result.tone}>{result.text}</Alert>}
        <div>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
