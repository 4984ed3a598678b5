import fc from 'fast-check';
import { DiscountableCoupon, computeInvoiceDiscount } from './discounts';
import { InvoiceFee } from './invoice';

const PLANS = ['basic', 'pro', 'ghost'];
const METRICS = ['calls', 'seats', 'ghost'];

const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 50 }) },
);

const feesArb = fc
  .array(
    fc.record({
      amountCents: amount,
      planCode: fc.option(fc.constantFrom(...PLANS)),
      billableMetricCode: fc.option(fc.constantFrom(...METRICS)),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((fees): InvoiceFee[] => fees.map((f, i) => ({ id: `fee_${i}`, ...f })));

const rateArb = fc.integer({ min: 1, max: 10_000_000 }).map((scaled) => {
  const text = (BigInt(scaled) + 10n ** 10n).toString().slice(1);
  return `${BigInt(text.slice(0, 5))}.${text.slice(5)}`;
});

const couponArb = fc.record({
  couponType: fc.constantFrom('fixed_amount' as const, 'percentage' as const),
  amountCents: fc.integer({ min: 1, max: 200_000 }),
  amountCurrency: fc.constantFrom('EUR', 'EUR', 'EUR', 'USD'),
  percentageRate: rateArb,
  frequency: fc.constantFrom('once' as const, 'recurring' as const, 'forever' as const),
  frequencyDurationRemaining: fc.integer({ min: 0, max: 3 }),
  amountCentsRemaining: fc.option(fc.integer({ min: 0, max: 200_000 })),
  limitation: fc.constantFrom('none', 'none', 'plan', 'metric'),
  codes: fc.subarray(PLANS.concat(METRICS), { minLength: 1 }),
});

const couponsArb = fc.array(couponArb, { maxLength: 6 }).map((coupons): DiscountableCoupon[] =>
  coupons.map((c, i) => ({
    id: `ac_${i}`,
    couponCode: `C${i}`,
    couponType: c.couponType,
    amountCents: c.couponType === 'fixed_amount' ? c.amountCents : null,
    amountCurrency: c.couponType === 'fixed_amount' ? c.amountCurrency : null,
    percentageRate: c.couponType === 'percentage' ? c.percentageRate : null,
    frequency: c.frequency,
    frequencyDurationRemaining: c.frequency === 'recurring' ? c.frequencyDurationRemaining : null,
    amountCentsRemaining: c.couponType === 'fixed_amount' && c.frequency === 'once' ? c.amountCentsRemaining : null,
    planCodes: c.limitation === 'plan' ? c.codes.filter((code) => PLANS.includes(code)) : [],
    billableMetricCodes: c.limitation === 'metric' ? c.codes.filter((code) => METRICS.includes(code)) : [],
  })),
);

const matches = (c: DiscountableCoupon, f: InvoiceFee): boolean =>
  c.billableMetricCodes.length > 0
    ? f.billableMetricCode !== null && c.billableMetricCodes.includes(f.billableMetricCode)
    : c.planCodes.length === 0 || (f.planCode !== null && c.planCodes.includes(f.planCode));

const rank = (c: DiscountableCoupon): number => (c.billableMetricCodes.length > 0 ? 0 : c.planCodes.length > 0 ? 1 : 2);

/** What the coupon may take from `base`, by the rules written out independently of the engine. */
function expectedCredit(c: DiscountableCoupon, base: bigint, currency: string): bigint {
  if (c.couponType === 'fixed_amount' && c.amountCurrency !== currency) return 0n;
  if (c.frequency === 'recurring' && (c.frequencyDurationRemaining ?? 0) <= 0) return 0n;
  if (c.couponType === 'percentage') {
    const [whole, fraction] = (c.percentageRate ?? '0.0').split('.');
    const scaled = BigInt(whole + fraction.padEnd(5, '0'));
    const raw = (base * scaled * 2n + 10_000_000n) / 20_000_000n;
    return raw < base ? raw : base;
  }
  const nominal = BigInt(
    c.frequency === 'once' ? (c.amountCentsRemaining ?? c.amountCents ?? 0) : (c.amountCents ?? 0),
  );
  return nominal < base ? nominal : base;
}

const params = { numRuns: 500 };

describe('computeInvoiceDiscount properties', () => {
  it('replays exactly against the written rules, with every invariant', () => {
    fc.assert(
      fc.property(feesArb, couponsArb, fc.constantFrom('EUR', 'USD'), (fees, coupons, currency) => {
        const result = computeInvoiceDiscount({ currency, fees }, coupons);
        const remaining = new Map(fees.map((f) => [f.id, BigInt(f.amountCents)]));
        const total = fees.reduce((sum, f) => sum + BigInt(f.amountCents), 0n);
        let subtotal = total;
        const credits = [...result.credits];
        const ordered = coupons
          .map((c, i) => ({ c, i }))
          .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
          .map((x) => x.c);

        for (const c of ordered) {
          if (subtotal === 0n) break;
          const matching = fees.filter((f) => matches(c, f));
          const base = matching.reduce((sum, f) => sum + (remaining.get(f.id) ?? 0n), 0n);
          const credit = expectedCredit(c, base, currency);
          if (credit === 0n) continue;
          const actual = credits.shift();
          expect(actual?.appliedCouponId).toBe(c.id);
          if (actual === undefined) return;
          expect(BigInt(actual.amountCents)).toBe(credit);
          expect(actual.amountCurrency).toBe(currency);
          expect(actual.amountCents).toBeGreaterThan(0);
          expect(actual.fees.reduce((sum, s) => sum + BigInt(s.amountCents), 0n)).toBe(credit);
          for (const share of actual.fees) {
            const feeOf = matching.find((f) => f.id === share.id);
            expect(feeOf).toBeDefined();
            const before = remaining.get(share.id) ?? 0n;
            const exactTimesBase = credit * before;
            // Each share is the floor or the ceiling of its exact pro-rata part and never above the fee.
            expect(BigInt(share.amountCents) * base >= exactTimesBase - base).toBe(true);
            expect(BigInt(share.amountCents) * base <= exactTimesBase + base).toBe(true);
            expect(BigInt(share.amountCents)).toBeLessThanOrEqual(before);
            expect(share.amountCents).toBeGreaterThan(0);
            remaining.set(share.id, before - BigInt(share.amountCents));
          }
          subtotal -= credit;
        }
        expect(credits).toEqual([]);

        expect(BigInt(result.subTotalExcludingTaxesAmountCents)).toBe(subtotal);
        expect(result.subTotalExcludingTaxesAmountCents).toBeGreaterThanOrEqual(0);
        expect(result.feesAmountCents).toBe(Number(total));
        expect(result.couponsAmountCents).toBe(result.credits.reduce((s, c) => s + c.amountCents, 0));
        expect(result.couponsAmountCents).toBeLessThanOrEqual(result.feesAmountCents);
        for (const f of result.fees) {
          expect(f.couponsAmountCents).toBeGreaterThanOrEqual(0);
          expect(f.couponsAmountCents).toBeLessThanOrEqual(f.amountCents);
          expect(BigInt(f.amountCents - f.couponsAmountCents)).toBe(remaining.get(f.id));
        }
        expect(result.couponUpdates.map((u) => u.appliedCouponId)).toEqual(
          result.credits.map((c) => c.appliedCouponId),
        );
      }),
      params,
    );
  });

  it('updates coupons consistently with their credits', () => {
    fc.assert(
      fc.property(feesArb, couponsArb, (fees, coupons) => {
        const result = computeInvoiceDiscount({ currency: 'EUR', fees }, coupons);
        result.couponUpdates.forEach((update, i) => {
          const c = coupons.find((x) => x.id === update.appliedCouponId);
          if (c === undefined) throw new Error('update for an unknown coupon');
          const credit = result.credits[i].amountCents;
          if (c.frequency === 'recurring') {
            expect(update.frequencyDurationRemaining).toBe((c.frequencyDurationRemaining ?? 0) - 1);
            expect(update.frequencyDurationRemaining).toBeGreaterThanOrEqual(0);
            expect(update.terminate).toBe(update.frequencyDurationRemaining === 0);
          } else if (c.frequency === 'forever') {
            expect(update.terminate).toBe(false);
          } else if (c.couponType === 'fixed_amount') {
            expect(update.amountCentsRemaining).toBe((c.amountCentsRemaining ?? c.amountCents ?? 0) - credit);
            expect(update.amountCentsRemaining).toBeGreaterThanOrEqual(0);
            expect(update.terminate).toBe(update.amountCentsRemaining === 0);
          } else {
            expect(update.terminate).toBe(true);
          }
        });
      }),
      params,
    );
  });

  it('is deterministic and independent of earlier calls', () => {
    fc.assert(
      fc.property(feesArb, couponsArb, (fees, coupons) => {
        const first = computeInvoiceDiscount({ currency: 'EUR', fees }, coupons);
        computeInvoiceDiscount({ currency: 'USD', fees: [...fees].reverse() }, [...coupons].reverse());
        expect(computeInvoiceDiscount({ currency: 'EUR', fees }, coupons)).toEqual(first);
      }),
      params,
    );
  });

  it('keeps all amounts in range for fees up to 2^53-1', () => {
    const bigFees = fc
      .array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { minLength: 1, maxLength: 4 })
      .filter((amounts) => amounts.reduce((s, a) => s + BigInt(a), 0n) <= BigInt(Number.MAX_SAFE_INTEGER))
      .map((amounts): InvoiceFee[] =>
        amounts.map((a, i) => ({ id: `f${i}`, amountCents: a, planCode: null, billableMetricCode: null })),
      );
    fc.assert(
      fc.property(bigFees, rateArb, (fees, rate) => {
        const coupon: DiscountableCoupon = {
          id: 'p',
          couponCode: 'P',
          couponType: 'percentage',
          amountCents: null,
          amountCurrency: null,
          percentageRate: rate,
          frequency: 'forever',
          frequencyDurationRemaining: null,
          amountCentsRemaining: null,
          planCodes: [],
          billableMetricCodes: [],
        };
        const result = computeInvoiceDiscount({ currency: 'EUR', fees }, [coupon]);
        expect(Number.isSafeInteger(result.couponsAmountCents)).toBe(true);
        for (const credit of result.credits) {
          expect(credit.fees.reduce((s, f) => s + BigInt(f.amountCents), 0n)).toBe(BigInt(credit.amountCents));
        }
        expect(result.subTotalExcludingTaxesAmountCents).toBeGreaterThanOrEqual(0);
      }),
      params,
    );
  });
});
