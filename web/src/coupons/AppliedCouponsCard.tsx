import type { AppliedCoupon, AppliedCouponListResponse, Coupon } from '../api/types';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { Badge } from '../ui/Badge';
import { DateTime } from '../ui/DateTime';
import { EmptyState } from '../ui/states';
import { statusBadge } from './format';
import { formatMoney } from './money';
import { ResourceView } from '../ui/ResourceView';
import { Card } from '../ui/Card';

/** What is left of the discount for this customer: an amount (fixed once) or billing periods (recurring). */
function remaining(applied: AppliedCoupon): string {
  if (applied.amount_cents_remaining !== null && applied.amount_currency) {
    return formatMoney(applied.amount_cents_remaining, applied.amount_currency);
  }
  if (applied.frequency === 'recurring' && applied.frequency_duration_remaining !== null) {
    const periods = applied.frequency_duration_remaining;
    return `${periods} ${periods === 1 ? 'period' : 'periods'}`;
  }
  return applied.frequency === 'forever' ? 'Unlimited' : '—';
}

export function AppliedCouponsCard({ coupon, version }: { coupon: Coupon; version: number }) {
  const api = useApi();
  const list = useResource(
    () => api.get<AppliedCouponListResponse>('/applied_coupons', { 'coupon_code[]': [coupon.code], per_page: 100 }),
    `${coupon.code}#${version}`,
  );

  const body = (
    <ResourceView
      resource={list}
      loading="Loading applied coupons…"
      failed="Applied coupons could not be loaded."
      isEmpty={(data) => data.applied_coupons.length === 0}
      empty={<EmptyState title="Not applied yet">Apply this coupon to a customer to see it here.</EmptyState>}
    >
      {(data) => (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Customer</th>
                <th>Status</th>
                <th className="num">Remaining</th>
                <th>Applied</th>
              </tr>
            </thead>
            <tbody>
              {data.applied_coupons.map((applied) => (
                <tr key={applied.lago_id}>
                  <td className="mono">{applied.external_customer_id}</td>
                  <td>
                    <Badge tone={statusBadge(applied.status).tone}>{statusBadge(applied.status).label}</Badge>
                  </td>
                  <td className="num">{remaining(applied)}</td>
                  <td><DateTime value={applied.created_at} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ResourceView>
  );

  return (
    <Card titleId="applied-title" title="Applied to customers">
      {body}
    </Card>
  );
}
