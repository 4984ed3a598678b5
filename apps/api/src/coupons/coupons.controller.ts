import { Body, Controller, Delete, Get, Param, Patch, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { couponInputSchema, couponListResponse, couponResponse } from './coupon.openapi';
import { serializeCoupon } from './coupon.serializer';
import { CouponListParams, CouponsQuery } from './coupons.query';
import { CreateCouponService } from './create-coupon.service';
import { DeleteCouponService } from './delete-coupon.service';
import { GetCouponService } from './get-coupon.service';
import { TerminateCouponService } from './terminate-coupon.service';
import { UpdateCouponService } from './update-coupon.service';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';

@ApiTags('coupons')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/coupons')
export class CouponsController {
  constructor(
    private readonly createCoupon: CreateCouponService,
    private readonly updateCoupon: UpdateCouponService,
    private readonly deleteCoupon: DeleteCouponService,
    private readonly terminateCoupon: TerminateCouponService,
    private readonly couponsQuery: CouponsQuery,
    private readonly getCoupon: GetCouponService,
  ) {}

  @IdempotentPost()
  @ApiOperation({ summary: 'Create a coupon' })
  @ApiOkResponse({ schema: couponResponse })
  @ApiBody({ schema: couponInputSchema })
  async create(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const record = unwrap(await this.createCoupon.call(organization, rootObject(body, 'coupon')));
    return { coupon: serializeCoupon(record) };
  }

  @Get()
  @ApiOperation({ summary: 'List coupons (filters: status, search_term; page, per_page)' })
  @ApiOkResponse({ schema: couponListResponse })
  async list(@CurrentOrganization() organization: Organization, @Query() query: CouponListParams) {
    const { records, meta } = await this.couponsQuery.call(organization.id, query);
    return { coupons: records.map(serializeCoupon), meta };
  }

  @Get(':code')
  @ApiOperation({ summary: 'Retrieve a coupon by code' })
  @ApiOkResponse({ schema: couponResponse })
  async show(@CurrentOrganization() organization: Organization, @Param('code') code: string) {
    const record = unwrap(await this.getCoupon.call(organization, code));
    return { coupon: serializeCoupon(record) };
  }

  @Put(':code')
  @ApiOperation({ summary: 'Update a coupon (fields are locked once it has been applied)' })
  @ApiOkResponse({ schema: couponResponse })
  @ApiBody({ schema: couponInputSchema })
  async update(@CurrentOrganization() organization: Organization, @Param('code') code: string, @Body() body: unknown) {
    const record = unwrap(await this.updateCoupon.call(organization, code, rootObject(body, 'coupon')));
    return { coupon: serializeCoupon(record) };
  }

  @Patch(':code')
  @ApiOperation({ summary: 'Alias of PUT' })
  @ApiOkResponse({ schema: couponResponse })
  @ApiBody({ schema: couponInputSchema })
  patch(@CurrentOrganization() organization: Organization, @Param('code') code: string, @Body() body: unknown) {
    return this.update(organization, code, body);
  }

  @Delete(':code')
  @ApiOperation({ summary: 'Delete a coupon (frees its code, terminates its applied coupons)' })
  @ApiOkResponse({ schema: couponResponse })
  async remove(@CurrentOrganization() organization: Organization, @Param('code') code: string) {
    const record = unwrap(await this.deleteCoupon.call(organization, code));
    return { coupon: serializeCoupon(record) };
  }

  @IdempotentPost(':code/terminate')
  @ApiOperation({ summary: 'Terminate a coupon (idempotent; applied coupons keep running)' })
  @ApiOkResponse({ schema: couponResponse })
  async terminate(@CurrentOrganization() organization: Organization, @Param('code') code: string) {
    const record = unwrap(await this.terminateCoupon.call(organization, code));
    return { coupon: serializeCoupon(record) };
  }
}
