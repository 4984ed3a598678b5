import { spreadProRata } from './discounts';
import { coupon, discount, fee, percent } from './discount.fixtures';

describe('computeInvoiceDiscount: order, limitations and spread', () => {
  describe('order and limitations', () => {
    const fees = [fee('sub', 1000, 'pro'), fee('calls', 1000, 'pro', 'api_calls'), fee('other', 1000, 'basic')];

    it('applies metric-limited, then plan-limited, then unrestricted coupons, oldest first within a group', () => {
      const coupons = [
        percent('free1', '10'),
        coupon('plan1', { amountCents: 100, planCodes: ['pro'] }),
        percent('free2', '10'),
        coupon('metric1', { amountCents: 100, billableMetricCodes: ['api_calls'] }),
        coupon('plan2', { amountCents: 100, planCodes: ['basic'] }),
        coupon('metric2', { amountCents: 100, billableMetricCodes: ['api_calls'] }),
      ];
      expect(discount(fees, coupons).credits.map((c) => c.appliedCouponId)).toEqual([
        'metric1',
        'metric2',
        'plan1',
        'plan2',
        'free1',
        'free2',
      ]);
    });

    it('limits the base to matching fees, net of earlier credits', () => {
      const result = discount(fees, [
        percent('plan', '50', { planCodes: ['pro'] }),
        percent('metric', '50', { billableMetricCodes: ['api_calls'] }),
      ]);
      // metric first: 50% of 1000 on calls; then plan: 50% of (1000 + 500).
      expect(result.credits.map((c) => [c.appliedCouponId, c.amountCents, c.fees])).toEqual([
        ['metric', 500, [{ id: 'calls', amountCents: 500 }]],
        [
          'plan',
          750,
          [
            { id: 'sub', amountCents: 500 },
            { id: 'calls', amountCents: 250 },
          ],
        ],
      ]);
    });

    it('takes an unrestricted coupon from the subtotal left by the others', () => {
      const result = discount(fees, [
        percent('all', '50'),
        coupon('metric', { amountCents: 1000, billableMetricCodes: ['api_calls'] }),
      ]);
      expect(result.credits.map((c) => [c.appliedCouponId, c.amountCents])).toEqual([
        ['metric', 1000],
        ['all', 1000],
      ]);
      expect(result.credits[1].fees).toEqual([
        { id: 'sub', amountCents: 500 },
        { id: 'other', amountCents: 500 },
      ]);
      expect(result.subTotalExcludingTaxesAmountCents).toBe(1000);
    });

    it('matches no limited coupon with unknown or missing codes', () => {
      const result = discount(
        [fee('a', 100, 'ghost', 'ghost'), fee('b', 100)],
        [coupon('p', { planCodes: ['pro'] }), coupon('m', { billableMetricCodes: ['calls'] })],
      );
      expect(result.credits).toEqual([]);
    });

    it('stops once the subtotal reaches zero, sparing later coupons', () => {
      const result = discount(
        [fee('f', 500)],
        [coupon('big'), coupon('r', { frequency: 'recurring', frequencyDurationRemaining: 3 })],
      );
      expect(result.credits.map((c) => c.appliedCouponId)).toEqual(['big']);
      expect(result.couponUpdates.map((u) => u.appliedCouponId)).toEqual(['big']);
      expect(result.subTotalExcludingTaxesAmountCents).toBe(0);
    });

    it('handles an invoice of zero', () => {
      expect(discount([fee('f', 0)], [coupon('a'), percent('b', '10')])).toMatchObject({
        credits: [],
        couponUpdates: [],
        feesAmountCents: 0,
      });
    });
  });

  describe('spread over fees', () => {
    it('gives leftover cents to the largest fractions', () => {
      expect(
        discount([fee('a', 50), fee('b', 30), fee('c', 20)], [coupon('x', { amountCents: 7 })]).credits[0].fees,
      ).toEqual([
        { id: 'a', amountCents: 4 },
        { id: 'b', amountCents: 2 },
        { id: 'c', amountCents: 1 },
      ]);
    });

    it('breaks ties towards the earlier fee', () => {
      expect(
        discount([fee('a', 100), fee('b', 100), fee('c', 100)], [coupon('x', { amountCents: 100 })]).credits[0].fees,
      ).toEqual([
        { id: 'a', amountCents: 34 },
        { id: 'b', amountCents: 33 },
        { id: 'c', amountCents: 33 },
      ]);
      expect(
        discount([fee('a', 100), fee('b', 100), fee('c', 100)], [coupon('x', { amountCents: 200 })]).credits[0].fees,
      ).toEqual([
        { id: 'a', amountCents: 67 },
        { id: 'b', amountCents: 67 },
        { id: 'c', amountCents: 66 },
      ]);
    });

    it('leaves out fees that get nothing', () => {
      const result = discount([fee('a', 0), fee('b', 1000), fee('c', 1)], [coupon('x', { amountCents: 10 })]);
      expect(result.credits[0].fees).toEqual([{ id: 'b', amountCents: 10 }]);
    });

    it('splits exactly with the largest remainder method', () => {
      expect(spreadProRata(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
      expect(spreadProRata(2n, [1n, 2n, 3n])).toEqual([0n, 1n, 1n]);
      expect(spreadProRata(0n, [5n, 5n])).toEqual([0n, 0n]);
      expect(spreadProRata(0n, [0n, 0n])).toEqual([0n, 0n]);
      expect(spreadProRata(6n, [1n, 2n, 3n])).toEqual([1n, 2n, 3n]);
      const max = BigInt(Number.MAX_SAFE_INTEGER);
      expect(spreadProRata(max, [max - 1n, 1n])).toEqual([max - 1n, 1n]);
    });
  });
});
