import { Injectable } from '@nestjs/common';
import { notFound, type Result, success } from '../common/result';
import { originOf } from '../events/events.recorder';
import { type ApiKeyRecord, ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import type { Organization } from './organization';

/**
 * DELETE /api_keys/:lago_id: the key stops authenticating from the next request. The key making this request
 * may revoke itself; revoking a revoked key changes nothing.
 */
@Injectable()
export class RevokeApiKeyService {
  constructor(
    private readonly apiKeysService: ApiKeysService,
    private readonly apiKeys: ApiKeysRepository,
  ) {}

  async call(organization: Organization, publicId: string): Promise<Result<ApiKeyRecord>> {
    await this.apiKeysService.revoke(publicId, originOf(organization));
    const key = await this.apiKeys.find(organization.id, publicId);
    return key ? success(key) : notFound('api_key_not_found');
  }
}
