import type { FastifyInstance } from 'fastify';
import { IdempotencyService } from './idempotency.service';

/**
 * Stores the response of a request that claimed an idempotency key, whatever produced it (the handler,
 * a validation error, the exception filter), before it reaches the client. A 5xx is not an answer: the
 * key is freed for the retry. A request cut off by the deadline keeps its claim (its handler may still
 * be writing); a retry takes the key over once the claim is stale.
 */
export function storeIdempotentResponses(fastify: FastifyInstance, idempotency: IdempotencyService): void {
  fastify.decorateRequest('idempotencyClaim', null);
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const claim = request.idempotencyClaim;
    if (claim === null || request.pastDeadline) return done(null, payload);
    request.idempotencyClaim = null;
    const stored =
      reply.statusCode >= 500
        ? idempotency.release(claim)
        : idempotency.complete(claim, reply.statusCode, typeof payload === 'string' ? payload : JSON.stringify(payload ?? null));
    stored.then(
      () => done(null, payload),
      // The effect happened: the client still gets its answer; the unanswered claim goes stale.
      (error: unknown) => {
        request.log.error({ err: error }, 'could not store an idempotent response');
        done(null, payload);
      },
    );
  });
}
