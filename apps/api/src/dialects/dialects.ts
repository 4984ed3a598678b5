import type { DialectErrors } from './dialect';
import { flexpriceErrors } from './flexprice/flexprice-errors';
import { hyperlineErrors } from './hyperline/hyperline-errors';
import { stripeErrors } from './stripe/stripe-errors';

const DIALECTS: readonly DialectErrors[] = [stripeErrors, flexpriceErrors, hyperlineErrors];

/** The dialect that owns a request path, or undefined for Lago's `/api/v1` and everything else. */
export function dialectFor(url: string): DialectErrors | undefined {
  return DIALECTS.find((dialect) => url.startsWith(dialect.pathPrefix));
}
