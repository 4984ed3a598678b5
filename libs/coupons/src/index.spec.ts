import * as domain from '@coupons/domain';

describe('@coupons/domain', () => {
  it('exposes the agreed API through the package entry point', () => {
    const functions = [
      'addError',
      'currencyExponent',
      'currencyName',
      'isCurrencyCode',
      'parseDateTime',
      'formatDateTime',
      'parsePercentageRate',
      'formatPercentageRate',
      'generateCouponCode',
      'isValidCouponCode',
      'checkExpirationAtInput',
      'buildCouponAttributes',
      'lockedFieldChanges',
      'buildAppliedCouponOverrides',
      'parseInvoiceInput',
      'computeInvoiceDiscount',
      'parsePagination',
      'paginationMeta',
    ] as const;
    for (const name of functions) expect(typeof domain[name]).toBe('function');
    for (const name of [
      'COUPON_TYPES',
      'FREQUENCIES',
      'EXPIRATIONS',
      'COUPON_STATUSES',
      'APPLIED_COUPON_STATUSES',
      'CURRENCY_CODES',
    ] as const) {
      expect(Array.isArray(domain[name])).toBe(true);
    }
    expect(domain.LIMITS.perPageMax).toBe(1000);
    expect(domain.ERROR_KEYS.value_is_locked).toBe('value_is_locked');
  });
});
