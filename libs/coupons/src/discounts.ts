/**
 * The discount engine (coupon order, each coupon's credit, its pro-rata split over the fees): pure and
 * deterministic, so the preview and the recorded discount of the same invoice always agree. All sums
 * are BigInt: pro-rata products of two safe integers exceed 2^53.
 */
import type { CouponType, Frequency } from './enums';
import type { InvoiceFee } from './invoice';
import { PERCENTAGE_SCALE, percentageRateToScaled } from './percentage';

/** An active applied coupon with the limitation of its coupon; given oldest first. */
export interface DiscountableCoupon {
  id: string;
  couponCode: string;
  couponType: CouponType;
  amountCents: number | null;
  amountCurrency: string | null;
  percentageRate: string | null;
  frequency: Frequency;
  frequencyDurationRemaining: number | null;
  amountCentsRemaining: number | null;
  planCodes: string[];
  billableMetricCodes: string[];
  /**
   * Set when the coupon was redeemed through a promotion code with a minimum: it then gives a credit
   * only on an invoice in `minimumAmountCurrency` whose fees total at least `minimumAmountCents`.
   * Absent or null means no minimum.
   */
  minimumAmountCents?: number | null;
  minimumAmountCurrency?: string | null;
}

export interface DiscountCredit {
  appliedCouponId: string;
  couponCode: string;
  amountCents: number;
  amountCurrency: string;
  fees: { id: string; amountCents: number }[];
}

/** What recording the invoice does to an applied coupon (only coupons that gave a credit). */
export interface AppliedCouponUpdate {
  appliedCouponId: string;
  amountCentsRemaining: number | null;
  frequencyDurationRemaining: number | null;
  terminate: boolean;
}

export interface InvoiceDiscountResult {
  feesAmountCents: number;
  couponsAmountCents: number;
  subTotalExcludingTaxesAmountCents: number;
  fees: { id: string; amountCents: number; couponsAmountCents: number }[];
  credits: DiscountCredit[];
  couponUpdates: AppliedCouponUpdate[];
}

const HUNDRED_PERCENT = 100n * 10n ** BigInt(PERCENTAGE_SCALE);

const sum = (values: bigint[]): bigint => values.reduce((total, value) => total + value, 0n);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** Metric-limited coupons go first, then plan-limited, then unrestricted ones. */
function limitationRank(coupon: DiscountableCoupon): number {
  if (coupon.billableMetricCodes.length > 0) return 0;
  return coupon.planCodes.length > 0 ? 1 : 2;
}

function matchesFee(coupon: DiscountableCoupon, fee: InvoiceFee): boolean {
  if (coupon.billableMetricCodes.length > 0) {
    return fee.billableMetricCode !== null && coupon.billableMetricCodes.includes(fee.billableMetricCode);
  }
  if (coupon.planCodes.length > 0) return fee.planCode !== null && coupon.planCodes.includes(fee.planCode);
  return true;
}

/** round(numerator / denominator), halves up, for non-negative operands. */
function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** The uncapped amount a coupon may give on this invoice, before limiting it to its base. */
function couponAmount(coupon: DiscountableCoupon, base: bigint): bigint {
  if (coupon.couponType === 'percentage') {
    if (coupon.percentageRate === null) return 0n;
    const rate = percentageRateToScaled(coupon.percentageRate);
    return rate > 0n ? divideRoundHalfUp(base * rate, HUNDRED_PERCENT) : 0n;
  }
  const amount = coupon.frequency === 'once' ? (coupon.amountCentsRemaining ?? coupon.amountCents) : coupon.amountCents;
  return amount !== null && amount > 0 ? BigInt(amount) : 0n;
}

/** The minimum is judged on the invoice as billed (all its fees), not on what earlier coupons left of it. */
function meetsMinimum(coupon: DiscountableCoupon, currency: string, feesTotal: bigint): boolean {
  if (coupon.minimumAmountCents === null || coupon.minimumAmountCents === undefined) return true;
  return coupon.minimumAmountCurrency === currency && feesTotal >= BigInt(coupon.minimumAmountCents);
}

function isUsable(coupon: DiscountableCoupon, currency: string, feesTotal: bigint): boolean {
  if (coupon.couponType === 'fixed_amount' && coupon.amountCurrency !== currency) return false;
  if (!meetsMinimum(coupon, currency, feesTotal)) return false;
  // A recurring coupon with no period left is exhausted even if not yet marked terminated.
  if (coupon.frequency === 'recurring') {
    return coupon.frequencyDurationRemaining !== null && coupon.frequencyDurationRemaining > 0;
  }
  return true;
}

/**
 * Splits `credit` (≤ Σ weights) pro rata to `weights` with the largest-remainder method: each share
 * is floored, then the leftover cents go to the largest fractional parts, ties to the earlier fee.
 * A share only gets a leftover cent when its fraction is non-zero, so it never exceeds its weight.
 */
export function spreadProRata(credit: bigint, weights: bigint[]): bigint[] {
  const total = sum(weights);
  if (total === 0n) return weights.map(() => 0n);
  const shares = weights.map((weight) => (credit * weight) / total);
  const fractions = weights.map((weight) => (credit * weight) % total);
  let leftover = credit - sum(shares);
  const byFraction = weights
    .map((_, index) => index)
    .sort((a, b) => (fractions[a] === fractions[b] ? a - b : fractions[a] > fractions[b] ? -1 : 1));
  for (const index of byFraction) {
    if (leftover === 0n) break;
    shares[index] += 1n;
    leftover -= 1n;
  }
  return shares;
}

function updateAfterCredit(coupon: DiscountableCoupon, credit: bigint): AppliedCouponUpdate {
  const update: AppliedCouponUpdate = {
    appliedCouponId: coupon.id,
    amountCentsRemaining: coupon.amountCentsRemaining,
    frequencyDurationRemaining: coupon.frequencyDurationRemaining,
    terminate: false,
  };
  if (coupon.frequency === 'recurring') {
    // isUsable guarantees a positive number of periods here.
    update.frequencyDurationRemaining = (coupon.frequencyDurationRemaining ?? 1) - 1;
    update.terminate = update.frequencyDurationRemaining === 0;
  } else if (coupon.frequency === 'once' && coupon.couponType === 'fixed_amount') {
    update.amountCentsRemaining = Number(BigInt(coupon.amountCentsRemaining ?? coupon.amountCents ?? 0) - credit);
    update.terminate = update.amountCentsRemaining === 0;
  } else if (coupon.frequency === 'once') {
    update.terminate = true;
  }
  return update;
}

/** Fees come from parseInvoiceInput; anything else reaching the engine is a programming error. */
function assertFees(fees: InvoiceFee[]): void {
  let total = 0;
  for (const fee of fees) {
    if (!Number.isSafeInteger(fee.amountCents) || fee.amountCents < 0) {
      throw new RangeError(`Fee ${fee.id} has an invalid amount: ${fee.amountCents}`);
    }
    total += fee.amountCents;
  }
  if (total > Number.MAX_SAFE_INTEGER) throw new RangeError('Fees total more than 2^53-1');
}

/**
 * Applies the coupons to the invoice: metric-limited, then plan-limited, then unrestricted, each
 * group oldest first, until nothing is left to discount. Each credit is taken from what earlier
 * credits left of its matching fees. A credit of zero, or a coupon whose minimum the invoice misses,
 * is omitted and consumes nothing.
 */
export function computeInvoiceDiscount(
  invoice: { currency: string; fees: InvoiceFee[] },
  coupons: DiscountableCoupon[],
): InvoiceDiscountResult {
  assertFees(invoice.fees);
  const remaining = invoice.fees.map((fee) => BigInt(fee.amountCents));
  const feesTotal = sum(remaining);
  let subtotal = feesTotal;
  const credits: DiscountCredit[] = [];
  const couponUpdates: AppliedCouponUpdate[] = [];
  // A stable sort keeps the given (oldest-first) order inside each group.
  const ordered = [...coupons].sort((a, b) => limitationRank(a) - limitationRank(b));

  for (const coupon of ordered) {
    if (subtotal === 0n) break;
    if (!isUsable(coupon, invoice.currency, feesTotal)) continue;
    const matching = invoice.fees.flatMap((fee, index) => (matchesFee(coupon, fee) ? [index] : []));
    const base = sum(matching.map((index) => remaining[index]));
    const credit = min(couponAmount(coupon, base), base);
    if (credit === 0n) continue;

    const shares = spreadProRata(
      credit,
      matching.map((index) => remaining[index]),
    );
    const creditFees: DiscountCredit['fees'] = [];
    matching.forEach((feeIndex, i) => {
      if (shares[i] === 0n) return;
      remaining[feeIndex] -= shares[i];
      creditFees.push({ id: invoice.fees[feeIndex].id, amountCents: Number(shares[i]) });
    });
    subtotal -= credit;
    credits.push({
      appliedCouponId: coupon.id,
      couponCode: coupon.couponCode,
      amountCents: Number(credit),
      amountCurrency: invoice.currency,
      fees: creditFees,
    });
    couponUpdates.push(updateAfterCredit(coupon, credit));
  }

  return {
    feesAmountCents: Number(feesTotal),
    couponsAmountCents: Number(feesTotal - subtotal),
    subTotalExcludingTaxesAmountCents: Number(subtotal),
    fees: invoice.fees.map((fee, index) => ({
      id: fee.id,
      amountCents: fee.amountCents,
      couponsAmountCents: Number(BigInt(fee.amountCents) - remaining[index]),
    })),
    credits,
    couponUpdates,
  };
}
