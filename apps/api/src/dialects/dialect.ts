import { HttpException } from '@nestjs/common';

/**
 * A wire dialect other than Lago's (Stripe, Flexprice, Hyperline) served under its own path prefix over the
 * same use cases. Every error under that prefix, the framework's own included (401, 404, 413, 429, 503, …),
 * must come in the dialect's shape, or its clients cannot parse it.
 */
export interface DialectErrors {
  /** Paths starting with this belong to the dialect, e.g. `/v1/`. */
  readonly pathPrefix: string;
  /** The dialect's body for an error known only by its HTTP status. */
  bodyForStatus(status: number): unknown;
}

/** Thrown by a dialect's controllers with a body already in that dialect's shape. */
export class DialectError extends HttpException {
  constructor(
    status: number,
    readonly body: unknown,
  ) {
    super(body as Record<string, unknown>, status);
  }
}
