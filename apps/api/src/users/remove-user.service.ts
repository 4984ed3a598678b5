import { Injectable } from '@nestjs/common';
import { OPERATOR_ERROR_KEYS, leavesNoAdmin } from '@coupons/domain';
import { invalidField, notFound, type Result, success } from '../common/result';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { Organization } from '../organizations/organization';
import type { UserRecord } from './operator';
import { serializeUser } from './user.serializer';
import { UsersRepository } from './users.repository';

/** DELETE /users/:lago_id: the user and all their sessions go at once; the organization always keeps an admin. */
@Injectable()
export class RemoveUserService {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  call(organization: Organization, lagoId: string): Promise<Result<UserRecord>> {
    return this.transactions.run(async (tx) => {
      const admins = await this.users.lockAdmins(organization.id, tx);
      const user = await this.users.findByLagoId(organization.id, lagoId, tx);
      if (!user) return notFound('user_not_found');
      if (leavesNoAdmin(user.role, null, admins.length)) return invalidField('base', OPERATOR_ERROR_KEYS.last_admin);
      await this.users.delete(user.id, tx);
      await this.events.record(tx, { ...originOf(organization), type: 'user.removed', objectId: user.lagoId, data: { user: serializeUser(user) } });
      return success(user);
    });
  }
}
