import { generateCouponCode, LIMITS } from '@coupons/domain';
import { Button } from '../../ui/Button';
import { Field, TextAreaField, TextField } from '../../ui/fields';
import { FormSection } from '../../ui/FormSection';
import type { SectionProps } from './section-props';

export function BasicsSection({ values, set, errors, locked }: SectionProps) {
  return (
    <FormSection title="Coupon" description="How the coupon is called and the code customers or integrations use to redeem it.">
      <TextField
        label="Name"
        value={values.name}
        onChange={(name) => set({ name })}
        error={errors.name}
        maxLength={LIMITS.nameMaxLength}
        placeholder="Summer sale"
      />
      <Field
        label="Code"
        optional
        error={errors.code}
        hint={locked('code') ? 'Locked: the coupon has already been applied' : 'Leave empty to get a generated code. Case-sensitive, no spaces or “/”.'}
      >
        {(control) => (
          <div className="input-group">
            <input
              className="input mono"
              {...control}
              value={values.code}
              maxLength={LIMITS.codeMaxLength}
              disabled={locked('code')}
              placeholder="SUMMER-2026"
              onChange={(e) => set({ code: e.target.value })}
            />
            <Button onClick={() => set({ code: generateCouponCode() })} disabled={locked('code')}>
              Suggest
            </Button>
          </div>
        )}
      </Field>
      <TextAreaField
        label="Description"
        optional
        value={values.description}
        onChange={(description) => set({ description })}
        error={errors.description}
      />
    </FormSection>
  );
}
