import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OperatorRole } from '@coupons/domain';
import { DataSource } from 'typeorm';
import { OrganizationEntity, UserEntity, UserSessionEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';
import { lockingRead, type Transaction } from '../database/transactions';
import type { UserRecord } from './operator';

const toRecord = ({ passwordHash: _passwordHash, ...user }: UserEntity): UserRecord => user;

/** Every statement on `users`. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private users(tx?: Transaction) {
    return (tx ?? this.dataSource).getRepository(UserEntity);
  }

  /** The new user, or null when the email address is taken (unique across the service). */
  async insert(fields: Omit<UserEntity, 'id'>, tx?: Transaction): Promise<UserRecord | null> {
    const user = this.users(tx).create(fields);
    try {
      const result = await this.users(tx).insert(user);
      return toRecord({ ...user, id: Number(result.identifiers[0].id) });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async emailTaken(email: string): Promise<boolean> {
    return (await this.users().countBy({ email })) > 0;
  }

  /** The user, the hash their password is checked against, and their organization's name. */
  async findForSignIn(email: string): Promise<{ user: UserRecord; passwordHash: string; organizationName: string } | null> {
    const found = await this.users().findOneBy({ email });
    if (!found) return null;
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: found.organizationId });
    return { user: toRecord(found), passwordHash: found.passwordHash, organizationName: organization.name };
  }

  async passwordHashOf(userId: number): Promise<string | null> {
    const found = await this.users().findOne({ where: { id: userId }, select: { id: true, passwordHash: true } });
    return found?.passwordHash ?? null;
  }

  async setPasswordHash(userId: number, passwordHash: string): Promise<void> {
    await this.users().update({ id: userId }, { passwordHash });
  }

  /** The organization's users, oldest first. */
  async list(organizationId: number): Promise<UserRecord[]> {
    return (await this.users().find({ where: { organizationId }, order: { id: 'ASC' } })).map(toRecord);
  }

  async findByLagoId(organizationId: number, lagoId: string, tx?: Transaction): Promise<UserRecord | null> {
    const found = await this.users(tx).findOneBy({ organizationId, lagoId });
    return found ? toRecord(found) : null;
  }

  /**
   * The organization's admins, locked until the transaction ends on MySQL: two admins demoting each other at
   * the same time are then judged one after the other, and one of them stays.
   */
  async lockAdmins(organizationId: number, tx: Transaction): Promise<number[]> {
    const lock = lockingRead(tx.connection);
    const rows: Array<{ id: number }> = await tx.query(`SELECT id FROM users WHERE organization_id = ? AND role = 'admin'${lock}`, [organizationId]);
    return rows.map((row) => Number(row.id));
  }

  async setRole(userId: number, role: OperatorRole, tx: Transaction): Promise<void> {
    await this.users(tx).update({ id: userId }, { role });
  }

  /** The user and every session of theirs. */
  async delete(userId: number, tx: Transaction): Promise<void> {
    await tx.getRepository(UserSessionEntity).delete({ userId });
    await this.users(tx).delete({ id: userId });
  }
}
