import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from './routes';

describe('routes', () => {
  it('matches every path it builds, whatever characters the code holds', () => {
    for (const code of ['SPRING', 'new', 'A.B?C#1', 'é/ü %']) {
      expect(matchRoute(paths.coupon(code))).toEqual({ page: 'coupon', code });
      expect(matchRoute(paths.editCoupon(code))).toEqual({ page: 'editCoupon', code });
    }
    expect(matchRoute(paths.newCoupon())).toEqual({ page: 'newCoupon' });
  });

  it('keeps the list filters in the query string, leaving out the defaults', () => {
    expect(paths.coupons()).toBe('/coupons');
    expect(paths.coupons({ status: '', search: '', page: 1 })).toBe('/coupons');
    const filtered = paths.coupons({ status: 'active', search: 'spring sale?', page: 3 });
    expect(matchRoute(filtered)).toEqual({ page: 'coupons', filters: { status: 'active', search: 'spring sale?', page: 3 } });
    expect(matchRoute('/coupons')).toEqual({ page: 'coupons', filters: { status: '', search: '', page: 1 } });
    expect(matchRoute('/coupons?page=-2')).toEqual({ page: 'coupons', filters: { status: '', search: '', page: 1 } });
  });

  it('builds and matches every other page, ids as one encoded segment', () => {
    expect(matchRoute(paths.overview())).toEqual({ page: 'overview' });
    expect(matchRoute(paths.customers({ search: 'acme corp', page: 2 }))).toEqual({
      page: 'customers',
      filters: { search: 'acme corp', page: 2 },
    });
    expect(matchRoute(paths.customer('cus/1 é'))).toEqual({ page: 'customer', externalId: 'cus/1 é' });
    expect(matchRoute(paths.invoiceDiscounts())).toEqual({ page: 'invoiceDiscounts', externalInvoiceId: '' });
    expect(matchRoute(paths.invoiceDiscounts('inv #7'))).toEqual({ page: 'invoiceDiscounts', externalInvoiceId: 'inv #7' });
    expect(matchRoute(paths.webhooks())).toEqual({ page: 'webhooks' });
    expect(matchRoute(paths.webhookEndpoint('a-b'))).toEqual({ page: 'webhookEndpoint', lagoId: 'a-b' });
    expect(matchRoute(paths.activity())).toEqual({ page: 'activity', filters: { type: '', object: '', page: 1 } });
    expect(paths.activity({ type: 'coupon.created', object: 'a b', page: 3 })).toBe('/activity?type=coupon.created&object=a+b&page=3');
    expect(matchRoute(paths.activity({ type: 'coupon.created', object: 'a b', page: 3 }))).toEqual({
      page: 'activity',
      filters: { type: 'coupon.created', object: 'a b', page: 3 },
    });
    expect(matchRoute('/activity?page=-2')).toEqual({ page: 'activity', filters: { type: '', object: '', page: 1 } });
    expect(matchRoute('/activity?page=junk')).toEqual({ page: 'activity', filters: { type: '', object: '', page: 1 } });
    expect(matchRoute(paths.settings())).toEqual({ page: 'settings' });
    expect(matchRoute(paths.invitation('tok_1'))).toEqual({ page: 'invitation', token: 'tok_1' });
  });

  it('shows "not found" for unknown paths and undecodable codes', () => {
    expect(matchRoute('/plans')).toEqual({ page: 'notFound' });
    expect(matchRoute('/coupon/%E0%A4%A')).toEqual({ page: 'notFound' });
    expect(matchRoute('/coupon/a/b')).toEqual({ page: 'notFound' });
  });
});
