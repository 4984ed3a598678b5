import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Coupon } from '../api/types';
import { useApi } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Dialog, DialogActions } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import { codeMessage, fieldErrorText } from './error-messages';

/** Applies the coupon with its own values; customer errors go on the field, coupon errors above it. */
export function ApplyCouponDialog({ coupon, onApplied, onClose }: {
  coupon: Coupon;
  onApplied: (customer: string) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const [customer, setCustomer] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const externalId = customer.trim();
    setFieldError(externalId ? undefined : fieldErrorText({ external_customer_id: ['value_is_mandatory'] }, 'external_customer_id'));
    setFormError(null);
    if (!externalId) return;
    setBusy(true);
    try {
      await api.send('POST', '/applied_coupons', {
        applied_coupon: { external_customer_id: externalId, coupon_code: coupon.code },
      });
      onApplied(externalId);
    } catch (error) {
      setBusy(false);
      if (!(error instanceof ApiError)) {
        setFormError('Unexpected error. Please try again.');
      } else if (error.code === 'customer_not_found') {
        setFieldError(codeMessage(error.code, error.message));
      } else {
        const details = Object.keys(error.details).map((field) => fieldErrorText(error.details, field));
        setFormError(details.length ? details.join('. ') : codeMessage(error.code, error.message));
      }
    }
  };

  return (
    <Dialog
      title={`Apply ${coupon.code}`}
      onClose={onClose}
      actions={<DialogActions onCancel={onClose} busy={busy} label="Apply coupon" busyLabel="Applying…" onAction={() => void submit()} />}
    >
      <form onSubmit={submit} noValidate className="form-fields">
        <p className="dialog-text">The customer gets the coupon’s discount on their next invoices.</p>
        {formError && <Alert tone="danger">{formError}</Alert>}
        <TextField
          label="Customer external ID"
          value={customer}
          onChange={setCustomer}
          error={fieldError}
          placeholder="cus_12345"
        />
      </form>
    </Dialog>
  );
}
