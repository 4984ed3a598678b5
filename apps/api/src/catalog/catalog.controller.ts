import { Body, Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parsePagination } from '@coupons/domain';
import { ApiKeyGuard } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';
import { serializeBillableMetric } from './billable-metric.serializer';
import {
  billableMetricInputSchema, billableMetricListResponse, billableMetricResponse, customerInputSchema, customerListResponse, customerResponse, customerSearchQuery,
  planInputSchema, planListResponse, planResponse,
} from './catalog.openapi';
import { BillableMetricsService } from './billable-metrics.service';
import { CreateBillableMetricService } from './create-billable-metric.service';
import { CreatePlanService } from './create-plan.service';
import { serializeCustomer } from './customer.serializer';
import { CustomersService } from './customers.service';
import { serializePlan } from './plan.serializer';
import { PlansService } from './plans.service';
import { UpsertCustomerService } from './upsert-customer.service';

type PageQuery = { page?: unknown; per_page?: unknown };
type CustomerListQuery = PageQuery & { search?: unknown };

/** The Lago-compatible subsets of plans, billable metrics and customers that coupons are limited to and applied on. */
@ApiTags('catalog')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1')
export class CatalogController {
  constructor(
    private readonly createPlanService: CreatePlanService,
    private readonly plans: PlansService,
    private readonly createBillableMetricService: CreateBillableMetricService,
    private readonly billableMetrics: BillableMetricsService,
    private readonly upsertCustomerService: UpsertCustomerService,
    private readonly customers: CustomersService,
  ) {}

  @IdempotentPost('plans')
  @ApiOperation({ summary: 'Create a plan (charges reference billable metrics by code or lago_id)' })
  @ApiOkResponse({ schema: planResponse })
  @ApiBody({ schema: planInputSchema })
  async createPlan(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    return { plan: serializePlan(unwrap(await this.createPlanService.call(organization.id, rootObject(body, 'plan')))) };
  }

  @Get('plans')
  @ApiOkResponse({ schema: planListResponse })
  async listPlans(@CurrentOrganization() organization: Organization, @Query() query: PageQuery) {
    const { records, meta } = await this.plans.list(organization.id, parsePagination(query));
    return { plans: records.map(serializePlan), meta };
  }

  @Get('plans/:code')
  @ApiOkResponse({ schema: planResponse })
  async showPlan(@CurrentOrganization() organization: Organization, @Param('code') code: string) {
    return { plan: serializePlan(unwrap(await this.plans.find(organization.id, code))) };
  }

  @IdempotentPost('billable_metrics')
  @ApiOperation({ summary: 'Create a billable metric' })
  @ApiOkResponse({ schema: billableMetricResponse })
  @ApiBody({ schema: billableMetricInputSchema })
  async createBillableMetric(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const metric = unwrap(await this.createBillableMetricService.call(organization.id, rootObject(body, 'billable_metric')));
    return { billable_metric: serializeBillableMetric(metric) };
  }

  @Get('billable_metrics')
  @ApiOkResponse({ schema: billableMetricListResponse })
  async listBillableMetrics(@CurrentOrganization() organization: Organization, @Query() query: PageQuery) {
    const { records, meta } = await this.billableMetrics.list(organization.id, parsePagination(query));
    return { billable_metrics: records.map(serializeBillableMetric), meta };
  }

  @Get('billable_metrics/:code')
  @ApiOkResponse({ schema: billableMetricResponse })
  async showBillableMetric(@CurrentOrganization() organization: Organization, @Param('code') code: string) {
    return { billable_metric: serializeBillableMetric(unwrap(await this.billableMetrics.find(organization.id, code))) };
  }

  @IdempotentPost('customers')
  @ApiOperation({ summary: 'Create or update a customer by external_id' })
  @ApiOkResponse({ schema: customerResponse })
  @ApiBody({ schema: customerInputSchema })
  async upsertCustomer(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    return { customer: serializeCustomer(unwrap(await this.upsertCustomerService.call(organization.id, rootObject(body, 'customer')))) };
  }

  @Get('customers')
  @ApiOperation({ summary: 'List customers, newest first (search: part of the external id or name, any case; page, per_page)' })
  @ApiQuery(customerSearchQuery)
  @ApiOkResponse({ schema: customerListResponse })
  async listCustomers(@CurrentOrganization() organization: Organization, @Query() query: CustomerListQuery) {
    const search = typeof query.search === 'string' ? query.search.trim() : '';
    const { records, meta } = await this.customers.list(organization.id, parsePagination(query), search);
    return { customers: records.map(serializeCustomer), meta };
  }

  @Get('customers/:external_id')
  @ApiOkResponse({ schema: customerResponse })
  async showCustomer(@CurrentOrganization() organization: Organization, @Param('external_id') externalId: string) {
    return { customer: serializeCustomer(unwrap(await this.customers.find(organization.id, externalId))) };
  }
}
