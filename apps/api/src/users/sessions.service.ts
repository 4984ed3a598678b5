import { Injectable } from '@nestjs/common';
import { sessionIsIdle } from '@coupons/domain';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from '../database/transactions';
import type { SignedInOperator, UserRecord } from './operator';
import { assertCsrfToken, assertSameOrigin } from './request-origin';
import { newToken, tokenHash } from './secrets';
import { sessionTokenOf } from './session-cookie';
import { SessionsRepository } from './sessions.repository';

/** `last_seen_at` is written at most this often: the idle timeout needs minutes, not a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

/** A session just opened, with the token only its cookie will hold. */
export interface OpenedSession {
  token: string;
  operator: SignedInOperator;
}

/** Opening sessions, and finding the one a request's cookie names. */
@Injectable()
export class SessionsService {
  constructor(private readonly sessions: SessionsRepository) {}

  async open(user: UserRecord, organizationName: string, now: Date, tx?: Transaction): Promise<OpenedSession> {
    const token = newToken();
    const csrfToken = newToken();
    const sessionId = await this.sessions.insert({ tokenHash: tokenHash(token), userId: user.id, csrfToken, createdAt: now, lastSeenAt: now }, tx);
    return { token, operator: { sessionId, csrfToken, user, organization: { id: user.organizationId, name: organizationName } } };
  }

  /**
   * The operator whose live session the request's cookie names, or null (no cookie, unknown, idle: an idle
   * session is deleted on the spot). A request from another site, or a write without the session's CSRF token,
   * is refused with a 403.
   */
  async authenticate(request: FastifyRequest, now = new Date()): Promise<SignedInOperator | null> {
    const token = sessionTokenOf(request);
    if (!token) return null;
    const session = await this.sessions.findByTokenHash(tokenHash(token));
    if (!session) return null;
    if (sessionIsIdle(session.lastSeenAt, now)) {
      await this.sessions.delete(session.sessionId);
      return null;
    }
    assertSameOrigin(request);
    assertCsrfToken(request, session.csrfToken);
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) await this.sessions.touch(session.sessionId, now);
    const { lastSeenAt: _lastSeenAt, ...operator } = session;
    return operator;
  }

  close(operator: SignedInOperator): Promise<void> {
    return this.sessions.delete(operator.sessionId);
  }
}
