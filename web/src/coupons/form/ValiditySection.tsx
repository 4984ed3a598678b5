import { Checkbox, RadioGroup, TextField } from '../../ui/fields';
import { FormSection } from '../../ui/FormSection';
import { localTimeZone } from '../datetime';
import type { SectionProps } from './section-props';
import { EXPIRATION_OPTIONS, FREQUENCY_OPTIONS } from '../labels';

export function ValiditySection({ values, set, errors, locked }: SectionProps) {
  const zone = `Your time zone: ${localTimeZone()}`;
  return (
    <FormSection
      title="Duration and validity"
      description="How many invoices the discount applies to, when the coupon can be redeemed and how often."
    >
      <div className="form-row">
        <RadioGroup
          legend="Applies"
          name="frequency"
          value={values.frequency}
          disabled={locked('frequency')}
          error={errors.frequency}
          onChange={(value) => set({ frequency: value as typeof values.frequency })}
          options={FREQUENCY_OPTIONS}
        />
        {values.frequency === 'recurring' && (
          <TextField
            label="Number of billing periods"
            inputMode="numeric"
            value={values.frequency_duration}
            onChange={(frequency_duration) => set({ frequency_duration })}
            error={errors.frequency_duration}
            disabled={locked('frequency_duration')}
            placeholder="e.g. 3"
          />
        )}
      </div>
      <div className="form-row">
        <RadioGroup
          legend="Expiration"
          name="expiration"
          value={values.expiration}
          error={errors.expiration}
          onChange={(value) => set({ expiration: value as typeof values.expiration })}
          options={EXPIRATION_OPTIONS}
        />
        {values.expiration === 'time_limit' && (
          <TextField
            label="Expires at"
            type="datetime-local"
            value={values.expiration_at}
            onChange={(expiration_at) => set({ expiration_at })}
            error={errors.expiration_at}
            hint={zone}
          />
        )}
      </div>
      <div className="form-row">
        <TextField
          label="Redeemable from"
          optional
          type="datetime-local"
          value={values.starts_at}
          onChange={(starts_at) => set({ starts_at })}
          error={errors.starts_at}
          hint={`Before this moment the coupon cannot be applied. ${zone}`}
        />
        <TextField
          label="Maximum redemptions"
          optional
          inputMode="numeric"
          value={values.max_redemptions}
          onChange={(max_redemptions) => set({ max_redemptions })}
          error={errors.max_redemptions}
          placeholder="Unlimited"
          hint="How many times the coupon can be applied in total"
        />
      </div>
      <Checkbox
        label="Reusable: a customer can receive this coupon more than once"
        checked={values.reusable}
        disabled={locked('reusable')}
        onChange={(reusable) => set({ reusable })}
      />
    </FormSection>
  );
}
