import { Controller, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, RequiresPermission } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';
import type { Organization } from '../organizations/organization';
import { RedeliverEventService } from './redeliver-event.service';
import { serializeWebhookDelivery } from './webhook-endpoint.serializer';
import { webhookRedeliveryResponse } from './webhook.openapi';

/** Sending an event again, e.g. after a receiver's outage outlasted the retry schedule. */
@ApiTags('webhook endpoints')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@RequiresPermission('administer')
@Controller('api/v1/events')
export class EventRedeliveryController {
  constructor(private readonly redeliver: RedeliverEventService) {}

  @IdempotentPost(':id/redeliver')
  @ApiOperation({ summary: "Send an event again to the organization's enabled endpoints subscribed to its type (the attempts scheduled)" })
  @ApiOkResponse({ schema: webhookRedeliveryResponse })
  async create(@CurrentOrganization() organization: Organization, @Param('id') id: string) {
    const scheduled = unwrap(await this.redeliver.call(organization, id));
    return { webhook_deliveries: scheduled.map(serializeWebhookDelivery) };
  }
}
