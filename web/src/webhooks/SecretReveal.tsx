import { useState } from 'react';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Field } from '../ui/fields';

/**
 * A signing secret the API shows once (on create and rotation): readable, selectable and copyable here, and
 * never again, so the page says so plainly.
 */
export function SecretReveal({ secret }: { secret: string }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copyToClipboard = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <div className="form-fields">
      <Alert tone="info">Copy the signing secret now: it is shown only this once. Receivers verify each webhook with it.</Alert>
      <Field
        label="Signing secret"
        hint={copy === 'copied' ? 'Copied to the clipboard.' : copy === 'failed' ? 'The browser refused to copy: select the secret and copy it.' : undefined}
      >
        {(control) => (
          <div className="secret-row">
            <input className="input mono" readOnly value={secret} onFocus={(e) => e.target.select()} {...control} />
            <Button onClick={() => void copyToClipboard()}>{copy === 'copied' ? 'Copied' : 'Copy'}</Button>
          </div>
        )}
      </Field>
    </div>
  );
}
