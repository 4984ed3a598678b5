import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { TransactionRunner } from '../database/transactions';
import { EventOrigin, EventsRecorder, originOf } from '../events/events.recorder';
import { serializeApiKey } from './api-key.serializer';
import { type ApiKeyRecord, ApiKeysRepository } from './api-keys.repository';
import { actingAs, cliActor, type Organization } from './organization';
import { OrganizationsRepository } from './organizations.repository';

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
  constructor(
    private readonly apiKeys: ApiKeysRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsRecorder,
  ) {}

  /** `api-keys:create`: a key of the named organization, created with it when new. */
  async create(organizationName: string): Promise<{ organization: Organization; apiKey: string; publicId: string }> {
    const organization = await this.organizations.findOrCreate(organizationName);
    const { key, value } = await this.issue(actingAs(organization, cliActor('api-keys:create')), null);
    return { organization, apiKey: value, publicId: key.publicId };
  }

  /** A new key of the organization, and its value: shown once, only its HMAC is kept (and the event never has it). */
  async issue(organization: Organization, name: string | null): Promise<{ key: ApiKeyRecord; value: string }> {
    const publicId = randomAlphanumeric(16);
    const secret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16).toString('hex');
    const key = await this.transactions.run(async (tx) => {
      const inserted = await this.apiKeys.insert({ organizationId: organization.id, publicId, name, salt, secretHash: hashSecret(salt, secret) }, tx);
      await this.events.record(tx, { ...originOf(organization), type: 'api_key.created', objectId: publicId, data: { api_key: serializeApiKey(inserted) } });
      return inserted;
    });
    return { key, value: `cpn_${publicId}_${secret}` };
  }

  list(organizationId: number): Promise<ApiKeyRecord[]> {
    return this.apiKeys.list(organizationId);
  }

  async authenticate(token: string): Promise<Organization | null> {
    const match = KEY_PATTERN.exec(token);
    if (!match) return null;
    const [, publicId, secret] = match;
    const key = await this.apiKeys.findLive(publicId);
    if (!key) return null;
    const expected = Buffer.from(key.secretHash, 'hex');
    const actual = Buffer.from(hashSecret(key.salt, secret), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    return { ...key.organization, actor: { type: 'api_key', id: publicId, name: null } };
  }

  /**
   * Revokes a live key (the whole key or its public id) of the organization `origin` names, or of any
   * organization for the CLI (null), recording `api_key.revoked` with it. Whether a live key was revoked.
   */
  revoke(keyOrPublicId: string, origin: EventOrigin | null): Promise<boolean> {
    const publicId = KEY_PATTERN.exec(keyOrPublicId)?.[1] ?? keyOrPublicId;
    return this.transactions.run(async (tx) => {
      if (!(await this.apiKeys.revoke(publicId, new Date(), origin?.organizationId ?? null, tx))) return false;
      const { organizationId, key } = (await this.apiKeys.findAnywhere(publicId, tx))!;
      const by = origin ?? { organizationId, actor: cliActor('api-keys:revoke'), requestId: null };
      await this.events.record(tx, { ...by, type: 'api_key.revoked', objectId: publicId, data: { api_key: serializeApiKey(key) } });
      return true;
    });
  }

  /** The seed's organization: created on first use, like the one of a new key. */
  findOrCreateOrganization(name: string): Promise<Organization> {
    return this.organizations.findOrCreate(name);
  }
}
