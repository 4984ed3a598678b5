import { formatMoney } from '../coupons/money';
import { formatDisplayDate } from '../coupons/datetime';
import { Badge, type BadgeTone } from '../ui/Badge';
import { EmptyState } from '../ui/states';
import type { InvoiceDiscount } from './invoice-discount-types';

const STATUS: Record<InvoiceDiscount['status'], { label: string; tone: BadgeTone }> = {
  preview: { label: 'Preview, not recorded', tone: 'neutral' },
  committed: { label: 'Committed', tone: 'success' },
  voided: { label: 'Voided', tone: 'warning' },
};

/** A computed or recorded discount: its totals, each coupon's credit and what each fee was left with. */
export function DiscountResult({ discount, title }: { discount: InvoiceDiscount; title: string }) {
  const money = (cents: number) => formatMoney(cents, discount.currency);
  const status = STATUS[discount.status];
  return (
    <div className="form-stack" aria-label={title} role="group">
      <dl className="dl">
        <div>
          <dt>Status</dt>
          <dd><Badge tone={status.tone}>{status.label}</Badge></dd>
        </div>
        {discount.external_invoice_id && (
          <div>
            <dt>Invoice</dt>
            <dd className="mono">{discount.external_invoice_id}</dd>
          </div>
        )}
        <div>
          <dt>Customer</dt>
          <dd className="mono">{discount.external_customer_id}</dd>
        </div>
        <div>
          <dt>Fees</dt>
          <dd>{money(discount.fees_amount_cents)}</dd>
        </div>
        <div>
          <dt>Coupons</dt>
          <dd>{money(discount.coupons_amount_cents)}</dd>
        </div>
        <div>
          <dt>Total after coupons</dt>
          <dd>{money(discount.sub_total_excluding_taxes_amount_cents)}</dd>
        </div>
        {discount.created_at && (
          <div>
            <dt>Committed</dt>
            <dd><time dateTime={discount.created_at} title={discount.created_at}>{formatDisplayDate(discount.created_at)}</time></dd>
          </div>
        )}
      </dl>
      {discount.credits.length === 0 ? (
        <EmptyState title="No coupon applies">The customer has no active coupon that gives a credit on this invoice.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="muted">Coupons applied, in the order they were applied</caption>
            <thead>
              <tr>
                <th scope="col">Coupon</th>
                <th scope="col" className="num">Discount</th>
                <th scope="col">Spread over the fees</th>
              </tr>
            </thead>
            <tbody>
              {discount.credits.map((credit, index) => (
                <tr key={credit.lago_applied_coupon_id ?? index}>
                  <td className="mono">{credit.coupon_code}</td>
                  <td className="num">{formatMoney(credit.amount_cents, credit.amount_currency)}</td>
                  <td>{credit.fees.map((fee) => `${fee.id}: ${formatMoney(fee.amount_cents, credit.amount_currency)}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="table-wrap">
        <table className="table">
          <caption className="muted">Fees</caption>
          <thead>
            <tr>
              <th scope="col">Fee</th>
              <th scope="col" className="num">Amount</th>
              <th scope="col" className="num">Coupons</th>
              <th scope="col" className="num">After coupons</th>
            </tr>
          </thead>
          <tbody>
            {discount.fees.map((fee) => (
              <tr key={fee.id}>
                <td className="mono">{fee.id}</td>
                <td className="num">{money(fee.amount_cents)}</td>
                <td className="num">{money(fee.coupons_amount_cents)}</td>
                <td className="num">{money(fee.amount_cents - fee.coupons_amount_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
