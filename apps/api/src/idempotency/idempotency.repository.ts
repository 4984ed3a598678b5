import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { IdempotencyKeyEntity } from '../database/entities';
import { isUniqueViolation } from '../database/errors';

/** Every statement on `idempotency_keys`: one row per organization and scope (method, path, client key). */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get keys() {
    return this.dataSource.getRepository(IdempotencyKeyEntity);
  }

  /** Inserts a claim without a response yet; null when the scope already has a row (the unique index says so). */
  async insertClaim(organizationId: number, scopeHash: string, requestHash: string, createdAt: Date): Promise<number | null> {
    const row = this.keys.create({ organizationId, scopeHash, requestHash, responseStatus: null, responseBody: null, createdAt });
    try {
      await this.keys.insert(row);
      return row.id;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  find(organizationId: number, scopeHash: string): Promise<IdempotencyKeyEntity | null> {
    return this.keys.findOneBy({ organizationId, scopeHash });
  }

  async saveResponse(id: number, status: number, payload: string): Promise<void> {
    await this.keys.update({ id }, { responseStatus: status, responseBody: payload });
  }

  async delete(id: number): Promise<void> {
    await this.keys.delete({ id });
  }

  /** Deletes the keys created before `cutoff`; returns how many. */
  async deleteCreatedBefore(cutoff: Date): Promise<number> {
    const result = await this.keys.delete({ createdAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
