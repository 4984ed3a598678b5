/** The fields a single code and a batch share: redemption limit, expiry, restrictions and metadata. */
import type { Coupon } from '../api/types';
import type { FormErrors, KeyValueRow } from '../coupons/coupon-form';
import { formatDisplayDate, localTimeZone } from '../coupons/datetime';
import { CURRENCY_OPTIONS } from '../coupons/form/currency-options';
import { MetadataRows } from '../coupons/form/MetadataRows';
import { Checkbox, SelectField, TextField } from '../ui/fields';
import type { TermsValues } from './terms-form';

interface TermsFieldsProps {
  coupon: Coupon;
  values: TermsValues;
  set: (patch: Partial<TermsValues>) => void;
  errors: FormErrors;
  /** "each code" for a batch: the limit is per code. */
  subject: string;
}

function MetadataFieldset({ rows, set, error }: { rows: KeyValueRow[]; set: (rows: KeyValueRow[]) => void; error?: string }) {
  return (
    <fieldset className="plain field">
      <legend className="field-label">Metadata <span className="field-optional">(optional)</span></legend>
      <MetadataRows rows={rows} set={set} error={error} />
    </fieldset>
  );
}

export function TermsFields({ coupon, values, set, errors, subject }: TermsFieldsProps) {
  const couponLimit = coupon.max_redemptions === null ? '' : ` At most ${coupon.max_redemptions}, the coupon’s own limit.`;
  const couponExpiry = coupon.expiration_at ? ` No later than the coupon (${formatDisplayDate(coupon.expiration_at)}).` : '';
  return (
    <>
      <div className="form-row">
        <TextField
          label="Maximum redemptions"
          optional
          inputMode="numeric"
          value={values.max_redemptions}
          onChange={(max_redemptions) => set({ max_redemptions })}
          error={errors.max_redemptions}
          hint={`How many times ${subject} can be redeemed; blank for no limit of its own.${couponLimit}`}
        />
        <TextField
          label="Expires at"
          optional
          type="datetime-local"
          value={values.expires_at}
          onChange={(expires_at) => set({ expires_at })}
          error={errors.expires_at}
          hint={`Your time zone: ${localTimeZone()}.${couponExpiry}`}
        />
      </div>
      <fieldset className="plain field">
        <legend className="field-label">Restrictions</legend>
        <TextField
          label="Only for customer"
          optional
          value={values.customer_external_id}
          onChange={(customer_external_id) => set({ customer_external_id })}
          error={errors.customer_external_id}
          placeholder="External ID, such as cus_12345"
        />
        <Checkbox
          label="First-time customers only (no coupon applied before)"
          checked={values.first_time_transaction}
          onChange={(first_time_transaction) => set({ first_time_transaction })}
        />
        {errors.first_time_transaction && <span className="field-error">{errors.first_time_transaction}</span>}
        <div className="form-row">
          <TextField
            label="Minimum invoice amount"
            optional
            inputMode="decimal"
            value={values.minimum_amount}
            onChange={(minimum_amount) => set({ minimum_amount })}
            error={errors.minimum_amount_cents}
            hint="The discount applies only to invoices in this currency with at least these fees."
          />
          <SelectField
            label="Minimum amount currency"
            value={values.minimum_amount_currency}
            onChange={(minimum_amount_currency) => set({ minimum_amount_currency })}
            error={errors.minimum_amount_currency}
            options={CURRENCY_OPTIONS}
          />
        </div>
      </fieldset>
      <MetadataFieldset rows={values.metadata} set={(metadata) => set({ metadata })} error={errors.metadata} />
    </>
  );
}
