import { useEffect, useState } from 'react';
import { ApiError, couponPath, type ApiClient } from '../api/client';
import type { Coupon, NamedResource } from '../api/types';
import { useApi } from '../auth/session';
import { Link, navigate } from '../router';
import { ErrorState, LoadingState } from '../ui/states';
import {
  buildSubmission, emptyForm, FORM_FIELDS, formFromCoupon, isLockedField, type CouponFormValues, type FormErrors,
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

function useTargetLists(api: ApiClient): TargetLists {
  const [lists, setLists] = useState<TargetLists>({ plans: null, billableMetrics: null, error: null });
  useEffect(() => {
    const query = { per_page: 1000 };
    Promise.all([
      api.get<{ plans: NamedResource[] }>('/plans', query),
      api.get<{ billable_metrics: NamedResource[] }>('/billable_metrics', query),
    ]).then(
      ([plans, metrics]) => setLists({ plans: plans.plans, billableMetrics: metrics.billable_metrics, error: null }),
      () => setLists({ plans: [], billableMetrics: [], error: 'Plans and billable metrics could not be loaded.' }),
    );
  }, [api]);
  return lists;
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
        ? await api.send<{ coupon: Coupon }>('PUT', couponPath(coupon.code), { coupon: payload })
        : await api.send<{ coupon: Coupon }>('POST', '/coupons', { coupon: payload });
      navigate(`/coupon/${encodeURIComponent(saved.coupon.code)}`);
    } catch (error) {
      const failure = describeFailure(error);
      setErrors(failure.errors);
      setFormError(failure.formError);
      setSubmitting(false);
      setAttempt((n) => n + 1);
    }
  };

  const cancelTo = coupon ? `/coupon/${encodeURIComponent(coupon.code)}` : '/coupons';
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <div className="breadcrumb">
            <Link to="/coupons">Coupons</Link>
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
            ? `This coupon has been applied ${coupon?.redemptions_count} time(s): only its name, description, expiration, start date, redemption limit and metadata can still change.`
            : undefined
        }
        onSubmit={submit}
      />
    </div>
  );
}

/** `/coupons/new` (code undefined) or `/coupon/:code/edit`. */
export function CouponFormPage({ code }: { code?: string }) {
  const api = useApi();
  const [state, setState] = useState<{ coupon: Coupon | null; error: string | null; loading: boolean }>({
    coupon: null,
    error: null,
    loading: code !== undefined,
  });

  useEffect(() => {
    if (code === undefined) return;
    api.get<{ coupon: Coupon }>(couponPath(code)).then(
      ({ coupon }) => setState({ coupon, error: null, loading: false }),
      (error: unknown) =>
        setState({ coupon: null, error: error instanceof ApiError ? codeMessage(error.code, error.message) : String(error), loading: false }),
    );
  }, [api, code]);

  if (state.loading) return <div className="page"><LoadingState /></div>;
  if (state.error) return <div className="page"><ErrorState message={state.error} /></div>;
  return <FormScreen key={state.coupon?.lago_id ?? 'new'} coupon={state.coupon} />;
}
