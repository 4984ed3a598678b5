import { useId } from 'react';
import { formatMoney } from '../coupons/money';
import { DailyChart } from './DailyChart';
import { discountSeries, formatCount, formatDay, redemptionsSeries } from './overview-format';
import type { OverviewCurrency } from './overview-types';

// The tokens' primary and success colours: SVG fill attributes cannot read CSS variables.
const REDEMPTIONS_COLOR = '#4f46e5';
const DISCOUNT_COLOR = '#067647';

function currencyTitle(currency: string | null): string {
  if (currency === null) return 'No currency';
  const name = new Intl.DisplayNames(undefined, { type: 'currency' }).of(currency);
  return name && name !== currency ? `${currency} · ${name}` : currency;
}

/** One currency's totals over the window, its two daily charts and the daily figures as a table. */
export function CurrencyActivity({ entry }: { entry: OverviewCurrency }) {
  const titleId = useId();
  const { currency, daily } = entry;
  const subject = currency === null ? 'without a currency' : `in ${currency}`;
  const discount = currency === null ? null : discountSeries(currency);
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card-header">
        <h2 id={titleId}>{currencyTitle(currency)}</h2>
      </div>
      <div className="card-body overview-currency">
        {currency === null && (
          <p className="muted">Percentage coupons applied to customers who have no currency: they have given no discount yet.</p>
        )}
        <dl className="dl">
          <div>
            <dt>Redemptions</dt>
            <dd className="overview-stat">{formatCount(entry.redemptions_count)}</dd>
          </div>
          {currency !== null && (
            <div>
              <dt>Discount given</dt>
              <dd className="overview-stat">{formatMoney(entry.discount_amount_cents, currency)}</dd>
            </div>
          )}
        </dl>
        <div className="overview-charts">
          <DailyChart series={redemptionsSeries} subject={subject} daily={daily} color={REDEMPTIONS_COLOR} />
          {discount && <DailyChart series={discount} subject={subject} daily={daily} color={DISCOUNT_COLOR} />}
        </div>
        <details className="overview-figures">
          <summary>Daily figures {subject}</summary>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">UTC day</th>
                  <th scope="col" className="num">Redemptions</th>
                  {discount && <th scope="col" className="num">Discount given</th>}
                </tr>
              </thead>
              <tbody>
                {daily.map((day) => (
                  <tr key={day.date}>
                    <th scope="row">
                      <time dateTime={day.date}>{formatDay(day.date, 'long')}</time>
                    </th>
                    <td className="num">{formatCount(day.redemptions_count)}</td>
                    {discount && <td className="num">{discount.format(day.discount_amount_cents)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </div>
    </section>
  );
}
