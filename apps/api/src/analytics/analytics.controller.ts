import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import type { Organization } from '../organizations/organization';
import { overviewDaysQuery, overviewResponse } from './analytics.openapi';
import { GetOverviewService } from './get-overview.service';
import { serializeOverview } from './overview.serializer';

/** Figures over the organization's coupons for the dashboard's overview. */
@ApiTags('analytics')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/analytics')
export class AnalyticsController {
  constructor(private readonly getOverview: GetOverviewService) {}

  @Get('overview')
  @ApiOperation({ summary: 'Redemptions and discounts given per UTC day and currency over the last `days` days, and the active coupons now' })
  @ApiQuery(overviewDaysQuery)
  @ApiOkResponse({ schema: overviewResponse })
  async overview(@CurrentOrganization() organization: Organization, @Query() query: { days?: unknown }) {
    return { overview: serializeOverview(unwrap(await this.getOverview.call(organization, query))) };
  }
}
