import { currencyExponent, type FieldErrors } from '@coupons/domain';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useApi } from '../auth/session';
import { codeMessage, fieldErrorText, humanizeField } from '../coupons/error-messages';
import { CURRENCY_OPTIONS } from '../coupons/form/currency-options';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/fields';
import { DiscountResult } from './DiscountResult';
import type { InvoiceDiscount, InvoiceDiscountResponse } from './invoice-discount-types';
import { initialPreviewValues, newFeeRow, otherErrors, previewBody, PREVIEW_MESSAGES, type FeeRow, type PreviewValues } from './preview-form';

const amountExample = (currency: string) => (currencyExponent(currency) === 0 ? 'e.g. 1500' : `e.g. 12.${'5'.padEnd(currencyExponent(currency), '0')}`);

function FeeRows({ values, amountErrors, onChange }: { values: PreviewValues; amountErrors: Record<number, string>; onChange: (fees: FeeRow[]) => void }) {
  const update = (key: number, patch: Partial<FeeRow>) => onChange(values.fees.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return values.fees.map((row, index) => (
    <fieldset className="plain field" key={row.key}>
      <legend className="field-label">Fee {index + 1}</legend>
      <div className="form-row">
        <TextField label={`Fee ${index + 1} ID`} value={row.id} onChange={(id) => update(row.key, { id })} autoComplete="off" />
        <TextField
          label={`Fee ${index + 1} amount`}
          inputMode="decimal"
          placeholder={amountExample(values.currency)}
          value={row.amount}
          error={amountErrors[row.key]}
          onChange={(amount) => update(row.key, { amount })}
        />
        <TextField label={`Fee ${index + 1} plan code (optional)`} value={row.planCode} onChange={(planCode) => update(row.key, { planCode })} />
        <TextField
          label={`Fee ${index + 1} billable metric code (optional)`}
          value={row.billableMetricCode}
          onChange={(billableMetricCode) => update(row.key, { billableMetricCode })}
        />
      </div>
      {values.fees.length > 1 && (
        <div>
          <Button size="sm" variant="ghost-danger" onClick={() => onChange(values.fees.filter((other) => other.key !== row.key))}>
            Remove fee {index + 1}
          </Button>
        </div>
      )}
    </fieldset>
  ));
}

/**
 * What the customer's coupons would take off an invoice typed in by hand. A preview records nothing:
 * committing belongs to the billing system that owns the invoice, with its own invoice id.
 */
export function PreviewSection() {
  const api = useApi();
  const [values, setValues] = useState<PreviewValues>(initialPreviewValues);
  const [amountErrors, setAmountErrors] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<InvoiceDiscount | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { body, amountErrors: invalidAmounts } = previewBody(values);
    setAmountErrors(invalidAmounts);
    setErrors({});
    setFormError(null);
    setResult(null);
    if (Object.keys(invalidAmounts).length > 0) return;
    setBusy(true);
    try {
      setResult((await api.send<InvoiceDiscountResponse>('POST', '/invoice_discounts/preview', body)).invoice_discount);
    } catch (error) {
      if (!(error instanceof ApiError)) setFormError('Unexpected error. Please try again.');
      else if (error.code === 'customer_not_found') setErrors({ external_customer_id: ['customer_not_found'] });
      else if (Object.keys(error.details).length > 0) setErrors(error.details);
      else setFormError(codeMessage(error.code, error.message));
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => fieldErrorText(errors, field, PREVIEW_MESSAGES);
  const unplaced = otherErrors(errors);

  return (
    <section className="card" aria-labelledby="preview-title">
      <div className="card-header">
        <h2 id="preview-title">Preview a discount</h2>
      </div>
      <div className="card-body form-stack">
        <p className="muted">
          Type an invoice in to see what the customer’s active coupons would take off it. Nothing is recorded: coupons keep
          their remaining amounts and periods.
        </p>
        <form className="form-fields" onSubmit={submit} noValidate aria-labelledby="preview-title">
          {formError && <Alert tone="danger">{formError}</Alert>}
          {unplaced.length > 0 && (
            <Alert tone="danger">
              {unplaced.map((field) => `${humanizeField(field)}: ${errorOf(field)}`).join('. ')}
            </Alert>
          )}
          <div className="form-row">
            <TextField
              label="Customer external ID"
              value={values.externalCustomerId}
              error={errorOf('external_customer_id')}
              onChange={(externalCustomerId) => setValues({ ...values, externalCustomerId })}
              autoComplete="off"
            />
            <SelectField
              label="Currency"
              value={values.currency}
              options={CURRENCY_OPTIONS}
              error={errorOf('currency')}
              onChange={(currency) => setValues({ ...values, currency })}
            />
          </div>
          <FeeRows values={values} amountErrors={amountErrors} onChange={(fees) => setValues({ ...values, fees })} />
          {errorOf('fees') && <span className="field-error" role="alert">{errorOf('fees')}</span>}
          <div className="page-actions">
            <Button onClick={() => setValues({ ...values, fees: [...values.fees, newFeeRow(values.fees.length + 1)] })}>+ Add fee</Button>
            <Button type="submit" variant="primary" disabled={busy}>
              {busy ? 'Computing…' : 'Preview discount'}
            </Button>
          </div>
        </form>
        {result && <DiscountResult discount={result} title="Preview" />}
      </div>
    </section>
  );
}
