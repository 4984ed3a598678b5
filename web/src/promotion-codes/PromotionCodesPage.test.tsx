import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from '../routes';
import { aCoupon, aPromotionCode, fakeApi, listMeta } from '../test/fake-api';
import { renderApp } from '../test/render-app';

const CODES = {
  'GET /promotion_codes': { body: { promotion_codes: [aPromotionCode(), aPromotionCode({ lago_id: 'p2', code: 'WINTER-5', coupon_code: 'WINTER' })], meta: listMeta(2) } },
};

describe('promotion codes page', () => {
  it('keeps its filters in the URL', () => {
    expect(paths.promotionCodes()).toBe('/promotion-codes');
    const filtered = paths.promotionCodes({ code: 'spring ab', active: 'false', batch: 'b1', page: 2 });
    expect(matchRoute(filtered)).toEqual({ page: 'promotionCodes', filters: { code: 'spring ab', active: 'false', batch: 'b1', page: 2 } });
  });

  it('lists every coupon’s codes, linked to their coupon, and finds one from the URL', async () => {
    const fake = fakeApi({ ...CODES, 'GET /coupons/WINTER': { body: { coupon: aCoupon({ code: 'WINTER', name: 'Winter' }) } } });
    const { user } = renderApp('/promotion-codes?code=winter-5&active=true');
    const row = await screen.findByRole('row', { name: /WINTER-5/ });
    const list = fake.requests.find((r) => r.path === '/promotion_codes')!;
    expect(Object.fromEntries(list.url.searchParams)).toEqual({ code: 'winter-5', active: 'true', page: '1', per_page: '20' });
    expect(screen.getByLabelText('Find a code')).toHaveValue('winter-5');
    expect(screen.getByRole('link', { name: 'Promotion codes' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(row).getByRole('link', { name: 'WINTER' }));
    expect(await screen.findByRole('heading', { name: 'Winter' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/coupon/WINTER');
  });

  it('checks a code for a customer without redeeming it', async () => {
    const answers = [
      { valid: true, reason: null, promotion_code: aPromotionCode(), coupon: aCoupon(), invoice_discount: null },
      { valid: false, reason: 'first_time_only', promotion_code: aPromotionCode(), coupon: aCoupon(), invoice_discount: null },
    ];
    const fake = fakeApi({ ...CODES, 'POST /promotion_codes/validate': () => ({ body: { validation: answers.shift() } }) });
    const { user } = renderApp('/promotion-codes');
    await user.type(await screen.findByLabelText('Promotion code'), 'spring-ab12');
    await user.type(screen.getByLabelText('Customer external ID'), 'cus_acme');
    await user.click(screen.getByRole('button', { name: 'Check code' }));
    expect(await screen.findByText(/SPRING-AB12 can be redeemed by cus_acme/)).toHaveTextContent('coupon SPRING (€12.50 off)');
    expect(fake.bodiesOf('POST', '/promotion_codes/validate')).toEqual([
      { validation: { code: 'spring-ab12', external_customer_id: 'cus_acme' } },
    ]);

    await user.click(screen.getByRole('button', { name: 'Check code' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'spring-ab12 cannot be redeemed by cus_acme. The code is for first-time customers only, and this customer already had a discount.',
      ),
    );
  });
});
