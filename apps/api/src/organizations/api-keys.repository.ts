import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ApiKeyEntity } from '../database/entities';
import { preparedQuery } from '../database/prepared';
import type { Organization } from './organization';

/** What checking a key's secret needs: its salt and stored HMAC, and whose key it is. */
export interface LiveApiKey {
  salt: string;
  secretHash: string;
  organization: Organization;
}

/** `api_keys`: one row per key, found by its public id. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(key: { organizationId: number; publicId: string; salt: string; secretHash: string }): Promise<void> {
    await this.dataSource.getRepository(ApiKeyEntity).insert({ ...key, revokedAt: null });
  }

  /** Every authenticated request starts here: a prepared statement joining the key to its organization. */
  async findLive(publicId: string): Promise<LiveApiKey | null> {
    const rows = await preparedQuery<{ salt: string; secret_hash: string; organization_id: number; name: string }>(
      this.dataSource,
      'SELECT k.salt, k.secret_hash, o.id AS organization_id, o.name FROM api_keys k ' +
        'JOIN organizations o ON o.id = k.organization_id WHERE k.public_id = ? AND k.revoked_at IS NULL',
      [publicId],
    );
    const row = rows[0];
    if (!row) return null;
    return { salt: row.salt, secretHash: row.secret_hash, organization: { id: Number(row.organization_id), name: row.name } };
  }

  /** Whether a live key was revoked. */
  async revoke(publicId: string, now: Date): Promise<boolean> {
    const result = await this.dataSource.getRepository(ApiKeyEntity).update({ publicId, revokedAt: IsNull() }, { revokedAt: now });
    return (result.affected ?? 0) > 0;
  }
}
