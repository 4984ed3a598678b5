import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiKeysService } from '../../organizations/api-keys.service';
import type { Organization } from '../../organizations/organization';
import { flexpriceErrors } from './flexprice-errors';
import { DialectError } from '../dialect';

/**
 * Flexprice's clients send the key as `x-api-key`, not as a Bearer token: the same keys, checked by the
 * same service, with the organization set on the request as the Bearer strategy sets it.
 */
@Injectable()
export class FlexpriceApiKeyGuard implements CanActivate {
  constructor(private readonly apiKeys: ApiKeysService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Organization }>();
    const key = request.headers['x-api-key'];
    const organization = typeof key === 'string' ? await this.apiKeys.authenticate(key) : null;
    if (!organization) throw new DialectError(401, flexpriceErrors.bodyForStatus(401));
    request.user = organization;
    return true;
  }
}
