import { apiKeyNameError, type FieldErrors } from '@coupons/domain';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { OPERATOR_MESSAGES, operatorFailure } from '../auth/messages';
import { useApi } from '../auth/session';
import { fieldErrorText } from '../coupons/error-messages';
import { Alert } from '../ui/Alert';
import { Dialog, DialogActions } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import type { CreatedApiKeyResponse } from './settings-types';

/** Creates a key with an optional label; the answer holds its value, handed to `onCreated` to show once. */
export function CreateApiKeyDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (key: CreatedApiKeyResponse['api_key']) => void }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const label = name.trim() || null;
    const invalid = apiKeyNameError(label);
    setErrors(invalid ? { name: [invalid] } : {});
    setProblem(null);
    if (invalid) return;
    setBusy(true);
    try {
      onCreated((await api.send<CreatedApiKeyResponse>('POST', '/api_keys', { api_key: { name: label } })).api_key);
    } catch (error) {
      setBusy(false);
      const details = error instanceof ApiError ? error.details : {};
      setErrors(details);
      if (!details.name) setProblem(operatorFailure(error, 'The API key could not be created.'));
    }
  };

  return (
    <Dialog
      title="Create an API key"
      onClose={onClose}
      actions={<DialogActions onCancel={onClose} busy={busy} label="Create key" busyLabel="Creating…" form="api-key-form" />}
    >
      <form id="api-key-form" className="form-fields" onSubmit={submit} noValidate>
        <p className="dialog-text">A key acts as an admin of the organization. Its value is shown only once.</p>
        <TextField
          label="Name"
          optional
          hint="What uses it, e.g. “billing sync”, so you know which key to revoke later."
          autoComplete="off"
          value={name}
          onChange={setName}
          error={fieldErrorText(errors, 'name', OPERATOR_MESSAGES)}
        />
        {problem && <Alert tone="danger">{problem}</Alert>}
      </form>
    </Dialog>
  );
}
