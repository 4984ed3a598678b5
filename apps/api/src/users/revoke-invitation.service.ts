import { Injectable } from '@nestjs/common';
import { notAllowed, notFound, type Result, success } from '../common/result';
import type { InvitationEntity } from '../database/entities';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { Organization } from '../organizations/organization';
import { InvitationsRepository } from './invitations.repository';
import { serializeInvitation } from './user.serializer';

/** DELETE /invitations/:lago_id: the link stops working. An accepted invitation has done its work and stays. */
@Injectable()
export class RevokeInvitationService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, lagoId: string): Promise<Result<InvitationEntity>> {
    const invitation = await this.invitations.findByLagoId(organization.id, lagoId);
    if (!invitation) return notFound('invitation_not_found');
    if (invitation.acceptedAt) return notAllowed('invitation_already_used');
    return success(await this.transactions.run(async (tx) => {
      const now = new Date();
      const revoked = await this.invitations.revoke(invitation.id, now, tx);
      const current = await this.invitations.reload(invitation.id, tx);
      // Revoking a revoked invitation changes nothing, and records nothing.
      if (revoked) {
        await this.events.record(tx, { ...originOf(organization), type: 'invitation.revoked', objectId: current.lagoId, data: { invitation: serializeInvitation(current, null, now) } });
      }
      return current;
    }));
  }
}
