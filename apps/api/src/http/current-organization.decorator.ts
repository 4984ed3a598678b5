import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Organization } from '../organizations/organization';

/**
 * The organization the request acts for, as the API guard attached it: from an API key (the key as actor) or
 * from a session (its user as actor), with the request's id.
 */
export const CurrentOrganization = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Organization => context.switchToHttp().getRequest<{ user: Organization }>().user,
);
