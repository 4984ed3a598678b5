import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import type { OverviewCurrency, OverviewDay } from './overview-types';

/** Three UTC days ending on 2026-11-04, with `figures` by date. */
function days(figures: Record<string, Partial<OverviewDay>> = {}): OverviewDay[] {
  return ['2026-11-02', '2026-11-03', '2026-11-04'].map((date) => ({
    date, redemptions_count: 0, discount_amount_cents: 0, ...figures[date],
  }));
}

function overview(currencies: OverviewCurrency[], activeCoupons = 4) {
  return { body: { overview: { days: 30, from: '2026-10-06T00:00:00Z', to: '2026-11-05T00:00:00Z', active_coupons: activeCoupons, currencies } } };
}

const EUR: OverviewCurrency = {
  currency: 'EUR',
  redemptions_count: 5,
  discount_amount_cents: 12_050,
  daily: days({ '2026-11-02': { redemptions_count: 2, discount_amount_cents: 50 }, '2026-11-04': { redemptions_count: 3, discount_amount_cents: 12_000 } }),
};
const JPY: OverviewCurrency = { currency: 'JPY', redemptions_count: 1, discount_amount_cents: 1500, daily: days({ '2026-11-03': { redemptions_count: 1, discount_amount_cents: 1500 } }) };

describe('overview page', () => {
  it('asks for the last 30 days and shows the active coupons and each currency’s totals in its minor units', async () => {
    const fake = fakeApi({ 'GET /analytics/overview': overview([EUR, JPY]) });
    renderApp('/');
    const eur = await screen.findByRole('region', { name: 'EUR · Euro' });
    // The totals (`dd`), not the charts' axis ticks that may show the same text.
    const totals = (region: HTMLElement) => within(region).getAllByRole('definition').map((dd) => dd.textContent);
    expect(totals(eur)).toEqual(['5', '€120.50']);
    expect(totals(screen.getByRole('region', { name: 'JPY · Japanese Yen' }))).toEqual(['1', '¥1,500']);
    expect(within(screen.getByRole('region', { name: 'Active coupons' })).getByText('4')).toBeInTheDocument();
    expect(fake.requests.find((r) => r.path === '/analytics/overview')?.url.searchParams.get('days')).toBe('30');
  });

  it('summarises each chart for screen readers and lists every day in a table', async () => {
    fakeApi({ 'GET /analytics/overview': overview([EUR]) });
    const { user } = renderApp('/');
    const eur = await screen.findByRole('region', { name: 'EUR · Euro' });
    expect(within(eur).getByRole('img', { name: /^Redemptions in EUR per UTC day from Nov 2, 2026 to Nov 4, 2026: 5 in total over 2 days, highest on Nov 4, 2026 with 3\.$/ })).toBeInTheDocument();
    expect(within(eur).getByRole('img', { name: /^Discount given in EUR .*: €120\.50 in total over 2 days, highest on Nov 4, 2026 with €120\.00\.$/ })).toBeInTheDocument();

    await user.click(within(eur).getByText('Daily figures in EUR'));
    const rows = within(within(eur).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Nov 2, 2026', '2', '€0.50'],
      ['Nov 3, 2026', '0', '€0.00'],
      ['Nov 4, 2026', '3', '€120.00'],
    ]);
  });

  it('shows redemptions without a currency apart, with no discount', async () => {
    fakeApi({ 'GET /analytics/overview': overview([{ currency: null, redemptions_count: 1, discount_amount_cents: 0, daily: days({ '2026-11-03': { redemptions_count: 1 } }) }]) });
    renderApp('/');
    const none = await screen.findByRole('region', { name: 'No currency' });
    expect(within(none).getAllByRole('img')).toHaveLength(1);
    expect(within(none).getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['1']);
    expect(within(none).queryByText('Discount given')).not.toBeInTheDocument();
  });

  it('says so when there was no activity', async () => {
    fakeApi({ 'GET /analytics/overview': overview([], 0) });
    renderApp('/');
    expect(await screen.findByText('No redemptions or discounts in the last 30 days')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('offers a retry when the overview fails to load', async () => {
    let failing = true;
    fakeApi({ 'GET /analytics/overview': () => (failing ? { status: 503, body: { status: 503, error: 'Service Unavailable' } } : overview([EUR])) });
    const { user } = renderApp('/');
    expect(await screen.findByText('The overview could not be loaded.')).toBeInTheDocument();
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'EUR · Euro' })).toBeInTheDocument());
  });
});
