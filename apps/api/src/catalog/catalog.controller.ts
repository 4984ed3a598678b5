import { Body, Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { BillableMetricsService, serializeBillableMetric } from './billable-metrics.service';
import { CustomersService, serializeCustomer } from './customers.service';
import { PlansService, serializePlan } from './plans.service';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';

type PageQuery = { page?: unknown; per_page?: unknown };

/** The Lago-compatible subsets of plans, billable metrics and customers that coupons are limited to and applied on. */
@ApiTags('catalog')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1')
export class CatalogController {
  constructor(
    private readonly plans: PlansService,
    private readonly billableMetrics: BillableMetricsService,
    private readonly customers: CustomersService,
  ) {}

  @IdempotentPost('plans')
  @ApiOperation({ summary: 'Create a plan (charges reference billable metrics by code or lago_id)' })
  async createPlan(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    return { plan: serializePlan(unwrap(await this.plans.create(organization.id, rootObject(body, 'plan')))) };
  }

  @Get('plans')
  listPlans(@CurrentOrganization() organization: Organization, @Query() query: PageQuery) {
    return this.plans.list(organization.id, query);
  }

  @Get('plans/:code')
  async showPlan(@CurrentOrganization() organization: Organization, @Param('code') code: string) {
    return { plan: serializePlan(unwrap(await this.plans.find(organization.id, code))) };
  }

  @IdempotentPost('billable_metrics')
  @ApiOperation({ summary: 'Create a billable metric' })
  async createBillableMetric(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const metric = unwrap(await this.billableMetrics.create(organization.id, rootObject(body, 'billable_metric')));
    return { billable_metric: serializeBillableMetric(metric) };
  }

  @Get('billable_metrics')
  listBillableMetrics(@CurrentOrganization() organization: Organization, @Query() query: PageQuery) {
    return this.billableMetrics.list(organization.id, query);
  }

  @Get('billable_metrics/:code')
  async showBillableMetric(@CurrentOrganization() organization: Organization, @Param('code') code: string) {
    return { billable_metric: serializeBillableMetric(unwrap(await this.billableMetrics.find(organization.id, code))) };
  }

  @IdempotentPost('customers')
  @ApiOperation({ summary: 'Create or update a customer by external_id' })
  async upsertCustomer(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    return { customer: serializeCustomer(unwrap(await this.customers.upsert(organization.id, rootObject(body, 'customer')))) };
  }

  @Get('customers')
  listCustomers(@CurrentOrganization() organization: Organization, @Query() query: PageQuery) {
    return this.customers.list(organization.id, query);
  }

  @Get('customers/:external_id')
  async showCustomer(@CurrentOrganization() organization: Organization, @Param('external_id') externalId: string) {
    return { customer: serializeCustomer(unwrap(await this.customers.find(organization.id, externalId))) };
  }
}
