import { currencyExponent } from '@coupons/domain';
import { Button } from '../../ui/Button';
import { Field, RadioGroup, SelectField, TextField } from '../../ui/fields';
import { FormSection } from '../../ui/FormSection';
import { nextRowId, type CurrencyRow } from '../coupon-form';
import { CURRENCY_OPTIONS } from './currency-options';
import type { SectionProps } from './section-props';
import { COUPON_TYPE_OPTIONS } from '../labels';

/** "e.g. 12.50" for EUR, "e.g. 1500" for JPY, "e.g. 12.500" for BHD. */
function amountExample(currency: string): string {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? 'e.g. 1500' : `e.g. 12.${'5'.padEnd(exponent, '0')}`;
}

function ExtraCurrencies({ rows, onChange, error, disabled }: {
  rows: CurrencyRow[];
  onChange: (rows: CurrencyRow[]) => void;
  error?: string;
  disabled: boolean;
}) {
  const update = (id: number, patch: Partial<CurrencyRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  return (
    <fieldset className="plain field">
      <legend className="field-label">
        Other currencies <span className="field-optional">(optional)</span>
      </legend>
      <span className="field-hint">The same coupon can carry a fixed amount for each currency you bill in.</span>
      {rows.map((row, index) => (
        <div className="pair-row" key={row.id}>
          <SelectField
            label={`Currency ${index + 1}`}
            value={row.currency}
            options={CURRENCY_OPTIONS}
            disabled={disabled}
            onChange={(currency) => update(row.id, { currency })}
          />
          <TextField
            label={`Amount ${index + 1}`}
            inputMode="decimal"
            value={row.amount}
            disabled={disabled}
            placeholder={amountExample(row.currency)}
            onChange={(amount) => update(row.id, { amount })}
          />
          <Button variant="ghost" disabled={disabled} onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
            Remove
          </Button>
        </div>
      ))}
      {error && <span className="field-error">{error}</span>}
      <div>
        <Button
          size="sm"
          disabled={disabled}
          onClick={() => onChange([...rows, { id: nextRowId(), currency: 'EUR', amount: '' }])}
        >
          + Add currency
        </Button>
      </div>
    </fieldset>
  );
}

export function DiscountSection({ values, set, errors, locked }: SectionProps) {
  const fixed = values.coupon_type === 'fixed_amount';
  return (
    <FormSection title="Discount" description="A fixed amount off the invoice, or a percentage of it.">
      <RadioGroup
        legend="Type"
        name="coupon_type"
        value={values.coupon_type}
        disabled={locked('coupon_type')}
        error={errors.coupon_type}
        onChange={(value) => set({ coupon_type: value as typeof values.coupon_type })}
        options={COUPON_TYPE_OPTIONS}
      />
      {fixed ? (
        <>
          <div className="form-row">
            <TextField
              label="Amount"
              inputMode="decimal"
              value={values.amount}
              onChange={(amount) => set({ amount })}
              error={errors.amount_cents}
              disabled={locked('amount_cents')}
              placeholder={amountExample(values.amount_currency)}
              hint={`In ${values.amount_currency}, the way it is written on an invoice`}
            />
            <SelectField
              label="Currency"
              value={values.amount_currency}
              options={CURRENCY_OPTIONS}
              onChange={(amount_currency) => set({ amount_currency })}
              error={errors.amount_currency}
              disabled={locked('amount_currency')}
            />
          </div>
          <ExtraCurrencies
            rows={values.currency_options}
            onChange={(currency_options) => set({ currency_options })}
            error={errors.currency_options}
            disabled={locked('currency_options')}
          />
        </>
      ) : (
        <Field label="Rate" error={errors.percentage_rate} hint="Above 0 and at most 100, up to 5 decimals">
          {(control) => (
            <div className="input-group">
              <input
                className="input"
                inputMode="decimal"
                {...control}
                value={values.percentage_rate}
                disabled={locked('percentage_rate')}
                placeholder="e.g. 12.5"
                onChange={(e) => set({ percentage_rate: e.target.value })}
              />
              <span className="input-suffix" aria-hidden="true">%</span>
            </div>
          )}
        </Field>
      )}
    </FormSection>
  );
}
