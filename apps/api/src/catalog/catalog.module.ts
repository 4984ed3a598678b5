import { Module } from '@nestjs/common';
import { BillableMetricsRepository } from './billable-metrics.repository';
import { BillableMetricsService } from './billable-metrics.service';
import { CatalogController } from './catalog.controller';
import { CreateBillableMetricService } from './create-billable-metric.service';
import { CreatePlanService } from './create-plan.service';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';
import { UpsertCustomerService } from './upsert-customer.service';

const useCases = [CreatePlanService, CreateBillableMetricService, UpsertCustomerService];
const reads = [PlansService, BillableMetricsService, CustomersService];

@Module({
  controllers: [CatalogController],
  providers: [PlansRepository, BillableMetricsRepository, CustomersRepository, ...useCases, ...reads],
  exports: [CustomersRepository, ...useCases, ...reads],
})
export class CatalogModule {}
