import { currencyName } from '@coupons/domain';
import type { ReactNode } from 'react';
import type { Coupon } from '../api/types';
import { DateTime } from '../ui/DateTime';
import { couponTypeLabel, couponValue, frequencyLabel, redemptionsLabel } from './format';
import { EXPIRATION_LABELS } from './labels';
import { formatMoney } from './money';

/** `wide` items (free text) take a whole row instead of one narrow column. */
function Item({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'dl-wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const codes = (list: string[]) =>
  list.length ? (
    <span className="chips">
      {list.map((code) => (
        <span key={code} className="chip">{code}</span>
      ))}
    </span>
  ) : (
    'All'
  );

export function CouponAttributes({ coupon }: { coupon: Coupon }) {
  const options = Object.entries(coupon.currency_options);
  const metadata = Object.entries(coupon.metadata);
  return (
    <dl className="dl">
      <Item label="Type">{couponTypeLabel(coupon.coupon_type)}</Item>
      <Item label="Value">
        {couponValue(coupon)}
        {coupon.amount_currency && <span className="muted"> · {currencyName(coupon.amount_currency)}</span>}
      </Item>
      {options.length > 0 && (
        <Item label="Other currencies">
          {options.map(([code, option]) => formatMoney(option.amount_cents, code)).join(' · ')}
        </Item>
      )}
      <Item label="Frequency">{frequencyLabel(coupon)}</Item>
      <Item label="Expiration">
        {coupon.expiration === 'time_limit' ? <DateTime value={coupon.expiration_at} /> : EXPIRATION_LABELS.no_expiration}
      </Item>
      <Item label="Redeemable from"><DateTime value={coupon.starts_at} fallback="Immediately" /></Item>
      <Item label="Redemptions">{redemptionsLabel(coupon)}</Item>
      <Item label="Reusable">{coupon.reusable ? 'Yes' : 'No, once per customer'}</Item>
      {coupon.limited_billable_metrics ? (
        <Item label="Billable metrics">{codes(coupon.billable_metric_codes)}</Item>
      ) : (
        <Item label="Plans">{codes(coupon.plan_codes)}</Item>
      )}
      <Item label="Created"><DateTime value={coupon.created_at} /></Item>
      {coupon.terminated_at && <Item label="Terminated"><DateTime value={coupon.terminated_at} /></Item>}
      <Item label="ID">
        <span className="mono muted">{coupon.lago_id}</span>
      </Item>
      <Item label="Description" wide>{coupon.description || <span className="muted">None</span>}</Item>
      {metadata.length > 0 && (
        <Item label="Metadata" wide>
          {metadata.map(([key, value]) => (
            <div key={key}>
              <span className="mono">{key}</span>: {value}
            </div>
          ))}
        </Item>
      )}
    </dl>
  );
}
