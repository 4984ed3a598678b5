import { Injectable } from '@nestjs/common';
import { notFound, type Result, success } from '../common/result';
import { type ApiKeyRecord, ApiKeysRepository } from './api-keys.repository';
import type { Organization } from './organization';

/**
 * DELETE /api_keys/:lago_id: the key stops authenticating from the next request. The key making this request
 * may revoke itself; revoking a revoked key changes nothing.
 */
@Injectable()
export class RevokeApiKeyService {
  constructor(private readonly apiKeys: ApiKeysRepository) {}

  async call(organization: Organization, publicId: string): Promise<Result<ApiKeyRecord>> {
    await this.apiKeys.revoke(publicId, new Date(), organization.id);
    const key = await this.apiKeys.find(organization.id, publicId);
    return key ? success(key) : notFound('api_key_not_found');
  }
}
