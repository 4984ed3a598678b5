import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { ApiError, errorBodyFor, plainErrorBody } from '../http/error-body';
import type { Organization } from '../organizations/api-keys.service';
import { IdempotencyService } from './idempotency.service';

const MAX_KEY_LENGTH = 255;

/** `Idempotency-Key` on any POST: a retry gets the first response (2xx and 4xx), never a second effect. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Organization }>();
    const key = request.headers['idempotency-key'];
    if (key === undefined || !request.user) return next.handle();
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new ApiError({
        status: 422,
        error: 'Unprocessable Entity',
        code: 'validation_errors',
        error_details: { idempotency_key: ['value_is_invalid'] },
      });
    }
    const path = request.url.split('?')[0];
    return from(this.idempotency.claim(request.user.id, request.method, path, key, request.body)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'mismatch':
            throw new ApiError({
              status: 422,
              error: 'Unprocessable Entity',
              code: 'validation_errors',
              error_details: { idempotency_key: ['value_is_invalid'] },
            });
          case 'busy':
            throw new ApiError(plainErrorBody(409));
          case 'replay':
            if (claim.status >= 400) throw new ApiError(claim.body as never);
            return of(claim.body);
          case 'claimed':
            return next.handle().pipe(
              mergeMap((body) => from(this.idempotency.complete(claim.id, 200, body).then(() => body))),
              catchError((error) => {
                const errorBody = errorBodyFor(error, request.url);
                const settle = errorBody.status < 500
                  ? this.idempotency.complete(claim.id, errorBody.status, errorBody)
                  : this.idempotency.release(claim.id);
                return from(settle).pipe(mergeMap(() => throwError(() => error)));
              }),
            );
        }
      }),
    );
  }
}
