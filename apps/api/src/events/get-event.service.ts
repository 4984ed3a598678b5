import { Injectable } from '@nestjs/common';
import { notFound, Result, success } from '../common/result';
import type { EventEntity } from '../database/entities';
import type { Organization } from '../organizations/organization';
import { EventsRepository } from './events.repository';

/** GET /events/:id, by the event's `evt_…` id, in the organization's own events only. */
@Injectable()
export class GetEventService {
  constructor(private readonly events: EventsRepository) {}

  async call(organization: Organization, id: string): Promise<Result<EventEntity>> {
    const event = await this.events.findByPublicId(organization.id, id);
    return event ? success(event) : notFound('event_not_found');
  }
}
