import { Injectable } from '@nestjs/common';
import { type FieldErrors, type OperatorRole, addError, emailError, hasErrors, nameError, normalizeEmail, passwordError, roleError } from '@coupons/domain';
import { randomUUID } from 'node:crypto';
import { invalid, invalidField, type Result, success } from '../common/result';
import { TransactionRunner } from '../database/transactions';
import { EventsRecorder, originOf } from '../events/events.recorder';
import type { Organization } from '../organizations/organization';
import type { UserRecord } from './operator';
import { hashPassword } from './secrets';
import { serializeUser } from './user.serializer';
import { UsersRepository } from './users.repository';

export interface NewUserInput {
  email?: unknown;
  role?: unknown;
  password?: unknown;
  /** Optional here (the first admin, made from the command line, may have none). */
  name?: unknown;
}

/** A user made directly, without an invitation: the organization's first admin, from the CLI. */
@Injectable()
export class CreateUserService {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  /** The input's errors, empty when it is valid: callers may check before creating anything else. */
  validate(input: NewUserInput): FieldErrors {
    const errors: FieldErrors = {};
    for (const [field, error] of [
      ['email', emailError(input.email)],
      ['role', roleError(input.role)],
      ['password', passwordError(input.password)],
      ['name', input.name === undefined || input.name === null ? null : nameError(input.name)],
    ] as const) {
      if (error) addError(errors, field, error);
    }
    return errors;
  }

  async call(organization: Organization, input: NewUserInput): Promise<Result<UserRecord>> {
    const errors = this.validate(input);
    if (hasErrors(errors)) return invalid(errors);
    const passwordHash = await hashPassword(input.password as string);
    const user = await this.transactions.run(async (tx) => {
      const inserted = await this.users.insert({
        lagoId: randomUUID(),
        organizationId: organization.id,
        email: normalizeEmail(input.email as string),
        name: typeof input.name === 'string' ? input.name.trim() : null,
        role: input.role as OperatorRole,
        passwordHash,
        createdAt: new Date(),
      }, tx);
      if (inserted) await this.events.record(tx, { ...originOf(organization), type: 'user.created', objectId: inserted.lagoId, data: { user: serializeUser(inserted) } });
      return inserted;
    });
    return user ? success(user) : invalidField('email', 'value_already_exist');
  }
}
