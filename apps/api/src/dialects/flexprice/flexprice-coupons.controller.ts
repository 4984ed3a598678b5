import { Body, Controller, Delete, Get, HttpCode, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentOrganization } from '../../http/current-organization.decorator';
import { IdempotentPost } from '../../idempotency/idempotent-post.decorator';
import type { Organization } from '../../organizations/organization';
import { FlexpriceApiKeyGuard } from './flexprice-api-key.guard';
import { parseCreateCoupon, parseUpdateCoupon } from './flexprice-coupon.parser';
import { serializeFlexpriceCoupon, serializeFlexpriceCouponList } from './flexprice-coupon.serializer';
import { FlexpriceCoupon, FlexpriceCouponsService } from './flexprice-coupons.service';
import { throwIfInvalid, unwrapFlexprice } from './flexprice-errors';
import { parseCouponSearch } from './flexprice-search.parser';
import {
  flexpriceCouponListSchema, flexpriceCouponSchema, flexpriceCreateCouponSchema, flexpriceSearchSchema, flexpriceUpdateCouponSchema,
} from './flexprice-coupon.openapi';

const serialize = ({ record, rules }: FlexpriceCoupon) => serializeFlexpriceCoupon(record, rules);

/** The routes `@flexprice/sdk` calls, with `x-api-key` authentication and Flexprice's error body. */
@ApiTags('coupons')
@ApiSecurity('x-api-key')
@UseGuards(FlexpriceApiKeyGuard)
@Controller('flexprice/v1/coupons')
export class FlexpriceCouponsController {
  constructor(private readonly coupons: FlexpriceCouponsService) {}

  // Above IdempotentPost, whose 200 it overrides: Flexprice answers a create with 201.
  @HttpCode(201)
  @IdempotentPost()
  @ApiOperation({ summary: 'Create a coupon' })
  @ApiResponse({ status: 201, schema: flexpriceCouponSchema })
  @ApiBody({ schema: flexpriceCreateCouponSchema })
  async create(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const { input, rules, errors } = parseCreateCoupon(body);
    throwIfInvalid(errors);
    return serialize(unwrapFlexprice(await this.coupons.create(organization, input, rules)));
  }

  @IdempotentPost('search')
  @ApiOperation({ summary: 'Search coupons (limit, offset, status, coupon_ids, filters, sort, order)' })
  @ApiOkResponse({ schema: flexpriceCouponListSchema })
  @ApiBody({ schema: flexpriceSearchSchema })
  async search(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const { search, limit, offset, errors } = parseCouponSearch(body);
    throwIfInvalid(errors);
    const { coupons, total } = search ? await this.coupons.search(organization, search, offset, limit) : { coupons: [], total: 0 };
    return serializeFlexpriceCouponList(coupons.map(serialize), { total, limit, offset });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Retrieve a coupon by id' })
  @ApiOkResponse({ schema: flexpriceCouponSchema })
  async show(@CurrentOrganization() organization: Organization, @Param('id') id: string) {
    return serialize(unwrapFlexprice(await this.coupons.get(organization, id)));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a coupon (name, metadata)' })
  @ApiOkResponse({ schema: flexpriceCouponSchema })
  @ApiBody({ schema: flexpriceUpdateCouponSchema })
  async update(@CurrentOrganization() organization: Organization, @Param('id') id: string, @Body() body: unknown) {
    return serialize(unwrapFlexprice(await this.coupons.update(organization, id, parseUpdateCoupon(body))));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a coupon (frees its code, terminates its applied coupons)' })
  @ApiOkResponse({ schema: { type: 'object', properties: { message: { type: 'string', example: 'coupon deleted successfully' } } } })
  async remove(@CurrentOrganization() organization: Organization, @Param('id') id: string) {
    unwrapFlexprice(await this.coupons.delete(organization, id));
    return { message: 'coupon deleted successfully' };
  }
}
