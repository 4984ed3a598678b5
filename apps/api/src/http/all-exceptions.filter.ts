import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReplayedResponse } from '../idempotency/idempotency.guard';
import { errorResponseFor } from './error-response';

/** The one place errors become HTTP responses; a 5xx is logged, never explained to the client. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (exception instanceof ReplayedResponse) {
      void reply.status(exception.status).type('application/json; charset=utf-8').send(exception.payload);
      return;
    }
    const { status, body } = errorResponseFor(exception, request.url);
    if (status >= 500) {
      // request.log is pino with this request's id; the Nest logger covers requests Fastify never parsed.
      if (request.log) request.log.error({ err: exception }, `${request.method} ${request.url} failed`);
      else this.logger.error(`${request.method} ${request.url} failed`, (exception as Error)?.stack ?? String(exception));
    }
    void reply.status(status).send(body);
  }
}
