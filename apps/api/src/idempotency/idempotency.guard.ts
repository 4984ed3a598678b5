import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiError, badRequestBody, plainErrorBody, rootKeyFor } from '../http/error-body';
import type { Organization } from '../organizations/organization';
import { IdempotencyService } from './idempotency.service';

const MAX_KEY_LENGTH = 255;

declare module 'fastify' {
  interface FastifyRequest {
    /** The idempotency row this request answers for; its response is stored by storeIdempotentResponses. */
    idempotencyClaim: number | null;
  }
}

/** A stored response, sent again instead of running the handler a second time. */
export class ReplayedResponse extends Error {
  constructor(
    readonly status: number,
    readonly payload: string,
  ) {
    super('replayed idempotent response');
  }
}

const invalidKey = () =>
  new ApiError({ status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { idempotency_key: ['value_is_invalid'] } });

/**
 * `Idempotency-Key` on a POST, checked after authentication: the first request claims the key, a retry
 * gets the first response (2xx and 4xx) and never a second effect. A guard rather than an interceptor:
 * requests without a key (nearly all) then pay nothing, where an interceptor wraps every call in rxjs.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  constructor(private readonly idempotency: IdempotencyService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Organization }>();
    const key = request.headers['idempotency-key'];
    if (key === undefined || !request.user) return true;
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) throw invalidKey();
    const claim = await this.idempotency.claim(request.user.id, request.method, request.url.split('?')[0], key, request.body);
    switch (claim.kind) {
      case 'claimed':
        request.idempotencyClaim = claim.id;
        return true;
      case 'mismatch':
        throw invalidKey();
      case 'busy':
        throw new ApiError(plainErrorBody(409));
      case 'unreadable':
        throw new ApiError(badRequestBody(rootKeyFor(request.url)));
      case 'replay':
        throw new ReplayedResponse(claim.status, claim.payload);
    }
  }
}
