import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OperatorRole } from '@coupons/domain';
import { DataSource, Not } from 'typeorm';
import { UserSessionEntity } from '../database/entities';
import { preparedQuery } from '../database/prepared';
import type { Transaction } from '../database/transactions';
import type { SignedInOperator } from './operator';

/** A session found by its token, with when it was last used (the idle timeout's clock). */
export interface StoredSession extends SignedInOperator {
  lastSeenAt: Date;
}

interface SessionRow {
  session_id: number;
  csrf_token: string;
  last_seen_at: Date | string;
  user_id: number;
  lago_id: string;
  organization_id: number;
  email: string;
  user_name: string | null;
  role: OperatorRole;
  user_created_at: Date | string;
  organization_name: string;
}

/** mysql2 gives DATETIME as a Date; SQLite keeps the ISO text TypeORM wrote, in UTC. */
const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value.endsWith('Z') ? value : `${value.replace(' ', 'T')}Z`));

/** Every statement on `user_sessions`. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private sessions(tx?: Transaction) {
    return (tx ?? this.dataSource).getRepository(UserSessionEntity);
  }

  async insert(fields: Omit<UserSessionEntity, 'id'>, tx?: Transaction): Promise<number> {
    const result = await this.sessions(tx).insert(fields);
    return Number(result.identifiers[0].id);
  }

  /** Every session request starts here: one prepared statement for the session, its user and organization. */
  async findByTokenHash(tokenHash: string): Promise<StoredSession | null> {
    const [row] = await preparedQuery<SessionRow>(
      this.dataSource,
      'SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.lago_id, u.organization_id, u.email, ' +
        'u.name AS user_name, u.role, u.created_at AS user_created_at, o.name AS organization_name FROM user_sessions s ' +
        'JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id WHERE s.token_hash = ?',
      [tokenHash],
    );
    if (!row) return null;
    return {
      sessionId: Number(row.session_id),
      csrfToken: row.csrf_token,
      lastSeenAt: toDate(row.last_seen_at),
      user: {
        id: Number(row.user_id),
        lagoId: row.lago_id,
        organizationId: Number(row.organization_id),
        email: row.email,
        name: row.user_name,
        role: row.role,
        createdAt: toDate(row.user_created_at),
      },
      organization: { id: Number(row.organization_id), name: row.organization_name },
    };
  }

  async touch(sessionId: number, now: Date): Promise<void> {
    await this.sessions().update({ id: sessionId }, { lastSeenAt: now });
  }

  async delete(sessionId: number): Promise<void> {
    await this.sessions().delete({ id: sessionId });
  }

  /** Signs the user out everywhere but in `keptSessionId`. */
  async deleteOthers(userId: number, keptSessionId: number): Promise<void> {
    await this.sessions().delete({ userId, id: Not(keptSessionId) });
  }
}
