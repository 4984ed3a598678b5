import { Module } from '@nestjs/common';
import { BillableMetricsService } from './billable-metrics.service';
import { CatalogController } from './catalog.controller';
import { CustomersService } from './customers.service';
import { PlansService } from './plans.service';

@Module({
  controllers: [CatalogController],
  providers: [PlansService, BillableMetricsService, CustomersService],
  exports: [PlansService, BillableMetricsService, CustomersService],
})
export class CatalogModule {}
