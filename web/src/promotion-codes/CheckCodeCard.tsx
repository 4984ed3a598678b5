import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { PromotionCodeValidation, PromotionCodeValidationResponse } from '../api/types';
import { useApi } from '../auth/session';
import { codeMessage } from '../coupons/error-messages';
import { couponValue } from '../coupons/format';
import { Link } from '../router';
import { paths } from '../routes';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextField } from '../ui/fields';
import { REFUSAL_REASONS } from './messages';

function Verdict({ code, customer, result }: { code: string; customer: string; result: PromotionCodeValidation }) {
  if (!result.valid || !result.promotion_code || !result.coupon) {
    return <Alert tone="danger">{`${code} cannot be redeemed by ${customer}. ${result.reason ? REFUSAL_REASONS[result.reason] : ''}`}</Alert>;
  }
  const { coupon } = result;
  return (
    <Alert tone="success">
      <span>
        {result.promotion_code.code} can be redeemed by {customer}: coupon{' '}
        <Link to={paths.coupon(coupon.code)}>{coupon.code}</Link> ({couponValue(coupon)} off).
      </span>
    </Alert>
  );
}

/** "Why doesn't my code work?": the checkout's own validation, which changes nothing. */
export function CheckCodeCard() {
  const api = useApi();
  const [code, setCode] = useState('');
  const [customer, setCustomer] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ code: string; customer: string; result: PromotionCodeValidation } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const asked = { code: code.trim(), customer: customer.trim() };
    setError(asked.code && asked.customer ? null : 'Enter a code and a customer’s external ID.');
    setOutcome(null);
    if (!asked.code || !asked.customer) return;
    setBusy(true);
    try {
      const { validation } = await api.send<PromotionCodeValidationResponse>('POST', '/promotion_codes/validate', {
        validation: { code: asked.code, external_customer_id: asked.customer },
      });
      setOutcome({ ...asked, result: validation });
    } catch (failure) {
      setError(failure instanceof ApiError ? codeMessage(failure.code, failure.message) : 'The code could not be checked.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="check-code-title">
      <div className="card-header">
        <h2 id="check-code-title">Check a code</h2>
      </div>
      <form className="card-body form-fields" onSubmit={check} noValidate>
        <p className="dialog-text">Whether a customer could redeem a code right now, and why not. Nothing is changed.</p>
        <div className="form-row">
          <TextField label="Promotion code" className="input mono" value={code} onChange={setCode} />
          <TextField label="Customer external ID" value={customer} onChange={setCustomer} placeholder="cus_12345" />
        </div>
        <div>
          <Button type="submit" disabled={busy}>{busy ? 'Checking…' : 'Check code'}</Button>
        </div>
        {error && <Alert tone="danger">{error}</Alert>}
        {outcome && <Verdict {...outcome} />}
      </form>
    </section>
  );
}
