import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, RequiresPermission } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import { serializeApiKey } from './api-key.serializer';
import { apiKeyCreateSchema, apiKeyListResponse, apiKeyResponse } from './api-keys.openapi';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyService } from './create-api-key.service';
import type { Organization } from './organization';
import { RevokeApiKeyService } from './revoke-api-key.service';

/** The organization's API keys, for machines. Admins only, reads included. */
@ApiTags('api keys')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@RequiresPermission('administer')
@Controller('api/v1/api_keys')
export class ApiKeysController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly createKey: CreateApiKeyService,
    private readonly revokeKey: RevokeApiKeyService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The organization's keys, revoked ones included, newest first" })
  @ApiOkResponse({ schema: apiKeyListResponse })
  async list(@CurrentOrganization() organization: Organization) {
    return { api_keys: (await this.apiKeys.list(organization.id)).map((key) => serializeApiKey(key)) };
  }

  // Not idempotent by key: a replayed answer would have to store the key itself, which is kept nowhere.
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a key; its `value` is in this answer only' })
  @ApiBody({ schema: apiKeyCreateSchema })
  @ApiOkResponse({ schema: apiKeyResponse })
  async create(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const { key, value } = unwrap(await this.createKey.call(organization, rootObject(body, 'api_key')));
    return { api_key: serializeApiKey(key, value) };
  }

  @Delete(':lago_id')
  @ApiOperation({ summary: 'Revoke a key (the one making this request included): refused from the next request on' })
  @ApiOkResponse({ schema: apiKeyResponse })
  async revoke(@CurrentOrganization() organization: Organization, @Param('lago_id') publicId: string) {
    return { api_key: serializeApiKey(unwrap(await this.revokeKey.call(organization, publicId))) };
  }
}
