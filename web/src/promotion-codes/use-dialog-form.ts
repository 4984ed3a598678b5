import { useState } from 'react';
import type { FormErrors } from '../coupons/coupon-form';
import { describeFailure, type TermsValues } from './terms-form';

/** Which wire field's error a change to a form value makes stale, where their names differ. */
const WIRE_FIELD: Record<string, string> = { minimum_amount: 'minimum_amount_cents' };

/**
 * State of a create dialog: values, errors by wire field, a form-level sentence and the busy flag.
 * `submit` checks what the form can see first, then sends, and maps a refusal back onto the fields.
 */
export function useDialogForm<V extends TermsValues>(initial: () => V, fields: readonly string[]) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (patch: Partial<V>) => {
    setValues((current) => ({ ...current, ...patch }));
    const stale = Object.keys(patch).map((key) => WIRE_FIELD[key] ?? key);
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !stale.includes(field))));
  };

  const submit = async (
    build: (values: V) => { payload: Record<string, unknown>; errors: FormErrors },
    send: (payload: Record<string, unknown>) => Promise<void>,
  ) => {
    const { payload, errors: found } = build(values);
    setErrors(found);
    setFormError(Object.keys(found).length ? 'Some fields need your attention.' : null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await send(payload);
    } catch (error) {
      const failure = describeFailure(error, fields);
      setErrors(failure.errors);
      setFormError(failure.formError);
      setBusy(false);
    }
  };

  return { values, set, errors, formError, busy, submit };
}
