import { LIMITS } from '@coupons/domain';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { FormSection } from '../../ui/FormSection';
import { nextRowId, type KeyValueRow } from '../coupon-form';
import type { SectionProps } from './section-props';

export function MetadataSection({ values, set, errors }: SectionProps) {
  const rows = values.metadata;
  const update = (id: number, patch: Partial<KeyValueRow>) =>
    set({ metadata: rows.map((row) => (row.id === id ? { ...row, ...patch } : row)) });
  return (
    <FormSection
      title="Metadata"
      description={`Your own key/value notes, returned with the coupon. Up to ${LIMITS.metadataMaxKeys} entries.`}
    >
      {rows.map((row, index) => (
        <div className="pair-row" key={row.id}>
          <TextField
            label={`Key ${index + 1}`}
            value={row.key}
            maxLength={LIMITS.metadataKeyMaxLength}
            onChange={(key) => update(row.id, { key })}
          />
          <TextField
            label={`Value ${index + 1}`}
            value={row.value}
            maxLength={LIMITS.metadataValueMaxLength}
            onChange={(value) => update(row.id, { value })}
          />
          <Button variant="ghost" onClick={() => set({ metadata: rows.filter((r) => r.id !== row.id) })}>
            Remove
          </Button>
        </div>
      ))}
      {errors.metadata && <span className="field-error">{errors.metadata}</span>}
      <div>
        <Button
          size="sm"
          disabled={rows.length >= LIMITS.metadataMaxKeys}
          onClick={() => set({ metadata: [...rows, { id: nextRowId(), key: '', value: '' }] })}
        >
          + Add metadata
        </Button>
      </div>
    </FormSection>
  );
}
