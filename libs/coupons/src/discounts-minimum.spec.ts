import fc from 'fast-check';
import { DiscountableCoupon } from './discounts';
import { coupon, discount, fee, percent } from './discount.fixtures';
import { InvoiceFee } from './invoice';

const minimum = (cents: number, currency = 'EUR') => ({ minimumAmountCents: cents, minimumAmountCurrency: currency });
const creditsOf = (fees: InvoiceFee[], coupons: DiscountableCoupon[], currency = 'EUR') =>
  discount(fees, coupons, currency).credits.map((c) => [c.appliedCouponId, c.amountCents]);

describe('computeInvoiceDiscount with a minimum amount', () => {
  it.each<[string, number, number | null]>([
    ['above the minimum', 5001, 1000],
    ['exactly the minimum', 5000, 1000],
    ['one cent below the minimum', 4999, null],
    ['far below the minimum', 1, null],
  ])('gives a credit on an invoice %s', (_, total, credit) => {
    const result = discount([fee('f1', total)], [coupon('a', minimum(5000))]);
    expect(result.credits.map((c) => c.amountCents)).toEqual(credit === null ? [] : [credit]);
    expect(result.couponsAmountCents).toBe(credit ?? 0);
  });

  it('gives nothing on an invoice in another currency, whatever its total', () => {
    expect(creditsOf([fee('f1', 1_000_000)], [percent('a', '10', minimum(5000, 'USD'))])).toEqual([]);
    expect(creditsOf([fee('f1', 1_000_000)], [percent('a', '10', minimum(5000))], 'USD')).toEqual([]);
    expect(creditsOf([fee('f1', 1_000_000)], [percent('a', '10', minimum(5000, 'USD'))], 'USD')).toEqual([
      ['a', 100_000],
    ]);
  });

  it('limits even a minimum of 0 to invoices in its currency', () => {
    expect(creditsOf([fee('f1', 100)], [percent('a', '10', minimum(0))])).toEqual([['a', 10]]);
    expect(creditsOf([fee('f1', 100)], [percent('a', '10', minimum(0))], 'JPY')).toEqual([]);
  });

  it('treats null minimum fields as no minimum', () => {
    const unbounded = coupon('a', { minimumAmountCents: null, minimumAmountCurrency: null });
    expect(creditsOf([fee('f1', 1)], [unbounded])).toEqual([['a', 1]]);
  });

  it('sums every fee of the invoice, not only the fees the coupon discounts', () => {
    const planLimited = coupon('a', { planCodes: ['pro'], ...minimum(5000) });
    expect(creditsOf([fee('f1', 1000, 'pro'), fee('f2', 4000, 'basic')], [planLimited])).toEqual([['a', 1000]]);
    expect(creditsOf([fee('f1', 1000, 'pro'), fee('f2', 3999, 'basic')], [planLimited])).toEqual([]);
  });

  it('judges the invoice as billed, before earlier coupons reduce it', () => {
    const first = coupon('first', { billableMetricCodes: ['calls'] });
    const second = percent('second', '10', minimum(5000));
    expect(creditsOf([fee('f1', 5000, null, 'calls')], [second, first])).toEqual([
      ['first', 1000],
      ['second', 400],
    ]);
  });

  it('consumes nothing of a coupon whose minimum is missed', () => {
    const recurring = coupon('r', { frequency: 'recurring', frequencyDurationRemaining: 1, ...minimum(5000) });
    const once = coupon('o', { frequency: 'once', amountCentsRemaining: 700, ...minimum(5000) });
    const percentOnce = percent('p', '10', { frequency: 'once', ...minimum(5000) });
    expect(discount([fee('f1', 4999)], [recurring, once, percentOnce])).toEqual({
      feesAmountCents: 4999,
      couponsAmountCents: 0,
      subTotalExcludingTaxesAmountCents: 4999,
      fees: [{ id: 'f1', amountCents: 4999, couponsAmountCents: 0 }],
      credits: [],
      couponUpdates: [],
    });
  });

  it('uses a period, the remaining amount or the once coupon when the minimum is met', () => {
    const recurring = coupon('r', { frequency: 'recurring', frequencyDurationRemaining: 1, ...minimum(5000) });
    const once = coupon('o', { frequency: 'once', amountCentsRemaining: 700, ...minimum(5000) });
    const percentOnce = percent('p', '10', { frequency: 'once', ...minimum(5000) });
    expect(discount([fee('f1', 5000)], [recurring, once, percentOnce]).couponUpdates).toEqual([
      { appliedCouponId: 'r', amountCentsRemaining: null, frequencyDurationRemaining: 0, terminate: true },
      { appliedCouponId: 'o', amountCentsRemaining: 0, frequencyDurationRemaining: null, terminate: true },
      { appliedCouponId: 'p', amountCentsRemaining: null, frequencyDurationRemaining: null, terminate: true },
    ]);
  });

  it('moves on to the next coupon after one whose minimum is missed', () => {
    expect(creditsOf([fee('f1', 3000)], [coupon('a', minimum(5000)), coupon('b'), coupon('c', minimum(3000))])).toEqual(
      [
        ['b', 1000],
        ['c', 1000],
      ],
    );
  });

  it('handles minimums up to 2^53 − 1', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(creditsOf([fee('f1', max)], [percent('a', '100', minimum(max))])).toEqual([['a', max]]);
    expect(creditsOf([fee('f1', max - 1)], [percent('a', '100', minimum(max))])).toEqual([]);
  });
});

describe('computeInvoiceDiscount with a minimum amount, for any invoice', () => {
  const feesArb = fc
    .array(
      fc.record({
        amountCents: fc.integer({ min: 0, max: 50_000 }),
        planCode: fc.option(fc.constantFrom('basic', 'pro')),
        billableMetricCode: fc.option(fc.constantFrom('calls', 'seats')),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((fees): InvoiceFee[] => fees.map((f, i) => ({ id: `fee_${i}`, ...f })));

  const couponArb = fc.record({
    percentage: fc.boolean(),
    amountCents: fc.integer({ min: 1, max: 30_000 }),
    amountCurrency: fc.constantFrom('EUR', 'EUR', 'USD'),
    rate: fc.constantFrom('5.0', '12.5', '33.33333', '100.0'),
    frequency: fc.constantFrom('once' as const, 'recurring' as const, 'forever' as const),
    periods: fc.integer({ min: 0, max: 3 }),
    remaining: fc.option(fc.integer({ min: 0, max: 30_000 })),
    planCodes: fc.subarray(['basic', 'pro']),
    billableMetricCodes: fc.oneof(fc.constant<string[]>([]), fc.subarray(['calls', 'seats'])),
  });

  const couponsArb = fc.array(couponArb, { maxLength: 5 }).map((coupons): DiscountableCoupon[] =>
    coupons.map((c, i) => {
      const terms: Partial<DiscountableCoupon> = {
        frequency: c.frequency,
        frequencyDurationRemaining: c.frequency === 'recurring' ? c.periods : null,
        planCodes: c.planCodes,
        billableMetricCodes: c.billableMetricCodes,
      };
      if (c.percentage) return percent(`ac_${i}`, c.rate, terms);
      const remaining = c.frequency === 'once' ? c.remaining : null;
      return coupon(`ac_${i}`, {
        ...terms,
        amountCents: c.amountCents,
        amountCurrency: c.amountCurrency,
        amountCentsRemaining: remaining,
      });
    }),
  );

  const feesTotal = (fees: InvoiceFee[]) => fees.reduce((total, f) => total + f.amountCents, 0);
  const currency = fc.constantFrom('EUR', 'USD');

  it('changes nothing when every minimum is met', () => {
    fc.assert(
      fc.property(
        feesArb,
        couponsArb,
        currency,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true })),
        (fees, coupons, cur, shares) => {
          const total = feesTotal(fees);
          const bounded = coupons.map((c, i) => ({ ...c, ...minimum(Math.floor(total * (shares[i] ?? 1)), cur) }));
          expect(discount(fees, bounded, cur)).toEqual(discount(fees, coupons, cur));
        },
      ),
    );
  });

  it('acts as if the coupons whose minimum is missed were not there', () => {
    const miss = fc.constantFrom('none', 'above', 'currency');
    fc.assert(
      fc.property(
        feesArb,
        couponsArb,
        currency,
        fc.array(miss),
        fc.integer({ min: 1, max: 1000 }),
        (fees, coupons, cur, misses, excess) => {
          const total = feesTotal(fees);
          const other = cur === 'EUR' ? 'USD' : 'EUR';
          const bounded = coupons.map((c, i) => {
            const kind = misses[i] ?? 'none';
            if (kind === 'above') return { ...c, ...minimum(total + excess, cur) };
            if (kind === 'currency') return { ...c, ...minimum(0, other) };
            return c;
          });
          const kept = coupons.filter((_, i) => (misses[i] ?? 'none') === 'none');
          expect(discount(fees, bounded, cur)).toEqual(discount(fees, kept, cur));
        },
      ),
    );
  });
});
