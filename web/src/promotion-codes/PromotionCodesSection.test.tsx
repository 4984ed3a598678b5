import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PromotionCode } from '../api/types';
import { aCoupon, aPromotionCode, fakeApi, listMeta } from '../test/fake-api';
import { renderApp } from '../test/render-app';

const BASE = { 'GET /coupons/SPRING': { body: { coupon: aCoupon({ max_redemptions: 10 }) } }, 'GET /applied_coupons': { body: { applied_coupons: [] } } };

async function openCreateDialog() {
  const rendered = renderApp('/coupon/SPRING');
  await rendered.user.click(await screen.findByRole('button', { name: 'New promotion code' }));
  return { ...rendered, dialog: screen.getByRole('dialog', { name: 'New promotion code for SPRING' }) };
}

describe('promotion codes on the coupon page', () => {
  it('lists the coupon’s codes with their state, limits and restrictions, a page at a time', async () => {
    const codes = [
      aPromotionCode({
        code: 'VIP-ACME', max_redemptions: 5, redemptions_count: 2,
        restrictions: { customer_external_id: 'cus_acme', first_time_transaction: true, minimum_amount_cents: 5000, minimum_amount_currency: 'EUR' },
      }),
      aPromotionCode({ lago_id: 'p2', code: 'OLD-ONE', active: false }),
      aPromotionCode({ lago_id: 'p3', code: 'GONE', expires_at: '2020-01-01T00:00:00Z' }),
    ];
    const fake = fakeApi({
      ...BASE,
      'GET /promotion_codes': (_body, url) => ({ body: { promotion_codes: codes, meta: listMeta(45, Number(url.searchParams.get('page')), 20) } }),
    });
    const { user } = renderApp('/coupon/SPRING');
    const vip = await screen.findByRole('row', { name: /VIP-ACME/ });
    expect(within(vip).getByText('Active')).toBeInTheDocument();
    expect(within(vip).getByText('2 / 5')).toBeInTheDocument();
    expect(within(vip).getByText('Only cus_acme · First-time customers · Min. €50.00')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /OLD-ONE/ })).getByText('Inactive')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /GONE/ })).getByText('Expired')).toBeInTheDocument();
    expect(screen.getByText('45 codes · page 1 of 3')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('45 codes · page 2 of 3');
    const lastCall = fake.requests.filter((r) => r.path === '/promotion_codes').at(-1)!;
    expect(Object.fromEntries(lastCall.url.searchParams)).toEqual({ coupon_code: 'SPRING', page: '2', per_page: '20' });

    await user.type(screen.getByLabelText('Find a code'), 'vip-acme{Enter}');
    await waitFor(() => expect(fake.requests.at(-1)?.url.searchParams.get('code')).toBe('vip-acme'));
    expect(fake.requests.at(-1)?.url.searchParams.get('page')).toBe('1');
  });

  it('creates a code with its limits and restrictions, then shows it', async () => {
    let codes: PromotionCode[] = [];
    const fake = fakeApi({
      ...BASE,
      'GET /promotion_codes': () => ({ body: { promotion_codes: codes, meta: listMeta(codes.length) } }),
      'POST /promotion_codes': () => {
        codes = [aPromotionCode({ code: 'NEWSLETTER' })];
        return { body: { promotion_code: codes[0] } };
      },
    });
    const { user, dialog } = await openCreateDialog();
    expect(within(dialog).getByLabelText(/^Code/)).toHaveFocus();
    await user.type(within(dialog).getByLabelText(/^Code/), 'NEWSLETTER');
    await user.type(within(dialog).getByLabelText(/^Maximum redemptions/), '5');
    await user.type(within(dialog).getByLabelText(/^Expires at/), '2031-07-01T14:30');
    await user.type(within(dialog).getByLabelText(/^Only for customer/), 'cus_acme');
    await user.click(within(dialog).getByRole('checkbox', { name: /First-time customers only/ }));
    await user.type(within(dialog).getByLabelText(/^Minimum invoice amount/), '50');
    await user.selectOptions(within(dialog).getByLabelText('Minimum amount currency'), 'EUR');
    await user.click(within(dialog).getByRole('button', { name: '+ Add metadata' }));
    await user.type(within(dialog).getByLabelText('Key 1'), 'campaign');
    await user.type(within(dialog).getByLabelText('Value 1'), 'newsletter');
    await user.click(within(dialog).getByRole('button', { name: 'Create code' }));

    expect(await screen.findByText('Promotion code NEWSLETTER created.')).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /NEWSLETTER/ })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // 14:30 in Kolkata (UTC+05:30) is 09:00 UTC.
    expect(fake.bodiesOf('POST', '/promotion_codes')).toEqual([{
      promotion_code: {
        coupon_code: 'SPRING',
        code: 'NEWSLETTER',
        max_redemptions: 5,
        expires_at: '2031-07-01T09:00:00Z',
        restrictions: { customer_external_id: 'cus_acme', first_time_transaction: true, minimum_amount_cents: 5000, minimum_amount_currency: 'EUR' },
        metadata: { campaign: 'newsletter' },
      },
    }]);
  });

  it('leaves the code out when blank, so the API generates one', async () => {
    const fake = fakeApi({ ...BASE, 'POST /promotion_codes': { body: { promotion_code: aPromotionCode({ code: 'K7QXM2HD' }) } } });
    const { user, dialog } = await openCreateDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Create code' }));
    expect(await screen.findByText('Promotion code K7QXM2HD created.')).toBeInTheDocument();
    expect(fake.bodiesOf('POST', '/promotion_codes')).toEqual([{
      promotion_code: {
        coupon_code: 'SPRING', max_redemptions: null, expires_at: null,
        restrictions: { customer_external_id: null, first_time_transaction: false }, metadata: {},
      },
    }]);
  });

  it('checks the domain’s rules before sending: a malformed code, a limit above the coupon’s', async () => {
    const fake = fakeApi(BASE);
    const { user, dialog } = await openCreateDialog();
    await user.type(within(dialog).getByLabelText(/^Code/), 'NO SPACES');
    await user.type(within(dialog).getByLabelText(/^Maximum redemptions/), '11');
    await user.click(within(dialog).getByRole('button', { name: 'Create code' }));
    expect(within(dialog).getByLabelText(/^Code/)).toHaveAccessibleDescription('3–64 letters, digits or “-”');
    expect(within(dialog).getByLabelText(/^Maximum redemptions/)).toHaveAccessibleDescription(
      'Enter a whole number of at least 1, not above the coupon’s own limit',
    );
    expect(fake.bodiesOf('POST', '/promotion_codes')).toHaveLength(0);
  });

  it('puts the API’s refusals on their fields: a taken code, an unknown customer, a terminated coupon', async () => {
    const answers = [
      { status: 422, body: { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { code: ['value_already_exist'], minimum_amount_currency: ['value_is_invalid'] } } },
      { status: 404, body: { status: 404, error: 'Not Found', code: 'customer_not_found' } },
      { status: 422, body: { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { coupon_code: ['coupon_is_terminated'] } } },
    ];
    fakeApi({ ...BASE, 'POST /promotion_codes': () => answers.shift()! });
    const { user, dialog } = await openCreateDialog();
    const code = within(dialog).getByLabelText(/^Code/);
    await user.type(code, 'spring-ab12');
    await user.click(within(dialog).getByRole('button', { name: 'Create code' }));
    await waitFor(() => expect(code).toHaveAccessibleDescription('Another promotion code already uses this code (case does not matter)'));
    expect(within(dialog).getByLabelText('Minimum amount currency')).toHaveAccessibleDescription('Pick a currency from the list');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Some fields need your attention.');

    await user.clear(code);
    await user.type(code, 'OTHER');
    expect(code).toHaveAttribute('aria-invalid', 'false');
    const customer = within(dialog).getByLabelText(/^Only for customer/);
    await user.type(customer, 'ghost');
    await user.click(within(dialog).getByRole('button', { name: 'Create code' }));
    await waitFor(() => expect(customer).toHaveAccessibleDescription('No customer has this external ID.'));

    await user.click(within(dialog).getByRole('button', { name: 'Create code' }));
    expect(await within(dialog).findByText('Coupon code: This coupon is terminated: it cannot get new codes')).toBeInTheDocument();
  });

  it('deactivates after confirmation, and reactivates', async () => {
    let code = aPromotionCode({ code: 'Spring-AB12' });
    const fake = fakeApi({
      ...BASE,
      'GET /promotion_codes': () => ({ body: { promotion_codes: [code], meta: listMeta(1) } }),
      'PUT /promotion_codes/Spring-AB12': (body) => {
        code = { ...code, ...(body as { promotion_code: Partial<PromotionCode> }).promotion_code };
        return { body: { promotion_code: code } };
      },
    });
    const { user } = renderApp('/coupon/SPRING');
    const row = await screen.findByRole('row', { name: /Spring-AB12/ });
    await user.click(within(row).getByRole('button', { name: 'Deactivate' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Deactivate Spring-AB12?' })).getByRole('button', { name: 'Cancel' }));
    expect(fake.bodiesOf('PUT', '/promotion_codes/Spring-AB12')).toHaveLength(0);

    await user.click(within(row).getByRole('button', { name: 'Deactivate' }));
    await user.click(screen.getByRole('button', { name: 'Deactivate code' }));
    expect(await screen.findByText('Promotion code Spring-AB12 deactivated.')).toBeInTheDocument();
    const inactive = await screen.findByRole('row', { name: /Inactive/ });
    await user.click(within(inactive).getByRole('button', { name: 'Reactivate' }));
    await user.click(screen.getByRole('button', { name: 'Reactivate code' }));
    expect(await screen.findByText('Promotion code Spring-AB12 reactivated.')).toBeInTheDocument();
    expect(fake.bodiesOf('PUT', '/promotion_codes/Spring-AB12')).toEqual([
      { promotion_code: { active: false } },
      { promotion_code: { active: true } },
    ]);
  });

  it('shows a failed change in the confirmation, which stays open', async () => {
    fakeApi({
      ...BASE,
      'GET /promotion_codes': { body: { promotion_codes: [aPromotionCode()], meta: listMeta(1) } },
      'PUT /promotion_codes/SPRING-AB12': { status: 404, body: { status: 404, error: 'Not Found', code: 'promotion_code_not_found' } },
    });
    const { user } = renderApp('/coupon/SPRING');
    await user.click(await screen.findByRole('button', { name: 'Deactivate' }));
    await user.click(screen.getByRole('button', { name: 'Deactivate code' }));
    const dialog = screen.getByRole('dialog');
    expect(await within(dialog).findByText('This promotion code does not exist any more. Reload the page.')).toBeInTheDocument();
  });

  it('offers no new codes on a terminated coupon', async () => {
    fakeApi({ ...BASE, 'GET /coupons/SPRING': { body: { coupon: aCoupon({ status: 'terminated', terminated_at: '2026-03-01T00:00:00Z' }) } } });
    renderApp('/coupon/SPRING');
    expect(await screen.findByRole('button', { name: 'New promotion code' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Generate codes' })).toBeDisabled();
    expect(await screen.findByText('No promotion codes yet')).toBeInTheDocument();
  });
});
