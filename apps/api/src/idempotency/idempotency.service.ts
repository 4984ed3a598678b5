import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { DataSource, LessThan } from 'typeorm';
import { IdempotencyKeyEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';

const KEEP_MS = 24 * 60 * 60 * 1000;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 30_000;
/** A claim still without a response after this long belongs to a request that was cut off (deadline, crash). */
const STALE_CLAIM_MS = 5 * 60 * 1000;

export type IdempotencyClaim =
  | { kind: 'claimed'; id: number }
  | { kind: 'replay'; status: number; payload: string }
  | { kind: 'mismatch' }
  | { kind: 'busy' };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Idempotency keys live in the database so every API process sees them. The first request inserts a
 * claim row; a concurrent duplicate waits for that row to hold a response and replays it.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claim(organizationId: number, method: string, path: string, key: string, body: unknown): Promise<IdempotencyClaim> {
    const scopeHash = sha256(`${method} ${path} ${key}`);
    const requestHash = sha256(stableStringify(body ?? null));
    const repository = this.dataSource.getRepository(IdempotencyKeyEntity);
    const deadline = Date.now() + WAIT_LIMIT_MS;
    while (Date.now() < deadline) {
      try {
        const row = repository.create({ organizationId, scopeHash, requestHash, responseStatus: null, responseBody: null, createdAt: new Date() });
        await repository.insert(row);
        return { kind: 'claimed', id: row.id };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const existing = await repository.findOneBy({ organizationId, scopeHash });
      if (!existing) continue;
      const age = Date.now() - existing.createdAt.getTime();
      if (age > KEEP_MS || (existing.responseStatus === null && age > STALE_CLAIM_MS)) {
        await repository.delete({ id: existing.id });
        continue;
      }
      if (existing.requestHash !== requestHash) return { kind: 'mismatch' };
      if (existing.responseStatus !== null) {
        return { kind: 'replay', status: existing.responseStatus, payload: existing.responseBody ?? 'null' };
      }
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
    return { kind: 'busy' };
  }

  /** `payload`: the response body exactly as sent. */
  async complete(id: number, status: number, payload: string): Promise<void> {
    await this.dataSource.getRepository(IdempotencyKeyEntity).update({ id }, { responseStatus: status, responseBody: payload });
  }

  /** A 5xx is not an answer: the key is freed so that the client's retry runs again. */
  async release(id: number): Promise<void> {
    await this.dataSource.getRepository(IdempotencyKeyEntity).delete({ id });
  }

  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.dataSource
      .getRepository(IdempotencyKeyEntity)
      .delete({ createdAt: LessThan(new Date(now.getTime() - KEEP_MS)) });
    return result.affected ?? 0;
  }
}
