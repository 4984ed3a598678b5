import { useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { statusBadge } from '../coupons/format';
import { formatMoney } from '../coupons/money';
import { Link } from '../router';
import { paths } from '../routes';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { DateTime } from '../ui/DateTime';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import type { CustomerAppliedCoupon, CustomerAppliedCouponListResponse } from './customer-types';
import { appliedFrequency, appliedValue, remainingValue } from './format';
import { Pagination } from '../ui/Pagination';

const PER_PAGE = 20;

/** A deleted coupon has no page to open any more: its code is shown as text. */
function CouponCell({ applied }: { applied: CustomerAppliedCoupon }) {
  return (
    <>
      {applied.coupon_deleted_at ? (
        <span className="mono cell-primary">{applied.coupon_code}</span>
      ) : (
        <Link className="mono cell-primary" to={paths.coupon(applied.coupon_code)}>
          {applied.coupon_code}
        </Link>
      )}
      <div className="cell-sub">
        {applied.coupon_name}
        {applied.promotion_code && <> · via <span className="mono">{applied.promotion_code}</span></>}
        {applied.coupon_deleted_at && ' · coupon deleted'}
      </div>
    </>
  );
}

function AppliedCouponsTable({ appliedCoupons, onTerminate }: {
  appliedCoupons: CustomerAppliedCoupon[];
  onTerminate: ((applied: CustomerAppliedCoupon) => void) | null;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>Coupon</th>
            <th>Status</th>
            <th>Discount</th>
            <th className="num">Remaining</th>
            <th>Applied</th>
            {onTerminate && <th className="num">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {appliedCoupons.map((applied) => {
            const badge = statusBadge(applied.status);
            return (
              <tr key={applied.lago_id}>
                <td><CouponCell applied={applied} /></td>
                <td>
                  <Badge tone={badge.tone}>{badge.label}</Badge>
                  {applied.terminated_at && <div className="cell-sub"><DateTime value={applied.terminated_at} /></div>}
                </td>
                <td>
                  <div className="cell-primary">{appliedValue(applied)}</div>
                  <div className="cell-sub">{appliedFrequency(applied)}</div>
                </td>
                <td className="num">{remainingValue(applied)}</td>
                <td><DateTime value={applied.created_at} /></td>
                {onTerminate && (
                  <td className="num">
                    {applied.status === 'active' && (
                      <Button size="sm" variant="ghost-danger" onClick={() => onTerminate(applied)} aria-label={`Terminate ${applied.coupon_code}`}>
                        Terminate
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The credits the listed applied coupons gave on invoice discounts that still stand (a voided one gives none). */
function CreditsTable({ appliedCoupons }: { appliedCoupons: CustomerAppliedCoupon[] }) {
  const credits = appliedCoupons.flatMap((applied) => applied.credits.map((credit) => ({ applied, credit })));
  if (credits.length === 0) {
    return <EmptyState title="No credits yet">A credit shows here once an invoice discount uses one of these coupons.</EmptyState>;
  }
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>Invoice</th>
            <th>Coupon</th>
            <th className="num">Amount</th>
          </tr>
        </thead>
        <tbody>
          {credits.map(({ applied, credit }) => (
            <tr key={credit.lago_id}>
              <td>
                <Link className="mono" to={paths.invoiceDiscounts(credit.invoice.external_invoice_id)}>
                  {credit.invoice.external_invoice_id}
                </Link>
              </td>
              <td className="mono">{applied.coupon_code}</td>
              <td className="num">{formatMoney(credit.amount_cents, credit.amount_currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The customer's applied coupons, newest first, with what is left of each, and the credits they gave.
 * `version` changes after an apply or a termination; `onTerminate` is null for operators who may not write.
 */
export function CustomerCoupons({ externalId, version, onTerminate }: {
  externalId: string;
  version: number;
  onTerminate: ((applied: CustomerAppliedCoupon) => void) | null;
}) {
  const api = useApi();
  const [page, setPage] = useState(1);
  const list = useResource(
    () =>
      api.get<CustomerAppliedCouponListResponse>(`/customers/${encodeURIComponent(externalId)}/applied_coupons`, {
        page,
        per_page: PER_PAGE,
      }),
    `${externalId}#${version}#${page}`,
  );

  let applied;
  let credits;
  if (list.loading && !list.data) {
    applied = <LoadingState label="Loading applied coupons…" />;
    credits = <LoadingState label="Loading credits…" />;
  } else if (list.error || !list.data) {
    applied = <ErrorState message="The applied coupons could not be loaded." onRetry={list.reload} />;
    credits = <ErrorState message="The credits could not be loaded." onRetry={list.reload} />;
  } else if (list.data.applied_coupons.length === 0) {
    applied = <EmptyState title="No coupons applied">Apply a coupon or a promotion code to give this customer a discount.</EmptyState>;
    credits = <CreditsTable appliedCoupons={[]} />;
  } else {
    const { meta } = list.data;
    applied = (
      <>
        <AppliedCouponsTable appliedCoupons={list.data.applied_coupons} onTerminate={onTerminate} />
        {meta.total_pages > 1 && (
          <Pagination meta={meta} noun={['applied coupon', 'applied coupons']} onPage={setPage} />
        )}
      </>
    );
    credits = <CreditsTable appliedCoupons={list.data.applied_coupons} />;
  }

  return (
    <>
      <section className="card" aria-labelledby="customer-applied-title">
        <div className="card-header">
          <h2 id="customer-applied-title">Applied coupons</h2>
        </div>
        {applied}
      </section>
      <section className="card" aria-labelledby="customer-credits-title">
        <div className="card-header">
          <h2 id="customer-credits-title">Credits</h2>
        </div>
        {credits}
      </section>
    </>
  );
}
