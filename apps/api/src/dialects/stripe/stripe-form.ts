import { parse } from 'qs';

/**
 * Stripe's parameters, form-encoded bodies and query strings alike: bracket keys (`metadata[k]`,
 * `currency_options[eur][amount_off]`, `expand[0]`). Bounded so that a hostile body cannot cost much: the
 * deepest Stripe parameter we read is three levels, arrays are short, and a body past these limits is
 * refused (qs throws) rather than silently truncated.
 */
const STRIPE_FORM_LIMITS = {
  depth: 4,
  strictDepth: true,
  arrayLimit: 100,
  parameterLimit: 1000,
  throwOnLimitExceeded: true,
  allowPrototypes: false,
  allowDots: false,
  comma: false,
} as const;

/** A form-encoded Stripe body or query string as nested objects; throws RangeError past the limits. */
export function parseStripeForm(text: string): Record<string, unknown> {
  return parse(text, STRIPE_FORM_LIMITS);
}
