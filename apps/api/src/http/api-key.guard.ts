import { CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { type OperatorPermission, roleAllows } from '@coupons/domain';
import type { FastifyRequest } from 'fastify';
import type { Organization } from '../organizations/organization';
import { roleNotAllowed } from '../users/auth-errors';
import { actingUser } from '../users/operator';
import { isSafeMethod } from '../users/request-origin';
import { sessionTokenOf } from '../users/session-cookie';
import { SessionsService } from '../users/sessions.service';
import { requestIdOf } from './bearer.strategy';

const PERMISSION = 'operators:permission';

/**
 * What a controller's routes (or one route) ask of a session's role, whatever the method: `administer` for
 * people, keys and where events are sent. Unmarked routes ask `read` for GET and HEAD, `operate` otherwise.
 */
export const RequiresPermission = (permission: OperatorPermission) => SetMetadata(PERMISSION, permission);

const BearerGuard = AuthGuard('bearer');

/** Sessions are for the dashboard's own API; the other dialects' clients are machines with keys. */
const SESSION_PREFIX = '/api/v1/';

/**
 * Every API route: `Authorization: Bearer <key>`, which acts with every permission (a machine's key is its
 * organization's), or, under /api/v1 only, the dashboard's session cookie, which acts with its user's current
 * role. A request with both is judged by its key. Without either, the usual 401.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly bearer = new BearerGuard();

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Organization }>();
    const bySession = request.url.startsWith(SESSION_PREFIX) && request.headers.authorization === undefined && sessionTokenOf(request) !== null;
    if (!bySession) return (await this.bearer.canActivate(context)) as boolean;

    const operator = await this.sessions.authenticate(request);
    if (!operator) throw new UnauthorizedException();
    const permission =
      this.reflector.getAllAndOverride<OperatorPermission | undefined>(PERMISSION, [context.getHandler(), context.getClass()]) ??
      (isSafeMethod(request.method) ? 'read' : 'operate');
    if (!roleAllows(operator.user.role, permission)) throw roleNotAllowed();
    request.operator = operator;
    request.user = actingUser(operator, requestIdOf(request));
    return true;
  }
}
