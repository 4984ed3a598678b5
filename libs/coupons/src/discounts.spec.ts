import { DiscountableCoupon } from './discounts';
import { coupon, discount, fee, percent } from './discount.fixtures';
import { InvoiceFee } from './invoice';

const creditsOf = (fees: InvoiceFee[], coupons: DiscountableCoupon[]) =>
  discount(fees, coupons).credits.map((c) => [c.appliedCouponId, c.amountCents]);

describe('computeInvoiceDiscount', () => {
  it('changes nothing without coupons', () => {
    expect(discount([fee('f1', 500)], [])).toEqual({
      feesAmountCents: 500,
      couponsAmountCents: 0,
      subTotalExcludingTaxesAmountCents: 500,
      fees: [{ id: 'f1', amountCents: 500, couponsAmountCents: 0 }],
      credits: [],
      couponUpdates: [],
    });
  });

  it('gives a full result for one fixed forever coupon', () => {
    expect(discount([fee('f1', 3000), fee('f2', 1000)], [coupon('a')])).toEqual({
      feesAmountCents: 4000,
      couponsAmountCents: 1000,
      subTotalExcludingTaxesAmountCents: 3000,
      fees: [
        { id: 'f1', amountCents: 3000, couponsAmountCents: 750 },
        { id: 'f2', amountCents: 1000, couponsAmountCents: 250 },
      ],
      credits: [
        {
          appliedCouponId: 'a',
          couponCode: 'A',
          amountCents: 1000,
          amountCurrency: 'EUR',
          fees: [
            { id: 'f1', amountCents: 750 },
            { id: 'f2', amountCents: 250 },
          ],
        },
      ],
      couponUpdates: [
        { appliedCouponId: 'a', amountCentsRemaining: null, frequencyDurationRemaining: null, terminate: false },
      ],
    });
  });

  describe('percentage', () => {
    it.each<[number, string, number]>([
      [1005, '10.0', 101],
      [1004, '10.0', 100],
      [1015, '5.0', 51],
      [1, '50.0', 1],
      [1, '49.99999', 0],
      [3, '33.33333', 1],
      [5000000, '0.00001', 1],
      [4999999, '0.00001', 0],
      [999, '100.0', 999],
      [12345, '12.5', 1543],
      [7, '0.5', 0],
    ])('rounds half up: %i × %s%% = %i', (amount, rate, credit) => {
      const result = discount([fee('f', amount)], [percent('p', rate)]);
      expect(result.couponsAmountCents).toBe(credit);
      expect(result.credits).toHaveLength(credit === 0 ? 0 : 1);
    });

    it('is exact on the largest amounts', () => {
      const max = Number.MAX_SAFE_INTEGER;
      const expected = Number((2n * BigInt(max) * 3333333n + 10000000n) / 20000000n);
      expect(discount([fee('f', max)], [percent('p', '33.33333')]).couponsAmountCents).toBe(expected);
      expect(discount([fee('f', max)], [percent('p', '100.0')]).couponsAmountCents).toBe(max);
    });

    it('applies whatever the invoice currency and credits in it', () => {
      const result = discount([fee('f', 1000)], [percent('p', '10', { amountCurrency: 'USD' })], 'JPY');
      expect(result.credits[0]).toMatchObject({ amountCents: 100, amountCurrency: 'JPY' });
    });
  });

  describe('fixed amounts', () => {
    it('is capped at the base', () => {
      expect(creditsOf([fee('f', 300)], [coupon('a', { amountCents: 1000 })])).toEqual([['a', 300]]);
    });

    it('skips a coupon in another currency', () => {
      expect(
        creditsOf([fee('f', 300)], [coupon('usd', { amountCurrency: 'USD' }), coupon('eur', { amountCents: 100 })]),
      ).toEqual([['eur', 100]]);
      expect(discount([fee('f', 300)], [coupon('usd', { amountCurrency: 'USD' })]).couponUpdates).toEqual([]);
    });

    it('takes a fixed once coupon over three invoices: 400, 400, 200, then terminates', () => {
      let applied = coupon('once', { frequency: 'once', amountCents: 1000, amountCentsRemaining: 1000 });
      const taken: number[] = [];
      const updates = [];
      for (let i = 0; i < 3; i += 1) {
        const result = discount([fee(`f${i}`, 400)], [applied]);
        taken.push(result.couponsAmountCents);
        const update = result.couponUpdates[0];
        updates.push(update);
        applied = { ...applied, amountCentsRemaining: update.amountCentsRemaining };
      }
      expect(taken).toEqual([400, 400, 200]);
      expect(updates.map((u) => [u.amountCentsRemaining, u.terminate])).toEqual([
        [600, false],
        [200, false],
        [0, true],
      ]);
    });

    it('reads a missing remaining amount of a once coupon as its full amount', () => {
      const result = discount([fee('f', 300)], [coupon('o', { frequency: 'once', amountCentsRemaining: null })]);
      expect(result.couponUpdates).toEqual([
        { appliedCouponId: 'o', amountCentsRemaining: 700, frequencyDurationRemaining: null, terminate: false },
      ]);
    });

    it('gives nothing from an exhausted once coupon', () => {
      const result = discount([fee('f', 300)], [coupon('o', { frequency: 'once', amountCentsRemaining: 0 })]);
      expect(result.credits).toEqual([]);
      expect(result.couponUpdates).toEqual([]);
    });

    it('gives the full amount on every invoice for recurring and forever coupons', () => {
      const coupons = [
        coupon('r', { frequency: 'recurring', frequencyDurationRemaining: 5, amountCents: 100 }),
        coupon('f', { amountCents: 100 }),
      ];
      expect(creditsOf([fee('x', 1000)], coupons)).toEqual([
        ['r', 100],
        ['f', 100],
      ]);
    });
  });

  describe('periods and termination', () => {
    it('uses one period of a recurring coupon and terminates it on the last one', () => {
      expect(
        discount([fee('f', 1000)], [percent('r', '10', { frequency: 'recurring', frequencyDurationRemaining: 2 })])
          .couponUpdates,
      ).toEqual([
        { appliedCouponId: 'r', amountCentsRemaining: null, frequencyDurationRemaining: 1, terminate: false },
      ]);
      expect(
        discount([fee('f', 1000)], [coupon('r', { frequency: 'recurring', frequencyDurationRemaining: 1 })])
          .couponUpdates,
      ).toEqual([{ appliedCouponId: 'r', amountCentsRemaining: null, frequencyDurationRemaining: 0, terminate: true }]);
    });

    it('skips a recurring coupon without periods left', () => {
      for (const remaining of [0, -1, null]) {
        expect(
          discount([fee('f', 1000)], [coupon('r', { frequency: 'recurring', frequencyDurationRemaining: remaining })])
            .credits,
        ).toEqual([]);
      }
    });

    it('uses no period when the coupon gives nothing', () => {
      const result = discount(
        [fee('f', 1000, 'basic')],
        [coupon('r', { frequency: 'recurring', frequencyDurationRemaining: 2, planCodes: ['pro'] })],
      );
      expect(result.couponUpdates).toEqual([]);
    });

    it('terminates a percentage once coupon after its first credit only', () => {
      expect(discount([fee('f', 1000)], [percent('o', '10', { frequency: 'once' })]).couponUpdates).toEqual([
        { appliedCouponId: 'o', amountCentsRemaining: null, frequencyDurationRemaining: null, terminate: true },
      ]);
      expect(discount([fee('f', 1)], [percent('o', '10', { frequency: 'once' })]).couponUpdates).toEqual([]);
    });

    it('never terminates a forever coupon', () => {
      expect(discount([fee('f', 1000)], [percent('p', '100')]).couponUpdates[0].terminate).toBe(false);
    });
  });

  it('refuses fees that were not validated', () => {
    expect(() => discount([fee('f', -1)], [])).toThrow(RangeError);
    expect(() => discount([fee('f', 1.5)], [])).toThrow(RangeError);
    expect(() => discount([fee('f', 2 ** 53)], [])).toThrow(RangeError);
    expect(() => discount([fee('a', Number.MAX_SAFE_INTEGER), fee('b', 1)], [])).toThrow(RangeError);
  });

  it('does not mutate its input', () => {
    const fees = [fee('a', 100)];
    const coupons = [coupon('b', { frequency: 'once', amountCentsRemaining: 50 }), percent('a', '10')];
    const snapshot = JSON.stringify({ fees, coupons });
    discount(fees, coupons);
    expect(JSON.stringify({ fees, coupons })).toBe(snapshot);
  });
});
