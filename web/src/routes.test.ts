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
    expect(matchRoute('/')).toEqual({ page: 'coupons', filters: { status: '', search: '', page: 1 } });
    expect(matchRoute('/coupons?page=-2')).toEqual({ page: 'coupons', filters: { status: '', search: '', page: 1 } });
  });

  it('shows "not found" for unknown paths and undecodable codes', () => {
    expect(matchRoute('/plans')).toEqual({ page: 'notFound' });
    expect(matchRoute('/coupon/%E0%A4%A')).toEqual({ page: 'notFound' });
    expect(matchRoute('/coupon/a/b')).toEqual({ page: 'notFound' });
  });
});
