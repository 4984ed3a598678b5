import { Body, Controller, Delete, Get, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parsePagination } from '@coupons/domain';
import { ApiKeyGuard, RequiresPermission } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';
import type { Organization } from '../organizations/organization';
import { CreateWebhookEndpointService } from './create-webhook-endpoint.service';
import { DeleteWebhookEndpointService } from './delete-webhook-endpoint.service';
import { ListWebhookDeliveriesService } from './list-webhook-deliveries.service';
import { RotateWebhookEndpointSecretService } from './rotate-webhook-endpoint-secret.service';
import { UpdateWebhookEndpointService } from './update-webhook-endpoint.service';
import { serializeWebhookDelivery, serializeWebhookEndpoint } from './webhook-endpoint.serializer';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import {
  webhookDeliveryListResponse, webhookEndpointCreateSchema, webhookEndpointListResponse, webhookEndpointResponse, webhookEndpointUpdateSchema,
} from './webhook.openapi';

type PageQuery = { page?: unknown; per_page?: unknown };

/** Receivers of the organization's events: signed POSTs (Standard Webhooks), retried, logged per attempt. */
@ApiTags('webhook endpoints')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/webhook_endpoints')
export class WebhookEndpointsController {
  constructor(
    private readonly createEndpoint: CreateWebhookEndpointService,
    private readonly updateEndpoint: UpdateWebhookEndpointService,
    private readonly deleteEndpoint: DeleteWebhookEndpointService,
    private readonly rotateSecret: RotateWebhookEndpointSecretService,
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: ListWebhookDeliveriesService,
  ) {}

  @RequiresPermission('administer')
  @IdempotentPost()
  @ApiOperation({ summary: 'Create an endpoint (its `secret` is shown in this answer only)' })
  @ApiOkResponse({ schema: webhookEndpointResponse })
  @ApiBody({ schema: webhookEndpointCreateSchema })
  async create(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const { endpoint, secret } = unwrap(await this.createEndpoint.call(organization, rootObject(body, 'webhook_endpoint')));
    return { webhook_endpoint: serializeWebhookEndpoint(endpoint, secret) };
  }

  @Get()
  @ApiOperation({ summary: 'List endpoints, newest first (page, per_page)' })
  @ApiOkResponse({ schema: webhookEndpointListResponse })
  async list(@CurrentOrganization() organization: Organization, @Query() query: PageQuery) {
    const { rows, meta } = await this.endpoints.list(organization.id, parsePagination(query));
    return { webhook_endpoints: rows.map((endpoint) => serializeWebhookEndpoint(endpoint)), meta };
  }

  @Get(':lago_id')
  @ApiOperation({ summary: 'Retrieve an endpoint' })
  @ApiOkResponse({ schema: webhookEndpointResponse })
  async show(@CurrentOrganization() organization: Organization, @Param('lago_id') lagoId: string) {
    return { webhook_endpoint: serializeWebhookEndpoint(unwrap(await this.endpoints.find(organization.id, lagoId))) };
  }

  @RequiresPermission('administer')
  @Put(':lago_id')
  @ApiOperation({ summary: 'Update an endpoint (`url`, `event_types`, `description`, `status`)' })
  @ApiOkResponse({ schema: webhookEndpointResponse })
  @ApiBody({ schema: webhookEndpointUpdateSchema })
  async update(@CurrentOrganization() organization: Organization, @Param('lago_id') lagoId: string, @Body() body: unknown) {
    const endpoint = unwrap(await this.updateEndpoint.call(organization, lagoId, rootObject(body, 'webhook_endpoint')));
    return { webhook_endpoint: serializeWebhookEndpoint(endpoint) };
  }

  @RequiresPermission('administer')
  @Delete(':lago_id')
  @ApiOperation({ summary: 'Delete an endpoint, its pending attempts and its delivery log' })
  @ApiOkResponse({ schema: webhookEndpointResponse })
  async remove(@CurrentOrganization() organization: Organization, @Param('lago_id') lagoId: string) {
    return { webhook_endpoint: serializeWebhookEndpoint(unwrap(await this.deleteEndpoint.call(organization, lagoId))) };
  }

  @RequiresPermission('administer')
  @IdempotentPost(':lago_id/rotate_secret')
  @ApiOperation({ summary: 'Issue a new secret (shown in this answer only); the previous one keeps signing beside it for 24 h' })
  @ApiOkResponse({ schema: webhookEndpointResponse })
  async rotate(@CurrentOrganization() organization: Organization, @Param('lago_id') lagoId: string) {
    const { endpoint, secret } = unwrap(await this.rotateSecret.call(organization, lagoId));
    return { webhook_endpoint: serializeWebhookEndpoint(endpoint, secret) };
  }

  @Get(':lago_id/deliveries')
  @ApiOperation({ summary: "The endpoint's delivery attempts, newest first (status, page, per_page)" })
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'succeeded', 'failed'] })
  @ApiOkResponse({ schema: webhookDeliveryListResponse })
  async listDeliveries(
    @CurrentOrganization() organization: Organization,
    @Param('lago_id') lagoId: string,
    @Query() query: PageQuery & { status?: unknown },
  ) {
    const { rows, meta } = unwrap(await this.deliveries.call(organization.id, lagoId, query.status, parsePagination(query)));
    return { webhook_deliveries: rows.map(serializeWebhookDelivery), meta };
  }
}
