import { useState } from 'react';
import { ApiError, couponPath, type ApiClient } from '../api/client';
import type { BillableMetricListResponse, Coupon, CouponResponse, PlanListResponse } from '../api/types';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { Link, navigate } from '../router';
import { paths } from '../routes';
import { ErrorState, LoadingState } from '../ui/states';
import {
  buildSubmission, editableAfterApplication, emptyForm, FORM_FIELDS, formFromCoupon, isLockedField,
  type CouponFormValues, type FormErrors,
} from './coupon-form';
import { CouponForm } from './CouponForm';
import { codeMessage, fieldErrorText, humanizeField } from './error-messages';
import type { TargetLists } from './form/TargetsSection';

/** Which wire field's error a change to a form value makes stale. */
const WIRE_FIELD: Partial<Record<keyof CouponFormValues, string>> = {
  amount: 'amount_cents',
  limit_to: 'applies_to',
  plan_codes: 'applies_to',
  billable_metric_codes: 'applies_to',
};

/** The plans and billable metrics a coupon can be limited to (one page of the most the API lists). */
function useTargetLists(api: ApiClient): TargetLists {
  const query = { per_page: 1000 };
  const lists = useResource(
    () => Promise.all([
      api.get<PlanListResponse>('/plans', query),
      api.get<BillableMetricListResponse>('/billable_metrics', query),
    ]),
    'targets',
  );
  if (lists.error) return { plans: [], billableMetrics: [], error: 'Plans and billable metrics could not be loaded.' };
  if (!lists.data) return { plans: null, billableMetrics: null, error: null };
  const [plans, metrics] = lists.data;
  return { plans: plans.plans, billableMetrics: metrics.billable_metrics, error: null };
}

/** Splits a 4xx into messages on the form's fields and one form-level sentence for the rest. */
function describeFailure(error: unknown): { errors: FormErrors; formError: string | null } {
  if (!(error instanceof ApiError)) return { errors: {}, formError: 'Unexpected error. Please try again.' };
  const errors: FormErrors = {};
  const elsewhere: string[] = [];
  for (const field of Object.keys(error.details)) {
    const text = fieldErrorText(error.details, field) ?? '';
    if ((FORM_FIELDS as readonly string[]).includes(field)) errors[field] = text;
    else elsewhere.push(`${humanizeField(field)}: ${text}`);
  }
  if (error.status === 422) {
    const formError = elsewhere.length ? elsewhere.join('. ') : 'Some fields need your attention.';
    return { errors, formError };
  }
  return { errors, formError: codeMessage(error.code, error.message) };
}

function FormScreen({ coupon }: { coupon: Coupon | null }) {
  const api = useApi();
  const lists = useTargetLists(api);
  const [values, setValues] = useState<CouponFormValues>(() => (coupon ? formFromCoupon(coupon) : emptyForm()));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const applied = (coupon?.redemptions_count ?? 0) > 0;

  const set = (patch: Partial<CouponFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const stale = Object.keys(patch).map((key) => WIRE_FIELD[key as keyof CouponFormValues] ?? key);
      return Object.fromEntries(Object.entries(current).filter(([field]) => !stale.includes(field)));
    });
  };

  const submit = async () => {
    const { payload, errors: found } = buildSubmission(values, {
      mode: coupon ? 'edit' : 'create',
      applied,
      redemptionsCount: coupon?.redemptions_count ?? 0,
      now: new Date(),
    });
    setErrors(found);
    setFormError(Object.keys(found).length ? 'Some fields need your attention.' : null);
    if (Object.keys(found).length) {
      setAttempt((n) => n + 1);
      return;
    }
    setSubmitting(true);
    try {
      const saved = coupon
        ? await api.send<CouponResponse>('PUT', couponPath(coupon.code), { coupon: payload })
        : await api.send<CouponResponse>('POST', '/coupons', { coupon: payload });
      navigate(paths.coupon(saved.coupon.code));
    } catch (error) {
      const failure = describeFailure(error);
      setErrors(failure.errors);
      setFormError(failure.formError);
      setSubmitting(false);
      setAttempt((n) => n + 1);
    }
  };

  const cancelTo = coupon ? paths.coupon(coupon.code) : paths.coupons();
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to={paths.coupons()}>Coupons</Link>
            {coupon && <> / <Link to={cancelTo}>{coupon.code}</Link></>}
          </div>
          <h1 className="page-title">{coupon ? `Edit ${coupon.name}` : 'New coupon'}</h1>
        </div>
      </div>
      <CouponForm
        values={values}
        set={set}
        errors={errors}
        formError={formError}
        locked={(field) => isLockedField(field, applied)}
        lists={lists}
        submitting={submitting}
        attempt={attempt}
        submitLabel={coupon ? 'Save changes' : 'Create coupon'}
        cancelTo={cancelTo}
        notice={
          applied
            ? `This coupon has been applied ${coupon?.redemptions_count} time(s): only its ${editableAfterApplication()} can still change.`
            : undefined
        }
        onSubmit={submit}
      />
    </div>
  );
}

function EditCouponScreen({ code }: { code: string }) {
  const api = useApi();
  const resource = useResource(() => api.get<CouponResponse>(couponPath(code)), code);

  if (resource.loading) return <div className="page"><LoadingState /></div>;
  if (!resource.data) {
    const { error } = resource;
    const message = error instanceof ApiError ? codeMessage(error.code, error.message) : 'The coupon could not be loaded.';
    return <div className="page"><ErrorState message={message} onRetry={resource.reload} /></div>;
  }
  return <FormScreen key={resource.data.coupon.lago_id} coupon={resource.data.coupon} />;
}

/** `/coupons/new` (code undefined) or `/coupon/:code/edit`. */
export function CouponFormPage({ code }: { code?: string }) {
  return code === undefined ? <FormScreen coupon={null} /> : <EditCouponScreen code={code} />;
}
