import { Injectable } from '@nestjs/common';
import { notAllowed, notFound, type Result, success } from '../common/result';
import type { InvitationEntity } from '../database/entities';
import type { Organization } from '../organizations/organization';
import { InvitationsRepository } from './invitations.repository';

/** DELETE /invitations/:lago_id: the link stops working. An accepted invitation has done its work and stays. */
@Injectable()
export class RevokeInvitationService {
  constructor(private readonly invitations: InvitationsRepository) {}

  async call(organization: Organization, lagoId: string): Promise<Result<InvitationEntity>> {
    const invitation = await this.invitations.findByLagoId(organization.id, lagoId);
    if (!invitation) return notFound('invitation_not_found');
    if (invitation.acceptedAt) return notAllowed('invitation_already_used');
    await this.invitations.revoke(invitation.id, new Date());
    return success(await this.invitations.reload(invitation.id));
  }
}
