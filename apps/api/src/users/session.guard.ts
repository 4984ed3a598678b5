import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { sessionRequired } from './auth-errors';
import type { SignedInOperator } from './operator';
import { assertSameOrigin } from './request-origin';
import { SessionsService } from './sessions.service';

/** The /auth routes of a signed-in operator: a live session (and, for writes, its CSRF token), or a 401. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const operator = await this.sessions.authenticate(request);
    if (!operator) throw sessionRequired();
    request.operator = operator;
    return true;
  }
}

/**
 * The /auth routes that open a session (sign-in, accepting an invitation): refused from another site's page,
 * which could otherwise sign the browser in to an account of the attacker's choosing.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    assertSameOrigin(context.switchToHttp().getRequest<FastifyRequest>());
    return true;
  }
}

/** The operator SessionGuard found. */
export const CurrentOperator = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SignedInOperator => context.switchToHttp().getRequest<FastifyRequest>().operator!,
);
