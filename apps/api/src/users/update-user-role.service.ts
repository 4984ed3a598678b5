import { Injectable } from '@nestjs/common';
import { type OperatorRole, OPERATOR_ERROR_KEYS, leavesNoAdmin, roleError } from '@coupons/domain';
import { invalidField, notFound, type Result, success } from '../common/result';
import { TransactionRunner } from '../database/transactions';
import type { Organization } from '../organizations/organization';
import type { UserRecord } from './operator';
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
      await this.users.setRole(user.id, role, tx);
      return success({ ...user, role });
    });
  }
}
