import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { IdempotencyRepository } from './idempotency.repository';

const KEEP_MS = 24 * 60 * 60 * 1000;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 30_000;
/** A claim still without a response after this long belongs to a request that was cut off (deadline, crash). */
const STALE_CLAIM_MS = 5 * 60 * 1000;

export type IdempotencyClaim =
  | { kind: 'claimed'; id: number }
  | { kind: 'replay'; status: number; payload: string }
  | { kind: 'mismatch' }
  | { kind: 'busy' }
  | { kind: 'unreadable' };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Idempotency keys live in the database so every API process sees them. The first request inserts a
 * claim row; a concurrent duplicate waits for that row to hold a response and replays it.
 */
/**
 * The body's hash, whatever its key order. A body nested deeper than the stack allows (thousands of levels)
 * has none: it is no request any route accepts, so it is refused rather than answered with a 500.
 */
function fingerprint(body: unknown): string | null {
  try {
    return sha256(stableStringify(body ?? null));
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyRepository) {}

  async claim(organizationId: number, method: string, path: string, key: string, body: unknown): Promise<IdempotencyClaim> {
    const scopeHash = sha256(`${method} ${path} ${key}`);
    const requestHash = fingerprint(body);
    if (requestHash === null) return { kind: 'unreadable' };
    const deadline = Date.now() + WAIT_LIMIT_MS;
    while (Date.now() < deadline) {
      const id = await this.keys.insertClaim(organizationId, scopeHash, requestHash, new Date());
      if (id !== null) return { kind: 'claimed', id };
      const existing = await this.keys.find(organizationId, scopeHash);
      if (!existing) continue;
      const age = Date.now() - existing.createdAt.getTime();
      if (age > KEEP_MS || (existing.responseStatus === null && age > STALE_CLAIM_MS)) {
        await this.keys.delete(existing.id);
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
  complete(id: number, status: number, payload: string): Promise<void> {
    return this.keys.saveResponse(id, status, payload);
  }

  /** A 5xx is not an answer: the key is freed so that the client's retry runs again. */
  release(id: number): Promise<void> {
    return this.keys.delete(id);
  }

  /** Keys are kept 24 hours; the minute sweep deletes the older ones so that the table stays that size. */
  purgeExpired(now = new Date()): Promise<number> {
    return this.keys.deleteCreatedBefore(new Date(now.getTime() - KEEP_MS));
  }
}
