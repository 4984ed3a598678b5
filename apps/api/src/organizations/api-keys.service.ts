import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { ApiKeyEntity, OrganizationEntity } from '../database/entities';
import { preparedQuery } from '../database/prepared';
import type { Organization } from './organization';


const KEY_PATTERN = /^cpn_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

function hashSecret(salt: string, secret: string): string {
  return createHmac('sha256', salt).update(secret).digest('hex');
}

function randomAlphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  // 62 * 4 = 248 < 256: reject bytes ≥ 248 so every character is equally likely.
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += alphabet[byte % 62];
    }
  }
  return out;
}

/**
 * Keys look like `cpn_<public id>_<secret>`. The public id finds the row with one indexed lookup;
 * the secret is only ever stored as an HMAC under a per-key salt and compared in constant time.
 */
@Injectable()
export class ApiKeysService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(organizationName: string): Promise<{ organization: Organization; apiKey: string; publicId: string }> {
    const organization = await this.findOrCreateOrganization(organizationName);
    const publicId = randomAlphanumeric(16);
    const secret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16).toString('hex');
    await this.dataSource.getRepository(ApiKeyEntity).insert({
      organizationId: organization.id,
      publicId,
      salt,
      secretHash: hashSecret(salt, secret),
      revokedAt: null,
    });
    return { organization, apiKey: `cpn_${publicId}_${secret}`, publicId };
  }

  async authenticate(token: string): Promise<Organization | null> {
    const match = KEY_PATTERN.exec(token);
    if (!match) return null;
    const [, publicId, secret] = match;
    const rows: { salt: string; secret_hash: string; organization_id: number; name: string }[] =
      await preparedQuery(
        this.dataSource,
        'SELECT k.salt, k.secret_hash, o.id AS organization_id, o.name FROM api_keys k ' +
          'JOIN organizations o ON o.id = k.organization_id WHERE k.public_id = ? AND k.revoked_at IS NULL',
        [publicId],
      );
    const row = rows[0];
    if (!row) return null;
    const expected = Buffer.from(row.secret_hash, 'hex');
    const actual = Buffer.from(hashSecret(row.salt, secret), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    return { id: Number(row.organization_id), name: row.name };
  }

  /** Accepts the whole key or its public id; returns whether a live key was revoked. */
  async revoke(keyOrPublicId: string): Promise<boolean> {
    const publicId = KEY_PATTERN.exec(keyOrPublicId)?.[1] ?? keyOrPublicId;
    const result = await this.dataSource
      .getRepository(ApiKeyEntity)
      .update({ publicId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async findOrCreateOrganization(name: string): Promise<Organization> {
    const repository = this.dataSource.getRepository(OrganizationEntity);
    const existing = await repository.findOneBy({ name });
    if (existing) return { id: existing.id, name: existing.name };
    try {
      const created = await repository.save(repository.create({ name }));
      return { id: created.id, name: created.name };
    } catch (error) {
      const raced = await repository.findOneBy({ name });
      if (raced) return { id: raced.id, name: raced.name };
      throw error;
    }
  }
}
