import { PROMOTION_CODE_LIMITS } from '@coupons/domain';
import type { Coupon, PromotionCode, PromotionCodeResponse } from '../api/types';
import { useApi } from '../auth/session';
import { Alert } from '../ui/Alert';
import { Dialog, DialogActions } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import { buildPromotionCodeSubmission, emptyPromotionCodeForm, PROMOTION_CODE_FORM_FIELDS } from './promotion-code-form';
import { TermsFields } from './TermsFields';
import { useDialogForm } from './use-dialog-form';

/** Creates one promotion code of the coupon; field errors, the API's included, show on their inputs. */
export function NewPromotionCodeDialog({ coupon, onCreated, onClose }: {
  coupon: Coupon;
  onCreated: (code: PromotionCode) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const form = useDialogForm(() => emptyPromotionCodeForm(coupon), PROMOTION_CODE_FORM_FIELDS);
  const { values, set, errors } = form;

  const submit = () =>
    form.submit(
      (current) => buildPromotionCodeSubmission(current, coupon, new Date()),
      async (payload) => {
        const created = await api.send<PromotionCodeResponse>('POST', '/promotion_codes', { promotion_code: payload });
        onCreated(created.promotion_code);
      },
    );

  return (
    <Dialog
      title={`New promotion code for ${coupon.code}`}
      onClose={onClose}
      actions={<DialogActions onCancel={onClose} busy={form.busy} label="Create code" busyLabel="Creating…" onAction={() => void submit()} />}
    >
      <form className="form-fields dialog-scroll" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <p className="dialog-text">A code customers type to redeem this coupon, with limits of its own.</p>
        {form.formError && <Alert tone="danger">{form.formError}</Alert>}
        <TextField
          label="Code"
          optional
          className="input mono"
          value={values.code}
          maxLength={PROMOTION_CODE_LIMITS.maxLength}
          onChange={(code) => set({ code })}
          error={errors.code}
          placeholder="SPRING-NEWSLETTER"
          hint={`Letters, digits and “-”; case does not matter to customers. Blank: ${PROMOTION_CODE_LIMITS.generatedLength} characters are generated.`}
        />
        <TermsFields coupon={coupon} values={values} set={set} errors={errors} subject="the code" />
      </form>
    </Dialog>
  );
}
