import { Injectable } from '@nestjs/common';
import type { UserRecord } from './operator';
import { UsersRepository } from './users.repository';

/** GET /users: the organization's people, oldest first (an organization has a handful: no pages). */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  list(organizationId: number): Promise<UserRecord[]> {
    return this.users.list(organizationId);
  }
}
