import { OVERVIEW_DAYS } from '@coupons/domain';
import { formatDisplayDate } from '../coupons/datetime';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { Link } from '../router';
import { paths } from '../routes';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { CurrencyActivity } from './CurrencyActivity';
import { formatCount } from './overview-format';
import type { Overview, OverviewResponse } from './overview-types';
import './overview.css';

/** The window the overview shows: the API's default, spelled out so the page says what it shows. */

function ActiveCoupons({ overview }: { overview: Overview }) {
  return (
    <section className="card" aria-labelledby="active-coupons-title">
      <div className="card-header">
        <h2 id="active-coupons-title">Active coupons</h2>
        <Link to={paths.coupons({ status: 'active' })}>View active coupons</Link>
      </div>
      <div className="card-body">
        <p className="overview-stat">{formatCount(overview.active_coupons)}</p>
        <p className="muted">Coupons that can be applied now: not terminated, expired or deleted.</p>
      </div>
    </section>
  );
}

/** The dashboard's home: coupons active now, and per currency the redemptions and discounts of the last 30 days. */
export function OverviewPage() {
  const api = useApi();
  const resource = useResource(() => api.get<OverviewResponse>('/analytics/overview', { days: OVERVIEW_DAYS.default }), 'overview');

  let body;
  if (resource.loading && !resource.data) body = <LoadingState label="Loading the overview…" />;
  else if (!resource.data) body = <ErrorState message="The overview could not be loaded." onRetry={resource.reload} />;
  else {
    const { overview } = resource.data;
    body = (
      <>
        <ActiveCoupons overview={overview} />
        {overview.currencies.length === 0 ? (
          <section className="card" aria-label="Activity">
            <EmptyState title={`No redemptions or discounts in the last ${OVERVIEW_DAYS.default} days`}>
              <span>Apply a coupon to a customer, or commit an invoice discount, and its figures show here.</span>
              <Link to={paths.coupons()}>Go to coupons</Link>
            </EmptyState>
          </section>
        ) : (
          overview.currencies.map((entry) => <CurrencyActivity key={entry.currency ?? ''} entry={entry} />)
        )}
      </>
    );
  }

  const from = resource.data?.overview.from;
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Overview</h1>
          <p className="page-subtitle">
            Redemptions and discounts given over the last {OVERVIEW_DAYS.default} days, per UTC day
            {from && (
              <>
                , since <time dateTime={from} title={from}>{formatDisplayDate(from)}</time>
              </>
            )}
            .
          </p>
        </div>
      </div>
      {body}
    </div>
  );
}
