import type { OperatorRole } from '@coupons/domain';
import type { Organization } from '../organizations/organization';

/** A user as the use cases and serializers see it (never the password hash). */
export interface UserRecord {
  id: number;
  lagoId: string;
  organizationId: number;
  email: string;
  name: string | null;
  role: OperatorRole;
  createdAt: Date;
}

/**
 * The person behind a session request. Read from the database on every request, so that a role change or a
 * removal applies to the very next request of every session of that user.
 */
export interface SignedInOperator {
  sessionId: number;
  csrfToken: string;
  user: UserRecord;
  organization: Organization;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session check when a session (not an API key) authenticated the request. */
    operator?: SignedInOperator;
  }
}

/** The organization as a session acts for it: the user is the actor of what it changes. */
export function actingUser(operator: SignedInOperator, requestId: string | null): Organization {
  const { user, organization } = operator;
  return { ...organization, actor: { type: 'user', id: user.lagoId, name: user.email }, requestId };
}
