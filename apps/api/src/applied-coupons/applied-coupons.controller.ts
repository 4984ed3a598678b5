import { Body, Controller, Delete, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CustomersService } from '../catalog/customers.service';
import { ApiKeyGuard } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { serializeAppliedCoupon } from './applied-coupon.serializer';
import { AppliedCouponListParams, AppliedCouponsQuery } from './applied-coupons.query';
import { ApplyCouponService } from './apply-coupon.service';
import { TerminateAppliedCouponService } from './terminate-applied-coupon.service';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';

const applySchema = {
  type: 'object',
  properties: {
    applied_coupon: {
      type: 'object',
      required: ['external_customer_id', 'coupon_code'],
      properties: {
        external_customer_id: { type: 'string' },
        coupon_code: { type: 'string' },
        frequency: { type: 'string', enum: ['once', 'recurring', 'forever'] },
        frequency_duration: { type: 'integer', minimum: 1 },
        amount_cents: { type: 'integer', minimum: 1 },
        amount_currency: { type: 'string' },
        percentage_rate: { oneOf: [{ type: 'number' }, { type: 'string' }] },
      },
    },
  },
};

@ApiTags('applied coupons')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1')
export class AppliedCouponsController {
  constructor(
    private readonly applyCoupon: ApplyCouponService,
    private readonly terminateAppliedCoupon: TerminateAppliedCouponService,
    private readonly query: AppliedCouponsQuery,
    private readonly customers: CustomersService,
  ) {}

  @IdempotentPost('applied_coupons')
  @ApiOperation({ summary: 'Apply a coupon to a customer (optional overrides of amount, rate and frequency)' })
  @ApiBody({ schema: applySchema })
  async apply(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const record = unwrap(await this.applyCoupon.call(organization, rootObject(body, 'applied_coupon')));
    return { applied_coupon: serializeAppliedCoupon(record) };
  }

  @Get('applied_coupons')
  @ApiOperation({ summary: 'List applied coupons (status, external_customer_id, coupon_code[]), newest first, with credits' })
  list(@CurrentOrganization() organization: Organization, @Query() params: AppliedCouponListParams) {
    return this.query.call(organization.id, params);
  }

  @Get('customers/:external_customer_id/applied_coupons')
  @ApiOperation({ summary: "A customer's applied coupons, with credits" })
  async listForCustomer(
    @CurrentOrganization() organization: Organization,
    @Param('external_customer_id') externalCustomerId: string,
    @Query() params: AppliedCouponListParams,
  ) {
    const customer = unwrap(await this.customers.find(organization.id, externalCustomerId));
    return this.query.call(organization.id, params, customer.id);
  }

  @Delete('customers/:external_customer_id/applied_coupons/:lago_id')
  @ApiOperation({ summary: 'Terminate an applied coupon (idempotent)' })
  async terminate(
    @CurrentOrganization() organization: Organization,
    @Param('external_customer_id') externalCustomerId: string,
    @Param('lago_id') lagoId: string,
  ) {
    const applied = unwrap(await this.terminateAppliedCoupon.call(organization, externalCustomerId, lagoId));
    const [record] = await this.query.records([applied]);
    return { applied_coupon: serializeAppliedCoupon(record) };
  }
}
