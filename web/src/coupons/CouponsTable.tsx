import type { Coupon } from '../api/types';
import { Link, navigate } from '../router';
import { paths } from '../routes';
import { Badge } from '../ui/Badge';
import { DateTime } from '../ui/DateTime';
import { couponTypeLabel, couponValue, frequencyLabel, redemptionsLabel, statusBadge } from './format';
import { EXPIRATION_LABELS } from './labels';

/** The code cell is a real link for keyboards; the whole row is clickable for the mouse. */
export function CouponsTable({ coupons }: { coupons: Coupon[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-clickable">
        <thead>
          <tr>
            <th>Code</th>
            <th>Name</th>
            <th>Value</th>
            <th>Frequency</th>
            <th>Expiration</th>
            <th className="num">Redemptions</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {coupons.map((coupon) => {
            const badge = statusBadge(coupon.status);
            const extra = Object.keys(coupon.currency_options).length;
            return (
              <tr key={coupon.lago_id} onClick={() => navigate(paths.coupon(coupon.code))}>
                <td>
                  <Link className="mono cell-primary" to={paths.coupon(coupon.code)} onClick={(e) => e.stopPropagation()}>
                    {coupon.code}
                  </Link>
                </td>
                <td>{coupon.name}</td>
                <td>
                  <div className="cell-primary">{couponValue(coupon)}</div>
                  <div className="cell-sub">
                    {couponTypeLabel(coupon.coupon_type)}
                    {extra > 0 && ` · +${extra} ${extra === 1 ? 'currency' : 'currencies'}`}
                  </div>
                </td>
                <td>{frequencyLabel(coupon)}</td>
                <td>
                  {coupon.expiration === 'time_limit' ? <DateTime value={coupon.expiration_at} /> : EXPIRATION_LABELS.no_expiration}
                </td>
                <td className="num">{redemptionsLabel(coupon)}</td>
                <td>
                  <Badge tone={badge.tone}>{badge.label}</Badge>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
