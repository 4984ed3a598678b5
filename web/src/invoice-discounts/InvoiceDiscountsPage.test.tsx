import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import type { InvoiceDiscount } from './invoice-discount-types';

function aDiscount(overrides: Partial<InvoiceDiscount> = {}): InvoiceDiscount {
  return {
    lago_id: '9b1c0000-0000-4000-8000-000000000001',
    external_invoice_id: 'inv_001',
    external_customer_id: 'acme',
    currency: 'EUR',
    status: 'committed',
    fees_amount_cents: 5000,
    coupons_amount_cents: 1400,
    sub_total_excluding_taxes_amount_cents: 3600,
    fees: [{ id: 'sub', amount_cents: 3000, coupons_amount_cents: 840 }, { id: 'usage', amount_cents: 2000, coupons_amount_cents: 560 }],
    credits: [
      { lago_applied_coupon_id: 'a1', coupon_code: 'TEN-OFF', amount_cents: 1000, amount_currency: 'EUR', fees: [{ id: 'sub', amount_cents: 600 }, { id: 'usage', amount_cents: 400 }] },
      { lago_applied_coupon_id: 'a2', coupon_code: 'PCT-10', amount_cents: 400, amount_currency: 'EUR', fees: [{ id: 'sub', amount_cents: 240 }, { id: 'usage', amount_cents: 160 }] },
    ],
    created_at: '2026-11-02T10:00:00Z',
    ...overrides,
  };
}

const cells = (table: HTMLElement) =>
  within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));

describe('invoice discounts page', () => {
  it('looks a committed discount up by the invoice id in the URL', async () => {
    const fake = fakeApi({ 'GET /invoice_discounts/inv%20001%2Fx': { body: { invoice_discount: aDiscount({ external_invoice_id: 'inv 001/x' }) } } });
    renderApp('/invoice-discounts?invoice=inv%20001%2Fx');
    const result = await screen.findByRole('group', { name: 'Discount of invoice inv 001/x' });
    expect(fake.requests[0].url.pathname).toBe('/api/v1/invoice_discounts/inv%20001%2Fx');
    expect(screen.getByLabelText('External invoice ID')).toHaveValue('inv 001/x');
    const [credits, fees] = within(result).getAllByRole('table');
    expect(cells(credits)).toEqual([['TEN-OFF', '€10.00', 'sub: €6.00, usage: €4.00'], ['PCT-10', '€4.00', 'sub: €2.40, usage: €1.60']]);
    expect(cells(fees)).toEqual([['sub', '€30.00', '€8.40', '€21.60'], ['usage', '€20.00', '€5.60', '€14.40']]);
    expect(within(result).getByText('€36.00')).toBeInTheDocument();
  });

  it('puts the id typed into the URL, and says next to the field when nothing was committed under it', async () => {
    fakeApi({ 'GET /invoice_discounts/missing': { status: 404, body: { status: 404, error: 'Not Found', code: 'invoice_discount_not_found' } } });
    const { user } = renderApp('/invoice-discounts');
    await user.type(await screen.findByLabelText('External invoice ID'), 'missing');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(window.location.search).toBe('?invoice=missing');
    const field = await screen.findByLabelText('External invoice ID');
    await screen.findByText('No committed discount has this invoice ID');
    expect(field).toHaveAccessibleDescription('No committed discount has this invoice ID');
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('previews an invoice typed in major units and sends its fees in minor units', async () => {
    const preview = aDiscount({ lago_id: null, external_invoice_id: null, status: 'preview', created_at: null });
    const fake = fakeApi({ 'POST /invoice_discounts/preview': { body: { invoice_discount: preview } } });
    const { user } = renderApp('/invoice-discounts');
    await user.type(await screen.findByLabelText('Customer external ID'), ' acme ');
    await user.clear(screen.getByLabelText('Fee 1 ID'));
    await user.type(screen.getByLabelText('Fee 1 ID'), 'sub');
    await user.type(screen.getByLabelText('Fee 1 amount'), '30');
    await user.type(screen.getByLabelText(/Fee 1 plan code/), 'starter');
    await user.click(screen.getByRole('button', { name: '+ Add fee' }));
    await user.clear(screen.getByLabelText('Fee 2 ID'));
    await user.type(screen.getByLabelText('Fee 2 ID'), 'usage');
    await user.type(screen.getByLabelText('Fee 2 amount'), '20.00');
    await user.click(screen.getByRole('button', { name: 'Preview discount' }));

    const result = await screen.findByRole('group', { name: 'Preview' });
    expect(within(result).getByText('Preview, not recorded')).toBeInTheDocument();
    expect(fake.bodiesOf('POST', '/invoice_discounts/preview')).toEqual([
      { invoice: { external_customer_id: 'acme', currency: 'EUR', fees: [{ id: 'sub', amount_cents: 3000, plan_code: 'starter' }, { id: 'usage', amount_cents: 2000 }] } },
    ]);
  });

  it('shows an amount error beside its fee without calling the API, and the API’s errors beside their fields', async () => {
    const fake = fakeApi({
      'POST /invoice_discounts/preview': (body) =>
        (body as { invoice: { external_customer_id: string } }).invoice.external_customer_id === 'ghost'
          ? { status: 404, body: { status: 404, error: 'Not Found', code: 'customer_not_found' } }
          : { status: 422, body: { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { external_customer_id: ['value_is_mandatory'], fees: ['value_is_invalid'] } } },
    });
    const { user } = renderApp('/invoice-discounts');
    await user.selectOptions(await screen.findByLabelText('Currency'), 'JPY');
    await user.type(screen.getByLabelText('Fee 1 amount'), '12.5');
    await user.click(screen.getByRole('button', { name: 'Preview discount' }));
    expect(screen.getByLabelText('Fee 1 amount')).toHaveAccessibleDescription('JPY has no decimals');
    expect(fake.requests).toHaveLength(0);

    await user.clear(screen.getByLabelText('Fee 1 amount'));
    await user.type(screen.getByLabelText('Fee 1 amount'), '0');
    await user.click(screen.getByRole('button', { name: 'Preview discount' }));
    expect(await screen.findByText('Enter the customer’s external ID')).toBeInTheDocument();
    expect(screen.getByLabelText('Customer external ID')).toHaveAccessibleDescription('Enter the customer’s external ID');
    expect(screen.getByText(/Each fee needs an ID of its own/)).toBeInTheDocument();
    expect(fake.bodiesOf('POST', '/invoice_discounts/preview')[0]).toMatchObject({ invoice: { currency: 'JPY', fees: [{ id: 'fee_1', amount_cents: 0 }] } });

    await user.type(screen.getByLabelText('Customer external ID'), 'ghost');
    await user.click(screen.getByRole('button', { name: 'Preview discount' }));
    expect(await screen.findByText('No customer has this external ID')).toBeInTheDocument();
    expect(screen.getByLabelText('Customer external ID')).toHaveAccessibleDescription('No customer has this external ID');
  });
});
