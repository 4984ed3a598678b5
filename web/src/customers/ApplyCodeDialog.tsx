import { useState, type FormEvent } from 'react';
import { useApi } from '../auth/session';
import { Dialog, DialogActions } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import type { Customer } from './customer-types';
import { applyErrorText, type ApplyBy } from './format';

const COPY: Record<ApplyBy, { title: string; label: string; hint: string; placeholder: string; empty: string }> = {
  coupon_code: {
    title: 'Apply a coupon',
    label: 'Coupon code',
    hint: 'The coupon’s own code, as on its page (case-sensitive).',
    placeholder: 'SPRING-25',
    empty: 'Enter the coupon’s code',
  },
  promotion_code: {
    title: 'Apply a promotion code',
    label: 'Promotion code',
    hint: 'A code given to customers; case does not matter. Its own restrictions and limit apply.',
    placeholder: 'SPRING-AB12',
    empty: 'Enter the promotion code',
  },
};

/**
 * Applies a coupon to this customer, named by its coupon code or by one of its promotion codes, with the
 * coupon's own values. Every refusal is about the code, so it shows under the code field.
 */
export function ApplyCodeDialog({ customer, by, onApplied, onClose }: {
  customer: Customer;
  by: ApplyBy;
  onApplied: (code: string) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const copy = COPY[by];
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const value = code.trim();
    setError(value ? undefined : copy.empty);
    if (!value) return;
    setBusy(true);
    try {
      await api.send('POST', '/applied_coupons', { applied_coupon: { external_customer_id: customer.external_id, [by]: value } });
      onApplied(value);
    } catch (failure) {
      setBusy(false);
      setError(applyErrorText(failure, by));
    }
  };

  return (
    <Dialog
      title={copy.title}
      onClose={onClose}
      actions={<DialogActions onCancel={onClose} busy={busy} label="Apply" busyLabel="Applying…" onAction={() => void submit()} />}
    >
      <form onSubmit={submit} noValidate className="form-fields">
        <p className="dialog-text">
          <span className="mono">{customer.external_id}</span> gets the coupon’s discount on their next invoices.
        </p>
        <TextField
          label={copy.label}
          hint={copy.hint}
          value={code}
          onChange={setCode}
          error={error}
          placeholder={copy.placeholder}
          autoComplete="off"
          spellCheck={false}
        />
      </form>
    </Dialog>
  );
}
