import { Body, Controller, Delete, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { appliedCouponListResponse, appliedCouponResponse, applyCouponInputSchema } from './applied-coupon.openapi';
import { serializeAppliedCoupon, serializeAppliedCouponWithCredits } from './applied-coupon.serializer';
import { AppliedCouponListParams, AppliedCouponsQuery } from './applied-coupons.query';
import { ApplyCouponService } from './apply-coupon.service';
import { TerminateAppliedCouponService } from './terminate-applied-coupon.service';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';

@ApiTags('applied coupons')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1')
export class AppliedCouponsController {
  constructor(
    private readonly applyCoupon: ApplyCouponService,
    private readonly terminateAppliedCoupon: TerminateAppliedCouponService,
    private readonly query: AppliedCouponsQuery,
  ) {}

  @IdempotentPost('applied_coupons')
  @ApiOperation({ summary: 'Apply a coupon to a customer, by coupon code or by promotion code (optional overrides of amount, rate and frequency)' })
  @ApiOkResponse({ schema: appliedCouponResponse })
  @ApiBody({ schema: applyCouponInputSchema })
  async apply(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const record = unwrap(await this.applyCoupon.call(organization, rootObject(body, 'applied_coupon')));
    return { applied_coupon: serializeAppliedCoupon(record) };
  }

  @Get('applied_coupons')
  @ApiOperation({ summary: 'List applied coupons (status, external_customer_id, coupon_code[]), newest first, with credits' })
  @ApiOkResponse({ schema: appliedCouponListResponse })
  async list(@CurrentOrganization() organization: Organization, @Query() params: AppliedCouponListParams) {
    const { records, meta } = await this.query.call(organization.id, params);
    return { applied_coupons: records.map(serializeAppliedCouponWithCredits), meta };
  }

  @Get('customers/:external_customer_id/applied_coupons')
  @ApiOperation({ summary: "A customer's applied coupons, with credits" })
  @ApiOkResponse({ schema: appliedCouponListResponse })
  async listForCustomer(
    @CurrentOrganization() organization: Organization,
    @Param('external_customer_id') externalCustomerId: string,
    @Query() params: AppliedCouponListParams,
  ) {
    const { records, meta } = unwrap(await this.query.forCustomer(organization.id, externalCustomerId, params));
    return { applied_coupons: records.map(serializeAppliedCouponWithCredits), meta };
  }

  @Delete('customers/:external_customer_id/applied_coupons/:lago_id')
  @ApiOperation({ summary: 'Terminate an applied coupon (idempotent)' })
  @ApiOkResponse({ schema: appliedCouponResponse })
  async terminate(
    @CurrentOrganization() organization: Organization,
    @Param('external_customer_id') externalCustomerId: string,
    @Param('lago_id') lagoId: string,
  ) {
    const record = unwrap(await this.terminateAppliedCoupon.call(organization, externalCustomerId, lagoId));
    return { applied_coupon: serializeAppliedCoupon(record) };
  }
}
