import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import type { Organization } from '../organizations/organization';
import { eventListResponse, eventResponse } from './event.openapi';
import { serializeEvent } from './event.serializer';
import { EventListParams, EventsQuery } from './events.query';
import { GetEventService } from './get-event.service';

/** The activity log: every change the organization's objects went through, who made it and from which request. */
@ApiTags('events')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/events')
export class EventsController {
  constructor(
    private readonly query: EventsQuery,
    private readonly getEvent: GetEventService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List events, newest first (filters: type, object_id, actor_type, actor_id, request_id, created_after, created_before; page, per_page)',
  })
  @ApiOkResponse({ schema: eventListResponse })
  async list(@CurrentOrganization() organization: Organization, @Query() params: EventListParams) {
    const { events, meta } = unwrap(await this.query.call(organization.id, params));
    return { events: events.map(serializeEvent), meta };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Retrieve an event by its `evt_…` id' })
  @ApiOkResponse({ schema: eventResponse })
  async show(@CurrentOrganization() organization: Organization, @Param('id') id: string) {
    return { event: serializeEvent(unwrap(await this.getEvent.call(organization, id))) };
  }
}
