import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aCoupon, fakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

const meta = (total: number, next: number | null = null) => ({
  current_page: 1, next_page: next, prev_page: null, total_pages: Math.ceil(total / 20), total_count: total,
});

describe('coupons list', () => {
  it('formats each coupon in its currency, with redemptions and status', async () => {
    fakeApi({
      'GET /coupons': {
        body: {
          coupons: [
            aCoupon({ code: 'YEN', name: 'Yen off', amount_cents: 1500, amount_currency: 'JPY', max_redemptions: 10, redemptions_count: 3 }),
            aCoupon({
              lago_id: 'b', code: 'PCT', name: 'Percent', coupon_type: 'percentage', amount_cents: null,
              amount_currency: null, percentage_rate: '12.5', frequency: 'recurring', frequency_duration: 3,
              status: 'terminated',
            }),
          ],
          meta: meta(2),
        },
      },
    });
    renderApp('/coupons');
    const rows = await screen.findAllByRole('row');
    const yen = within(rows[1]);
    expect(yen.getByText('YEN')).toBeInTheDocument();
    expect(yen.getByText('¥1,500')).toBeInTheDocument();
    expect(yen.getByText('3 / 10')).toBeInTheDocument();
    expect(yen.getByText('Active')).toBeInTheDocument();
    const pct = within(rows[2]);
    expect(pct.getByText('12.5%')).toBeInTheDocument();
    expect(pct.getByText('Recurring · 3 periods')).toBeInTheDocument();
    expect(pct.getByText('0 / ∞')).toBeInTheDocument();
    expect(pct.getByText('Terminated')).toBeInTheDocument();
    expect(screen.getByText(/2 coupons/)).toBeInTheDocument();
  });

  it('sends search and status filters, and says when nothing matches', async () => {
    const fake = fakeApi({ 'GET /coupons': { body: { coupons: [], meta: meta(0) } } });
    const { user } = renderApp('/coupons');
    await screen.findByText('No coupons yet');
    await user.selectOptions(screen.getByLabelText('Status'), 'terminated');
    await user.type(screen.getByLabelText('Search'), 'spring');
    await screen.findByText('No coupon matches');
    await waitFor(() => {
      const last = fake.requests[fake.requests.length - 1].url.searchParams;
      expect(last.get('search_term')).toBe('spring');
      expect(last.get('status')).toBe('terminated');
    });
    expect(window.location.search).toBe('?status=terminated&search=spring');
  });

  it('offers a retry when the list fails', async () => {
    fakeApi({ 'GET /coupons': { status: 503, body: { status: 503, error: 'Service Unavailable' } } });
    renderApp('/coupons');
    expect(await screen.findByRole('alert')).toHaveTextContent('Service Unavailable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('opens a coupon from its row', async () => {
    fakeApi({
      'GET /coupons': { body: { coupons: [aCoupon()], meta: meta(1) } },
      'GET /coupons/SPRING': { body: { coupon: aCoupon() } },
    });
    const { user } = renderApp('/coupons');
    await user.click(await screen.findByText('€12.50'));
    await screen.findByRole('heading', { name: 'Spring' });
    expect(window.location.pathname).toBe('/coupon/SPRING');
  });
});
