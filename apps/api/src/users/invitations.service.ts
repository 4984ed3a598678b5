import { Injectable } from '@nestjs/common';
import { invitationStatus } from '@coupons/domain';
import type { InvitationEntity } from '../database/entities';
import type { InvitationProblem } from './auth-errors';
import { InvitationsRepository } from './invitations.repository';
import { tokenHash } from './secrets';

/** An invitation a link may still be used for, or why it may not. */
export type InvitationLookup =
  | { kind: 'usable'; invitation: InvitationEntity; organizationName: string }
  | { kind: 'unusable'; problem: InvitationProblem };

/** A revoked link reads as unknown: revoking is meant to make it as if it had never been sent. */
export function invitationProblemOf(invitation: InvitationEntity, now: Date): InvitationProblem | null {
  switch (invitationStatus(invitation, now)) {
    case 'pending':
      return null;
    case 'accepted':
      return 'invitation_already_used';
    case 'revoked':
      return 'invitation_not_found';
    case 'expired':
      return 'invitation_expired';
  }
}

/** The reads of invitations: by a link's token (no session needed), and an organization's pending ones. */
@Injectable()
export class InvitationsService {
  constructor(private readonly invitations: InvitationsRepository) {}

  async byToken(token: string, now = new Date()): Promise<InvitationLookup> {
    const found = await this.invitations.findByTokenHash(tokenHash(token));
    if (!found) return { kind: 'unusable', problem: 'invitation_not_found' };
    const problem = invitationProblemOf(found.invitation, now);
    return problem ? { kind: 'unusable', problem } : { kind: 'usable', ...found };
  }

  pending(organizationId: number, now = new Date()): Promise<InvitationEntity[]> {
    return this.invitations.pending(organizationId, now);
  }
}
