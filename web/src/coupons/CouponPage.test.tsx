import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Coupon } from '../api/types';
import { aCoupon, fakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

function appliedCoupon(overrides: object) {
  return {
    lago_id: 'ac1', coupon_code: 'SPRING', external_customer_id: 'cus_1', status: 'active', amount_cents: 1250,
    amount_cents_remaining: 250, amount_currency: 'EUR', percentage_rate: null, frequency: 'once',
    frequency_duration: null, frequency_duration_remaining: null, created_at: '2026-02-01T10:00:00Z', terminated_at: null,
    ...overrides,
  };
}

describe('coupon page', () => {
  it('lists applied coupons with what remains of them', async () => {
    const fake = fakeApi({
      'GET /coupons/SPRING': { body: { coupon: aCoupon({ redemptions_count: 2 }) } },
      'GET /applied_coupons': {
        body: { applied_coupons: [appliedCoupon({}), appliedCoupon({ lago_id: 'ac2', external_customer_id: 'cus_2', frequency: 'recurring', amount_cents_remaining: null, frequency_duration_remaining: 2 })] },
      },
    });
    renderApp('/coupon/SPRING');
    const table = await screen.findByRole('table');
    expect(within(table).getByText('€2.50')).toBeInTheDocument();
    expect(within(table).getByText('2 periods')).toBeInTheDocument();
    const listCall = fake.requests.find((r) => r.path === '/applied_coupons');
    expect(listCall?.url.searchParams.getAll('coupon_code[]')).toEqual(['SPRING']);
  });

  it('keeps the coupon on screen and offers a retry when its applied coupons fail to load', async () => {
    let failing = true;
    fakeApi({
      'GET /coupons/SPRING': { body: { coupon: aCoupon() } },
      'GET /applied_coupons': () =>
        failing ? { status: 500, body: { status: 500, error: 'Internal Server Error' } } : { body: { applied_coupons: [] } },
    });
    const { user } = renderApp('/coupon/SPRING');
    expect(await screen.findByText('Applied coupons could not be loaded.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Spring' })).toBeInTheDocument();
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Not applied yet')).toBeInTheDocument();
  });

  it('terminates after confirmation', async () => {
    let coupon: Coupon = aCoupon();
    const fake = fakeApi({
      'GET /coupons/SPRING': () => ({ body: { coupon } }),
      'GET /applied_coupons': { body: { applied_coupons: [] } },
      'POST /coupons/SPRING/terminate': () => {
        coupon = { ...coupon, status: 'terminated', terminated_at: '2026-03-01T00:00:00Z' };
        return { body: { coupon } };
      },
    });
    const { user } = renderApp('/coupon/SPRING');
    await user.click(await screen.findByRole('button', { name: 'Terminate' }));
    const dialog = screen.getByRole('dialog', { name: 'Terminate SPRING?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.bodiesOf('POST', '/coupons/SPRING/terminate')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Terminate' }));
    await user.click(screen.getByRole('button', { name: 'Terminate coupon' }));
    expect(await screen.findByText('Coupon terminated.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Terminate' })).not.toBeInTheDocument());
    expect(screen.getAllByText('Terminated').length).toBeGreaterThan(0);
  });

  it('deletes after confirmation and goes back to the list', async () => {
    const fake = fakeApi({
      'GET /coupons/SPRING': { body: { coupon: aCoupon() } },
      'DELETE /coupons/SPRING': { body: { coupon: aCoupon() } },
      'GET /coupons': { body: { coupons: [], meta: { current_page: 1, next_page: null, prev_page: null, total_pages: 0, total_count: 0 } } },
    });
    const { user } = renderApp('/coupon/SPRING');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Delete coupon' }));
    await screen.findByText('No coupons yet');
    expect(fake.requests.some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('applies to a customer and puts a missing customer error on the field', async () => {
    const fake = fakeApi({
      'GET /coupons/SPRING': { body: { coupon: aCoupon() } },
      'GET /applied_coupons': { body: { applied_coupons: [] } },
      'POST /applied_coupons': (body) =>
        (body as { applied_coupon: { external_customer_id: string } }).applied_coupon.external_customer_id === 'ghost'
          ? { status: 404, body: { status: 404, error: 'Not Found', code: 'customer_not_found' } }
          : { body: { applied_coupon: appliedCoupon({}) } },
    });
    const { user } = renderApp('/coupon/SPRING');
    await user.click(await screen.findByRole('button', { name: 'Apply to customer' }));
    const field = screen.getByLabelText('Customer external ID');
    expect(field).toHaveFocus();
    await user.type(field, 'ghost{Enter}');
    await waitFor(() => expect(field).toHaveAccessibleDescription('No customer has this external ID.'));
    await user.clear(field);
    await user.type(field, 'cus_1');
    await user.click(screen.getByRole('button', { name: 'Apply coupon' }));
    expect(await screen.findByText('Coupon applied to cus_1.')).toBeInTheDocument();
    expect(fake.bodiesOf('POST', '/applied_coupons')[1]).toEqual({
      applied_coupon: { external_customer_id: 'cus_1', coupon_code: 'SPRING' },
    });
  });
});
