import { LIMITS } from '@coupons/domain';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { nextRowId, type KeyValueRow } from '../coupon-form';

interface MetadataRowsProps {
  rows: KeyValueRow[];
  set: (rows: KeyValueRow[]) => void;
  error?: string;
}

/** Key/value rows of a coupon's or a promotion code's metadata, up to the domain's limits. */
export function MetadataRows({ rows, set, error }: MetadataRowsProps) {
  const update = (id: number, patch: Partial<KeyValueRow>) => set(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  return (
    <>
      {rows.map((row, index) => (
        <div className="pair-row" key={row.id}>
          <TextField label={`Key ${index + 1}`} value={row.key} maxLength={LIMITS.metadataKeyMaxLength} onChange={(key) => update(row.id, { key })} />
          <TextField
            label={`Value ${index + 1}`}
            value={row.value}
            maxLength={LIMITS.metadataValueMaxLength}
            onChange={(value) => update(row.id, { value })}
          />
          <Button variant="ghost" onClick={() => set(rows.filter((r) => r.id !== row.id))}>
            Remove
          </Button>
        </div>
      ))}
      {error && <span className="field-error">{error}</span>}
      <div>
        <Button size="sm" disabled={rows.length >= LIMITS.metadataMaxKeys} onClick={() => set([...rows, { id: nextRowId(), key: '', value: '' }])}>
          + Add metadata
        </Button>
      </div>
    </>
  );
}
