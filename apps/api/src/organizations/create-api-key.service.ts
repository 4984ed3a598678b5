import { Injectable } from '@nestjs/common';
import { apiKeyNameError } from '@coupons/domain';
import { invalidField, type Result, success } from '../common/result';
import type { ApiKeyRecord } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import type { Organization } from './organization';

/** POST /api_keys: a new key with an optional label; its value is in this answer only. */
@Injectable()
export class CreateApiKeyService {
  constructor(private readonly apiKeys: ApiKeysService) {}

  async call(organization: Organization, input: Record<string, unknown>): Promise<Result<{ key: ApiKeyRecord; value: string }>> {
    const error = apiKeyNameError(input.name);
    if (error) return invalidField('name', error);
    const name = typeof input.name === 'string' && input.name.trim() !== '' ? input.name.trim() : null;
    return success(await this.apiKeys.issue(organization, name));
  }
}
