import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Organization } from '../organizations/organization';

/** The organization Passport attached to the request from its API key, with the key as actor and the request's id. */
export const CurrentOrganization = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Organization => context.switchToHttp().getRequest<{ user: Organization }>().user,
);
