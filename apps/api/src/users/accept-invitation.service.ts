import { Injectable } from '@nestjs/common';
import { type FieldErrors, addError, hasErrors, nameError, passwordError } from '@coupons/domain';
import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder } from '../events/events.recorder';
import type { InvitationProblem } from './auth-errors';
import { InvitationsRepository } from './invitations.repository';
import { invitationProblemOf } from './invitations.service';
import { hashPassword, tokenHash } from './secrets';
import { OpenedSession, SessionsService } from './sessions.service';
import { serializeUser } from './user.serializer';
import { UsersRepository } from './users.repository';

export type AcceptInvitationResult =
  | { kind: 'accepted'; session: OpenedSession }
  | { kind: 'unusable'; problem: InvitationProblem }
  | { kind: 'invalid'; errors: FieldErrors };

/** The address got an account between the invitation and its acceptance: nothing of the acceptance is kept. */
class EmailTaken extends Error {}

/**
 * POST /auth/invitations/:token/accept: creates the invited user with the invitation's email and role, and
 * signs them in. Marking the invitation used, creating the user and opening the session are one transaction,
 * so two acceptances of one link racing each other make exactly one user.
 */
@Injectable()
export class AcceptInvitationService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  async call(token: string, input: { name?: unknown; password?: unknown }): Promise<AcceptInvitationResult> {
    const found = await this.invitations.findByTokenHash(tokenHash(token));
    if (!found) return { kind: 'unusable', problem: 'invitation_not_found' };
    const problem = invitationProblemOf(found.invitation, new Date());
    if (problem) return { kind: 'unusable', problem };

    const errors: FieldErrors = {};
    const name = nameError(input.name);
    if (name) addError(errors, 'name', name);
    const password = passwordError(input.password);
    if (password) addError(errors, 'password', password);
    if (hasErrors(errors)) return { kind: 'invalid', errors };

    const { invitation, organizationName } = found;
    const passwordHash = await hashPassword(input.password as string);
    try {
      return await this.transactions.run(async (tx) => {
        const now = new Date();
        if (!(await this.invitations.markAccepted(invitation.id, now, tx))) {
          const current = await this.invitations.findByTokenHash(invitation.tokenHash, tx);
          return { kind: 'unusable', problem: (current && invitationProblemOf(current.invitation, now)) ?? 'invitation_already_used' };
        }
        const user = await this.users.insert(
          {
            lagoId: randomUUID(),
            organizationId: invitation.organizationId,
            email: invitation.email,
            name: (input.name as string).trim(),
            role: invitation.role,
            passwordHash,
            createdAt: now,
          },
          tx,
        );
        if (!user) throw new EmailTaken();
        await this.events.record(tx, {
          organizationId: invitation.organizationId, actor: { type: 'user', id: user.lagoId, name: user.email }, requestId: null,
          type: 'user.created', objectId: user.lagoId, data: { user: serializeUser(user) },
        });
        return { kind: 'accepted', session: await this.sessions.open(user, organizationName, now, tx) };
      });
    } catch (error) {
      if (!(error instanceof EmailTaken)) throw error;
      return { kind: 'invalid', errors: { email: ['value_already_exist'] } };
    }
  }
}
