import { Global, Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { EventsQuery } from './events.query';
import { EventsRecorder } from './events.recorder';
import { EventsRepository } from './events.repository';
import { GetEventService } from './get-event.service';
import { PurgeEventsService } from './purge-events.service';

/**
 * The outbox and the activity log. Global: every module whose use cases change something records its
 * events through EventsRecorder; webhook delivery reads them through EventsRepository.
 */
@Global()
@Module({
  controllers: [EventsController],
  providers: [EventsRepository, EventsRecorder, EventsQuery, GetEventService, PurgeEventsService],
  exports: [EventsRepository, EventsRecorder, PurgeEventsService],
})
export class EventsModule {}
