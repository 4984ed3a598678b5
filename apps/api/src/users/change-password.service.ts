import { Injectable } from '@nestjs/common';
import { type FieldErrors, addError, hasErrors, passwordError } from '@coupons/domain';
import { invalid, type Result, success } from '../common/result';
import type { SignedInOperator } from './operator';
import { hashPassword, passwordMatches } from './secrets';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';

/**
 * PUT /auth/password: the current password proves it is the user at the keyboard; every other session of the
 * user ends (a stolen session does not outlive the password change it prompted).
 */
@Injectable()
export class ChangePasswordService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  async call(operator: SignedInOperator, input: { current_password?: unknown; new_password?: unknown }): Promise<Result<null>> {
    const errors: FieldErrors = {};
    const current = input.current_password;
    const storedHash = await this.users.passwordHashOf(operator.user.id);
    if (typeof current !== 'string' || current === '' || !storedHash || !(await passwordMatches(storedHash, current))) {
      addError(errors, 'current_password', current === undefined || current === null || current === '' ? 'value_is_mandatory' : 'value_is_invalid');
    }
    const newPassword = passwordError(input.new_password);
    if (newPassword) addError(errors, 'new_password', newPassword);
    if (hasErrors(errors)) return invalid(errors);
    await this.users.setPasswordHash(operator.user.id, await hashPassword(input.new_password as string));
    await this.sessions.deleteOthers(operator.user.id, operator.sessionId);
    return success(null);
  }
}
