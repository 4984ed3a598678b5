import { Injectable } from '@nestjs/common';
import { type OperatorRole, OPERATOR_ERROR_KEYS, leavesNoAdmin, roleError } from '@coupons/domain';
import { invalidField, notFound, type Result, success } from '../common/result';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { Organization } from '../organizations/organization';
import type { UserRecord } from './operator';
import { serializeUser } from './user.serializer';
import { UsersRepository } from './users.repository';

/**
 * PUT /users/:lago_id: a new role. The user's sessions stay; every request reads the role afresh, so the change
 * applies to their next click. The organization always keeps an admin.
 */
@Injectable()
export class UpdateUserRoleService {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  async call(organization: Organization, lagoId: string, input: Record<string, unknown>): Promise<Result<UserRecord>> {
    const error = roleError(input.role);
    if (error) return invalidField('role', error);
    const role = input.role as OperatorRole;
    return this.transactions.run(async (tx) => {
      const admins = await this.users.lockAdmins(organization.id, tx);
      const user = await this.users.findByLagoId(organization.id, lagoId, tx);
      if (!user) return notFound('user_not_found');
      if (leavesNoAdmin(user.role, role, admins.length)) return invalidField('role', OPERATOR_ERROR_KEYS.last_admin);
      if (user.role === role) return success(user);
      await this.users.setRole(user.id, role, tx);
      const updated = { ...user, role };
      await this.events.record(tx, { ...originOf(organization), type: 'user.role_updated', objectId: user.lagoId, data: { user: serializeUser(updated) } });
      return success(updated);
    });
  }
}
