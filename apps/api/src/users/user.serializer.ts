import { formatDateTime, invitationStatus } from '@coupons/domain';
import type { InvitationEntity } from '../database/entities';
import type { SignedInOperator, UserRecord } from './operator';

/** Where the dashboard opens an invitation link (its route, relative to the site). */
export const acceptPath = (token: string) => `/invitations/${token}`;

export function serializeUser(user: UserRecord) {
  return {
    lago_id: user.lagoId,
    email: user.email,
    name: user.name,
    role: user.role,
    created_at: formatDateTime(user.createdAt),
  };
}

/** What the dashboard knows of its session: who, where, and the token its writes must carry. */
export function serializeSession(operator: SignedInOperator) {
  return {
    user: serializeUser(operator.user),
    organization: { name: operator.organization.name },
    csrf_token: operator.csrfToken,
  };
}

/**
 * An invitation as admins see it. `accept_url` only in the answer that created it: the token is not stored,
 * so the link cannot be shown again.
 */
export function serializeInvitation(invitation: InvitationEntity, token: string | null = null, now = new Date()) {
  return {
    lago_id: invitation.lagoId,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    expires_at: formatDateTime(invitation.expiresAt),
    created_at: formatDateTime(invitation.createdAt),
    ...(token === null ? {} : { accept_url: acceptPath(token) }),
  };
}

/** An invitation as the invited person sees it, before they have an account. */
export function serializePublicInvitation(invitation: InvitationEntity, organizationName: string) {
  return {
    email: invitation.email,
    role: invitation.role,
    organization_name: organizationName,
    expires_at: formatDateTime(invitation.expiresAt),
  };
}
