import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsRepository } from './analytics.repository';
import { GetOverviewService } from './get-overview.service';

/** Read-only figures for the dashboard's overview. */
@Module({
  controllers: [AnalyticsController],
  providers: [AnalyticsRepository, GetOverviewService],
})
export class AnalyticsModule {}
