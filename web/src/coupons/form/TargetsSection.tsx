import type { NamedResource } from '../../api/types';
import { Checkbox, RadioGroup } from '../../ui/fields';
import { FormSection } from '../../ui/FormSection';
import type { SectionProps } from './section-props';

export interface TargetLists {
  plans: NamedResource[] | null;
  billableMetrics: NamedResource[] | null;
  /** Why the lists could not be loaded, if they couldn't. */
  error: string | null;
}

function CodePicker({ legend, items, selected, onChange, disabled, empty }: {
  legend: string;
  items: NamedResource[] | null;
  selected: string[];
  onChange: (codes: string[]) => void;
  disabled: boolean;
  empty: string;
}) {
  if (items === null) return <p className="muted">Loading…</p>;
  // Codes already on the coupon stay visible even if the list no longer has them.
  const known = new Set(items.map((item) => item.code));
  const all = [...items, ...selected.filter((code) => !known.has(code)).map((code) => ({ code, name: code }))];
  if (all.length === 0) return <p className="muted">{empty}</p>;
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...selected, code] : selected.filter((c) => c !== code));
  return (
    <fieldset className="plain field">
      <legend className="field-label">{legend}</legend>
      <div className="option-list">
        {all.map((item) => (
          <Checkbox
            key={item.code}
            label={`${item.name} (${item.code})`}
            checked={selected.includes(item.code)}
            disabled={disabled}
            onChange={(on) => toggle(item.code, on)}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function TargetsSection({ values, set, errors, locked, lists }: SectionProps & { lists: TargetLists }) {
  const disabled = locked('applies_to');
  return (
    <FormSection
      title="Plans and metrics"
      description="Limit the discount to some plans, or to some billable metrics (never both), or let it apply to the whole invoice."
    >
      <RadioGroup
        legend="Applies to"
        name="limit_to"
        value={values.limit_to}
        disabled={disabled}
        onChange={(value) => set({ limit_to: value as typeof values.limit_to })}
        options={[
          { value: 'none', label: 'Whole invoice' },
          { value: 'plans', label: 'Specific plans' },
          { value: 'billable_metrics', label: 'Specific billable metrics' },
        ]}
      />
      {lists.error && values.limit_to !== 'none' && <p className="field-error">{lists.error}</p>}
      {values.limit_to === 'plans' && (
        <CodePicker
          legend="Plans"
          items={lists.plans}
          selected={values.plan_codes}
          onChange={(plan_codes) => set({ plan_codes })}
          disabled={disabled}
          empty="This organization has no plans yet."
        />
      )}
      {values.limit_to === 'billable_metrics' && (
        <CodePicker
          legend="Billable metrics"
          items={lists.billableMetrics}
          selected={values.billable_metric_codes}
          onChange={(billable_metric_codes) => set({ billable_metric_codes })}
          disabled={disabled}
          empty="This organization has no billable metrics yet."
        />
      )}
      {errors.applies_to && <span className="field-error">{errors.applies_to}</span>}
    </FormSection>
  );
}
