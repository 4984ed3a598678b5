import { applyDecorators, CanActivate, ExecutionContext, HttpCode, Injectable, Post, UseGuards } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiError } from '../../http/error-body';
import { IdempotencyGuard } from '../../idempotency/idempotency.guard';
import { DialectError } from '../dialect';
import { stripeErrorBody } from './stripe-errors';

/**
 * The shared idempotency guard, its refusals in Stripe's words: the same key with other parameters is
 * Stripe's 400 `idempotency_error` (stripe-node raises StripeIdempotencyError), a retry while the first
 * request still runs its 409 `idempotency_key_in_use` (which stripe-node retries by itself).
 */
@Injectable()
export class StripeIdempotencyGuard implements CanActivate {
  constructor(private readonly idempotency: IdempotencyGuard) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await this.idempotency.canActivate(context);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.body.status === 409) {
        throw new DialectError(409, stripeErrorBody('invalid_request_error', 'Another request with this Idempotency-Key is in progress; retry later.', 'idempotency_key_in_use'));
      }
      throw new DialectError(
        400,
        stripeErrorBody('idempotency_error', 'Keys for idempotent requests can only be used with the same parameters they were first used with.'),
      );
    }
  }
}

/** A Stripe POST (create or update): 200, and an `Idempotency-Key` (stripe-node sends one on every POST) replays the first answer. */
export const StripeIdempotentPost = (path?: string) =>
  applyDecorators(
    Post(path),
    HttpCode(200),
    UseGuards(StripeIdempotencyGuard),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key replay the first response (24 h)' }),
  );
