import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, listMeta, type FakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { aCustomer, anAppliedCoupon, sessionAs } from './customer-fixtures';
import type { CustomerAppliedCoupon } from './customer-types';

const APPLIED = '/customers/cus_acme/applied_coupons';

/** The customer page of cus_acme with `applied` as its applied coupons (a function sees the current list). */
function customerApi(applied: () => CustomerAppliedCoupon[], extra: Parameters<typeof fakeApi>[0] = {}): FakeApi {
  return fakeApi({
    'GET /auth/session': sessionAs('manager'),
    'GET /customers/cus_acme': { body: { customer: aCustomer({ currency: 'JPY' }) } },
    [`GET ${APPLIED}`]: () => ({ body: { applied_coupons: applied(), meta: listMeta(applied().length, 1, 20) } }),
    ...extra,
  });
}

describe('customer page', () => {
  it('shows the customer, what is left of each applied coupon, and the credits given', async () => {
    customerApi(() => [
      anAppliedCoupon({
        coupon_code: 'YEN-OFF', coupon_name: 'Yen off', promotion_code: 'YEN-AB12', amount_cents: 1500, amount_cents_remaining: 500,
        amount_currency: 'JPY',
        credits: [{
          lago_id: 'c1', amount_cents: 1000, amount_currency: 'JPY', before_taxes: true,
          item: { lago_item_id: 'i', type: 'coupon', code: 'YEN-OFF', name: 'Yen off', description: null },
          invoice: { lago_id: 'inv', external_invoice_id: 'INV-7' },
        }],
      }),
      anAppliedCoupon({
        lago_id: 'p', coupon_code: 'PCT', amount_cents: null, amount_cents_remaining: null, amount_currency: null,
        percentage_rate: '12.5', frequency: 'recurring', frequency_duration: 3, frequency_duration_remaining: 2,
      }),
      anAppliedCoupon({ lago_id: 't', coupon_code: 'OLD', status: 'terminated', terminated_at: '2026-03-03T00:00:00Z', coupon_deleted_at: '2026-03-04T00:00:00Z' }),
    ]);
    renderApp('/customer/cus_acme');
    expect(await screen.findByRole('heading', { name: 'Acme Corp' })).toBeInTheDocument();
    expect(screen.getByText('JPY · Yen')).toBeInTheDocument();
    await screen.findByRole('link', { name: 'YEN-OFF' });
    const applied = within(screen.getByRole('region', { name: 'Applied coupons' }));
    const rows = applied.getAllByRole('row');
    expect(within(rows[1]).getByRole('link', { name: 'YEN-OFF' })).toHaveAttribute('href', '/coupon/YEN-OFF');
    expect(within(rows[1]).getByText('YEN-AB12')).toBeInTheDocument();
    expect(within(rows[1]).getByText('¥1,500')).toBeInTheDocument();
    expect(within(rows[1]).getByText('¥500')).toBeInTheDocument();
    expect(within(rows[2]).getByText('12.5%')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Recurring · 3 periods')).toBeInTheDocument();
    expect(within(rows[2]).getByText('2 periods left')).toBeInTheDocument();
    expect(within(rows[3]).queryByRole('link', { name: 'OLD' })).not.toBeInTheDocument();
    expect(within(rows[3]).getByText('Terminated')).toBeInTheDocument();
    expect(within(rows[3]).queryByRole('button', { name: /Terminate/ })).not.toBeInTheDocument();
    const credits = within(screen.getByRole('region', { name: 'Credits' }));
    expect(credits.getByRole('link', { name: 'INV-7' })).toHaveAttribute('href', '/invoice-discounts?invoice=INV-7');
    expect(credits.getByText('¥1,000')).toBeInTheDocument();
  });

  it('applies a promotion code, showing a refusal under the field first', async () => {
    let applied: CustomerAppliedCoupon[] = [];
    const fake = customerApi(() => applied, {
      'POST /applied_coupons': (body) => {
        const code = (body as { applied_coupon: { promotion_code: string } }).applied_coupon.promotion_code;
        if (code === 'NOPE') return { status: 404, body: { status: 404, error: 'Not Found', code: 'promotion_code_not_found' } };
        applied = [anAppliedCoupon({ promotion_code: code })];
        return { body: { applied_coupon: applied[0] } };
      },
    });
    const { user } = renderApp('/customer/cus_acme');
    expect(await screen.findByText('No coupons applied')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply a promotion code' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Apply a promotion code' }));
    const field = dialog.getByLabelText('Promotion code');
    await user.click(dialog.getByRole('button', { name: 'Apply' }));
    expect(field).toHaveAccessibleDescription('Enter the promotion code');
    await user.type(field, 'NOPE');
    await user.click(dialog.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('No promotion code matches (case does not matter).'));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await user.clear(field);
    await user.type(field, 'spring-ab12{Enter}');
    expect(await screen.findByText('spring-ab12 applied to cus_acme.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'SPRING' })).toBeInTheDocument();
    expect(fake.bodiesOf('POST', '/applied_coupons')).toEqual([
      { applied_coupon: { external_customer_id: 'cus_acme', promotion_code: 'NOPE' } },
      { applied_coupon: { external_customer_id: 'cus_acme', promotion_code: 'spring-ab12' } },
    ]);
  });

  it('applies a coupon by its code', async () => {
    const fake = customerApi(() => [], {
      'POST /applied_coupons': { status: 422, body: { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { coupon: ['coupon_is_not_reusable'] } } },
    });
    const { user } = renderApp('/customer/cus_acme');
    await user.click(await screen.findByRole('button', { name: 'Apply a coupon' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Apply a coupon' }));
    await user.type(dialog.getByLabelText('Coupon code'), 'ONCE{Enter}');
    await waitFor(() =>
      expect(dialog.getByLabelText('Coupon code')).toHaveAccessibleDescription('This coupon is not reusable and the customer already had it'),
    );
    expect(fake.bodiesOf('POST', '/applied_coupons')).toEqual([{ applied_coupon: { external_customer_id: 'cus_acme', coupon_code: 'ONCE' } }]);
  });

  it('terminates an applied coupon after confirmation', async () => {
    let applied = [anAppliedCoupon()];
    const fake = customerApi(() => applied, {
      [`DELETE ${APPLIED}/${anAppliedCoupon().lago_id}`]: () => {
        applied = [anAppliedCoupon({ status: 'terminated', terminated_at: '2026-03-05T00:00:00Z' })];
        return { body: { applied_coupon: applied[0] } };
      },
    });
    const { user } = renderApp('/customer/cus_acme');
    await user.click(await screen.findByRole('button', { name: 'Terminate SPRING' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Terminate SPRING for cus_acme?' }));
    await user.click(dialog.getByRole('button', { name: 'Terminate' }));
    expect(await screen.findByText('SPRING terminated for cus_acme.')).toBeInTheDocument();
    await screen.findByText('Terminated');
    expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([`${APPLIED}/${anAppliedCoupon().lago_id}`]);
  });

  it('hides every write from a viewer', async () => {
    customerApi(() => [anAppliedCoupon()], { 'GET /auth/session': sessionAs('viewer') });
    renderApp('/customer/cus_acme');
    expect(await screen.findByRole('link', { name: 'SPRING' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Apply/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Terminate/ })).not.toBeInTheDocument();
  });

  it('says when no customer has this external id, with a way back', async () => {
    fakeApi({
      'GET /auth/session': sessionAs('admin'),
      'GET /customers/cus%2Fgone': { status: 404, body: { status: 404, error: 'Not Found', code: 'customer_not_found' } },
    });
    renderApp('/customer/cus%2Fgone');
    expect(await screen.findByText('Customer not found')).toBeInTheDocument();
    expect(screen.getByText('cus/gone')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the customers' })).toHaveAttribute('href', '/customers');
  });
});
