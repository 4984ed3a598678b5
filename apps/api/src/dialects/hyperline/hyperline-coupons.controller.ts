import { Body, Controller, Delete, Get, HttpCode, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Result } from '../../common/result';
import type { CouponRecord } from '../../coupons/coupon-record';
import { CouponsWindowQuery } from '../../coupons/coupons-window.query';
import { CreateCouponService } from '../../coupons/create-coupon.service';
import { DeleteCouponService } from '../../coupons/delete-coupon.service';
import { GetCouponByLagoIdService } from '../../coupons/get-coupon-by-lago-id.service';
import { ApiKeyGuard } from '../../http/api-key.guard';
import { CurrentOrganization } from '../../http/current-organization.decorator';
import { IdempotentPost } from '../../idempotency/idempotent-post.decorator';
import type { Organization } from '../../organizations/organization';
import { parseHyperlineCoupon, parseHyperlineListQuery, toHyperlineFields } from './hyperline-coupon.parser';
import { serializeHyperlineCoupon, serializeHyperlineCouponList } from './hyperline-coupon.serializer';
import { hyperlineFailure } from './hyperline-errors';
import { hyperlineCouponInput, hyperlineCouponList, hyperlineCouponResponse, hyperlineDeleted } from './hyperline-coupon.openapi';

/** A use case's record, or its failure in Hyperline's shape with Hyperline's field names. */
function unwrapHyperline(result: Result<CouponRecord>): CouponRecord {
  if (result.ok) return result.value;
  const { failure } = result;
  throw hyperlineFailure(failure.kind === 'validation' ? { ...failure, errors: toHyperlineFields(failure.errors) } : failure);
}

/** Hyperline's coupon endpoints over the same use cases as Lago's; a coupon's `id` is its `lago_id`. */
@ApiTags('coupons')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('hyperline/v1/coupons')
export class HyperlineCouponsController {
  constructor(
    private readonly createCoupon: CreateCouponService,
    private readonly getCoupon: GetCouponByLagoIdService,
    private readonly deleteCoupon: DeleteCouponService,
    private readonly couponsWindow: CouponsWindowQuery,
  ) {}

  // Above @IdempotentPost: the decorator nearest the method is applied first, and Hyperline answers 201.
  @HttpCode(201)
  @IdempotentPost()
  @ApiOperation({ summary: 'Create a coupon' })
  @ApiBody({ schema: hyperlineCouponInput })
  @ApiCreatedResponse({ schema: hyperlineCouponResponse })
  async create(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const record = unwrapHyperline(await this.createCoupon.call(organization, parseHyperlineCoupon(body)));
    return serializeHyperlineCoupon(record);
  }

  @Get()
  @ApiOperation({ summary: 'List coupons' })
  @ApiQuery({ name: 'take', required: false, schema: { type: 'integer', minimum: 0, maximum: 100, default: 50 } })
  @ApiQuery({ name: 'skip', required: false, schema: { type: 'integer', minimum: 0, default: 0 } })
  @ApiOkResponse({ schema: hyperlineCouponList })
  async list(@CurrentOrganization() organization: Organization, @Query() query: Record<string, unknown>) {
    const { take, skip } = parseHyperlineListQuery(query);
    const { records, total } = await this.couponsWindow.call(organization.id, skip, take);
    return serializeHyperlineCouponList(records, total, skip);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Retrieve a coupon' })
  @ApiOkResponse({ schema: hyperlineCouponResponse })
  async show(@CurrentOrganization() organization: Organization, @Param('id') id: string) {
    return serializeHyperlineCoupon(unwrapHyperline(await this.getCoupon.call(organization, id)));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a coupon (its running applications stop)' })
  @ApiOkResponse({ schema: hyperlineDeleted })
  async remove(@CurrentOrganization() organization: Organization, @Param('id') id: string) {
    const { coupon } = unwrapHyperline(await this.getCoupon.call(organization, id));
    unwrapHyperline(await this.deleteCoupon.call(organization, coupon.code));
    return { message: 'Coupon deleted' };
  }
}
