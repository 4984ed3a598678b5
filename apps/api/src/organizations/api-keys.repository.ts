import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ApiKeyEntity } from '../database/entities';
import { preparedQuery } from '../database/prepared';
import type { Transaction } from '../database/transactions';
import type { Organization } from './organization';

/** What checking a key's secret needs: its salt and stored HMAC, and whose key it is. */
export interface LiveApiKey {
  salt: string;
  secretHash: string;
  organization: Organization;
}

/** A key as admins see it: never its secret. */
export interface ApiKeyRecord {
  publicId: string;
  name: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

const toRecord = ({ publicId, name, createdAt, revokedAt }: ApiKeyEntity): ApiKeyRecord => ({ publicId, name, createdAt, revokedAt });

/** `api_keys`: one row per key, found by its public id. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(key: { organizationId: number; publicId: string; name: string | null; salt: string; secretHash: string }, tx: Transaction): Promise<ApiKeyRecord> {
    const repository = tx.getRepository(ApiKeyEntity);
    const result = await repository.insert({ ...key, revokedAt: null });
    return toRecord(await repository.findOneByOrFail({ id: Number(result.identifiers[0].id) }));
  }

  /** The organization's keys, revoked ones included, newest first. */
  async list(organizationId: number): Promise<ApiKeyRecord[]> {
    return (await this.dataSource.getRepository(ApiKeyEntity).find({ where: { organizationId }, order: { id: 'DESC' } })).map(toRecord);
  }

  async find(organizationId: number, publicId: string): Promise<ApiKeyRecord | null> {
    const found = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ organizationId, publicId });
    return found ? toRecord(found) : null;
  }

  /** A key by its public id, whichever organization's, with that organization's id. */
  async findAnywhere(publicId: string, tx: Transaction): Promise<{ organizationId: number; key: ApiKeyRecord } | null> {
    const found = await tx.getRepository(ApiKeyEntity).findOneBy({ publicId });
    return found ? { organizationId: found.organizationId, key: toRecord(found) } : null;
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

  /** Whether a live key was revoked; `organizationId` limits it to that organization's keys. */
  async revoke(publicId: string, now: Date, organizationId: number | null, tx: Transaction): Promise<boolean> {
    const where = { publicId, revokedAt: IsNull(), ...(organizationId === null ? {} : { organizationId }) };
    const result = await tx.getRepository(ApiKeyEntity).update(where, { revokedAt: now });
    return (result.affected ?? 0) > 0;
  }
}
