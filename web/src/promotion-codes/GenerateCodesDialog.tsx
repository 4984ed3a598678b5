import { generateBatchCode, PROMOTION_CODE_BATCH_LIMITS } from '@coupons/domain';
import { useMemo } from 'react';
import type { Coupon, PromotionCodeBatch, PromotionCodeBatchResponse } from '../api/types';
import { useApi } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Dialog, DialogActions } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import { BATCH_FORM_FIELDS, buildBatchSubmission, emptyBatchForm, maxBatchCount, usableLength } from './batch-form';
import { formatCount } from './format';
import { CODE_SPACE_SHARE } from './messages';
import { TermsFields } from './TermsFields';
import { useDialogForm } from './use-dialog-form';

const limits = PROMOTION_CODE_BATCH_LIMITS;

/** Why a batch has a ceiling, in the operator's terms, for the length being typed. */
function guessabilityHint(length: number | null): string {
  if (length === null) return `From ${limits.countMin} to ${formatCount(limits.countMax)} codes.`;
  const max = maxBatchCount(length);
  if (max === limits.countMax) return `Up to ${formatCount(max)} codes per batch.`;
  return `At most ${formatCount(max)} codes with ${length} random characters: a batch may use ${CODE_SPACE_SHARE} of the possible codes, so that a guessed code stays a long shot. A longer random part allows more.`;
}

/** Asks the API for a batch of unique codes; they are generated in the background. */
export function GenerateCodesDialog({ coupon, onStarted, onClose }: {
  coupon: Coupon;
  onStarted: (batch: PromotionCodeBatch) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const form = useDialogForm(() => emptyBatchForm(coupon), BATCH_FORM_FIELDS);
  const { values, set, errors } = form;
  const length = usableLength(values.length);
  const sample = useMemo(() => (length === null ? null : generateBatchCode(values.prefix.trim(), length)), [values.prefix, length]);

  const submit = () =>
    form.submit(
      (current) => buildBatchSubmission(current, coupon, new Date()),
      async (payload) => {
        const created = await api.send<PromotionCodeBatchResponse>('POST', '/promotion_code_batches', { promotion_code_batch: payload });
        onStarted(created.promotion_code_batch);
      },
    );

  return (
    <Dialog
      title={`Generate codes for ${coupon.code}`}
      onClose={onClose}
      actions={<DialogActions onCancel={onClose} busy={form.busy} label="Generate codes" busyLabel="Starting…" onAction={() => void submit()} />}
    >
      <form className="form-fields dialog-scroll" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <p className="dialog-text">
          Unique single-use codes in bulk, to hand out one per customer. They are generated in the background; download
          them as CSV when the batch completes.
        </p>
        {form.formError && <Alert tone="danger">{form.formError}</Alert>}
        <TextField
          label="Number of codes"
          inputMode="numeric"
          value={values.count}
          onChange={(count) => set({ count })}
          error={errors.count}
          hint={guessabilityHint(length)}
        />
        <div className="form-row">
          <TextField
            label="Prefix"
            optional
            className="input mono"
            value={values.prefix}
            maxLength={limits.prefixMaxLength}
            onChange={(prefix) => set({ prefix })}
            error={errors.prefix}
            placeholder="SPRING-"
          />
          <TextField
            label="Random characters"
            inputMode="numeric"
            value={values.length}
            onChange={(text) => set({ length: text })}
            error={errors.length}
            hint={`${limits.lengthMin} to ${limits.lengthMax}`}
          />
        </div>
        {sample && (
          <p className="dialog-text">
            Codes will look like <span className="chip">{sample}</span>
          </p>
        )}
        <TermsFields coupon={coupon} values={values} set={set} errors={errors} subject="each code" />
      </form>
    </Dialog>
  );
}
