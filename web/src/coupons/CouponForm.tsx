import { useEffect, useRef, type FormEvent } from 'react';
import { Link } from '../router';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import type { CouponFormValues, FormErrors } from './coupon-form';
import { BasicsSection } from './form/BasicsSection';
import { DiscountSection } from './form/DiscountSection';
import { MetadataSection } from './form/MetadataSection';
import { TargetsSection, type TargetLists } from './form/TargetsSection';
import { ValiditySection } from './form/ValiditySection';

interface CouponFormProps {
  values: CouponFormValues;
  set: (patch: Partial<CouponFormValues>) => void;
  errors: FormErrors;
  formError: string | null;
  locked: (field: string) => boolean;
  lists: TargetLists;
  submitting: boolean;
  /** Bumped on every failed submit: the moment to move focus to the first problem. */
  attempt: number;
  submitLabel: string;
  cancelTo: string;
  notice?: string;
  onSubmit: () => void;
}

export function CouponForm(props: CouponFormProps) {
  const { attempt, formError, submitting, onSubmit } = props;
  const formRef = useRef<HTMLFormElement>(null);

  // After a failed submit, take the operator to the first problem instead of leaving them to scroll.
  useEffect(() => {
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('.field-error, [role="alert"]');
    if (!target) return;
    target.scrollIntoView?.({ block: 'center' });
    if (target.matches('input, select, textarea')) target.focus();
  }, [attempt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form ref={formRef} className="card" onSubmit={submit} noValidate>
      {(props.notice || formError) && (
        <div className="form-alerts">
          {props.notice && <Alert tone="info">{props.notice}</Alert>}
          {formError && <Alert tone="danger">{formError}</Alert>}
        </div>
      )}
      <BasicsSection {...props} />
      <DiscountSection {...props} />
      <ValiditySection {...props} />
      <TargetsSection {...props} />
      <MetadataSection {...props} />
      <div className="card-footer">
        <Link className="btn btn-secondary" to={props.cancelTo}>
          Cancel
        </Link>
        <Button type="submit" variant="primary" disabled={submitting}>
          {submitting ? 'Saving…' : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
