import { formatPercentageRate, type Frequency } from '@coupons/domain';
import type { CouponRecord } from '../../coupons/coupon-record';
import { lowerCurrency, unixSeconds } from './stripe-params';

const DURATION_OF_FREQUENCY: Record<Frequency, string> = { once: 'once', recurring: 'repeating', forever: 'forever' };

/** Stripe's `valid`: the coupon can be redeemed now (active, started, not expired, redemptions left). */
function isValidNow({ coupon }: CouponRecord, now: Date): boolean {
  if (coupon.status !== 'active') return false;
  if (coupon.expirationAt && coupon.expirationAt.getTime() <= now.getTime()) return false;
  if (coupon.startsAt && coupon.startsAt.getTime() > now.getTime()) return false;
  return coupon.maxRedemptions === null || coupon.redemptionsCount < coupon.maxRedemptions;
}

/** Every currency the coupon takes, its main one included, as Stripe lists them. */
function currencyOptions({ coupon }: CouponRecord): Record<string, { amount_off: number }> {
  const options: [string, { amount_off: number }][] = [];
  if (coupon.amountCurrency && coupon.amountCents !== null) options.push([coupon.amountCurrency.toLowerCase(), { amount_off: coupon.amountCents }]);
  for (const [currency, option] of Object.entries(coupon.currencyOptions ?? {})) {
    if (currency !== coupon.amountCurrency) options.push([currency.toLowerCase(), { amount_off: Number(option.amountCents) }]);
  }
  return Object.fromEntries(options);
}

/**
 * Stripe's coupon object (keys in Stripe's order). `id` is our code; a name equal to the code reads as
 * Stripe's `null` (Stripe shows the id when a coupon has no name, so both read the same). `applies_to`
 * and `currency_options` are there only when `expand` asks for them.
 */
export function serializeStripeCoupon(record: CouponRecord, expand: ReadonlySet<string> = new Set(), now = new Date()) {
  const { coupon } = record;
  const rate = formatPercentageRate(coupon.percentageRate);
  return {
    id: coupon.code,
    object: 'coupon' as const,
    amount_off: coupon.amountCents,
    ...(expand.has('applies_to') ? { applies_to: { products: record.planCodes } } : {}),
    created: unixSeconds(coupon.createdAt),
    currency: lowerCurrency(coupon.amountCurrency),
    ...(expand.has('currency_options') ? { currency_options: currencyOptions(record) } : {}),
    duration: DURATION_OF_FREQUENCY[coupon.frequency],
    duration_in_months: coupon.frequency === 'recurring' ? coupon.frequencyDuration : null,
    livemode: false,
    max_redemptions: coupon.maxRedemptions,
    metadata: coupon.metadata ?? {},
    name: coupon.name === coupon.code ? null : coupon.name,
    percent_off: rate === null ? null : Number(rate),
    redeem_by: unixSeconds(coupon.expirationAt),
    times_redeemed: coupon.redemptionsCount,
    valid: isValidNow(record, now),
  };
}

export type StripeCoupon = ReturnType<typeof serializeStripeCoupon>;

/** Expansions under a prefix (`data.applies_to` in a list, `promotion.coupon.applies_to` in a code), without it. */
export function expansionsUnder(expand: ReadonlySet<string>, prefix: string): Set<string> {
  const under = new Set<string>();
  for (const path of expand) if (path.startsWith(`${prefix}.`)) under.add(path.slice(prefix.length + 1));
  return under;
}
