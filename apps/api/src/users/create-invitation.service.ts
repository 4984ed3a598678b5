import { Injectable } from '@nestjs/common';
import { type OperatorRole, hasErrors, invitationErrors, invitationExpiresAt, normalizeEmail } from '@coupons/domain';
import { randomUUID } from 'node:crypto';
import { invalid, invalidField, type Result, success } from '../common/result';
import type { InvitationEntity } from '../database/entities';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { Organization } from '../organizations/organization';
import { InvitationsRepository } from './invitations.repository';
import { newToken, tokenHash } from './secrets';
import { serializeInvitation } from './user.serializer';
import { UsersRepository } from './users.repository';

/** A new invitation and the token of its link, which this answer is the only one to show. */
export interface CreatedInvitation {
  invitation: InvitationEntity;
  token: string;
}

/** POST /invitations: an admin invites an address with a role; the link works once, for 7 days. */
@Injectable()
export class CreateInvitationService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, input: Record<string, unknown>): Promise<Result<CreatedInvitation>> {
    const errors = invitationErrors(input);
    if (hasErrors(errors)) return invalid(errors);
    const email = normalizeEmail(input.email as string);
    // An address names one person across the service: whoever has it already cannot be invited again.
    if (await this.users.emailTaken(email)) return invalidField('email', 'value_already_exist');
    const token = newToken();
    const now = new Date();
    const invitation = this.invitations.build({
      lagoId: randomUUID(),
      organizationId: organization.id,
      email,
      role: input.role as OperatorRole,
      tokenHash: tokenHash(token),
      createdAt: now,
      expiresAt: invitationExpiresAt(now),
      acceptedAt: null,
      revokedAt: null,
    });
    await this.transactions.run(async (tx) => {
      await this.invitations.insert(invitation, tx);
      // Without the link: its token is the invited person's alone.
      const data = { invitation: serializeInvitation(invitation, null, now) };
      await this.events.record(tx, { ...originOf(organization), type: 'invitation.created', objectId: invitation.lagoId, data });
    });
    return success({ invitation, token });
  }
}
