import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Organization } from '../organizations/organization';

/** The organization Passport attached to the request from its API key. */
export const CurrentOrganization = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Organization => context.switchToHttp().getRequest().user,
);
