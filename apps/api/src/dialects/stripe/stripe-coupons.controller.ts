import { Body, Controller, Delete, Get, Param, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { generateCouponCode } from '@coupons/domain';
import type { FastifyRequest } from 'fastify';
import type { Result } from '../../common/result';
import { CouponCursorPageQuery } from '../../coupons/coupon-cursor-page.query';
import type { CouponRecord } from '../../coupons/coupon-record';
import { CreateCouponService } from '../../coupons/create-coupon.service';
import { DeleteCouponService } from '../../coupons/delete-coupon.service';
import { GetCouponService } from '../../coupons/get-coupon.service';
import { UpdateCouponService } from '../../coupons/update-coupon.service';
import { ApiKeyGuard } from '../../http/api-key.guard';
import { CurrentOrganization } from '../../http/current-organization.decorator';
import type { Organization } from '../../organizations/organization';
import { COUPON_EXPANDABLE, couponFailureContext, parseCouponCreate, parseCouponUpdate } from './stripe-coupon.parser';
import { expansionsUnder, serializeStripeCoupon } from './stripe-coupon.serializer';
import { noSuch } from './stripe-errors';
import { stripeFailure } from './stripe-failures';
import { StripeIdempotentPost } from './stripe-idempotent-post';
import { LIST_PARAMS, parseListParams, stripeList } from './stripe-list';
import { stripeCouponCreateSchema, stripeCouponListSchema, stripeCouponSchema, stripeCouponUpdateSchema, stripeDeletedCouponSchema } from './stripe-objects.openapi';
import { expandParam, paramsOf, queryParamsOf, rejectUnexpandable, rejectUnknown, StripeParams, stringParam } from './stripe-params';

/** A generated id that collides is drawn again, as the create use case does for the codes it generates. */
const GENERATED_ID_ATTEMPTS = 3;

/** Stripe's coupons at `/v1/coupons`, over the same use cases as Lago's: the coupon's `id` is our code. */
@ApiTags('coupons')
@ApiBearerAuth()
@ApiConsumes('application/x-www-form-urlencoded')
@UseGuards(ApiKeyGuard)
@Controller('v1/coupons')
export class StripeCouponsController {
  constructor(
    private readonly createCoupon: CreateCouponService,
    private readonly updateCoupon: UpdateCouponService,
    private readonly deleteCoupon: DeleteCouponService,
    private readonly getCoupon: GetCouponService,
    private readonly cursorPage: CouponCursorPageQuery,
  ) {}

  @StripeIdempotentPost()
  @ApiOperation({ summary: 'Create a coupon (form-encoded; `id` is the code, generated when omitted)' })
  @ApiBody({ schema: stripeCouponCreateSchema })
  @ApiOkResponse({ schema: stripeCouponSchema })
  async create(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const params = paramsOf(body);
    const givenId = stringParam(params.id, 'id') || undefined;
    for (let attempt = 1; ; attempt++) {
      const id = givenId ?? generateCouponCode();
      const { input, expand } = parseCouponCreate(params, id);
      const result = await this.createCoupon.call(organization, input);
      if (result.ok) return serializeStripeCoupon(result.value, expand);
      const idTaken = result.failure.kind === 'validation' && result.failure.errors.code?.includes('value_already_exist');
      if (givenId !== undefined || !idTaken || attempt >= GENERATED_ID_ATTEMPTS) throw stripeFailure(result.failure, couponFailureContext(params, id, 'id'));
    }
  }

  @Get()
  @ApiOperation({ summary: 'List coupons, newest first (limit 1–100, starting_after, ending_before)' })
  @ApiOkResponse({ schema: stripeCouponListSchema })
  async list(@CurrentOrganization() organization: Organization, @Req() request: FastifyRequest) {
    const params = queryParamsOf(request.url);
    rejectUnknown(params, LIST_PARAMS);
    const expand = expandParam(params.expand);
    rejectUnexpandable(expand, COUPON_EXPANDABLE.map((path) => `data.${path}`));
    const page = parseListParams(params);
    const result = await this.cursorPage.call(organization.id, page);
    if (!result.ok) {
      const [param, id] = page.startingAfter !== undefined ? ['starting_after', page.startingAfter] : ['ending_before', page.endingBefore ?? ''];
      throw noSuch('coupon', id, param, 400);
    }
    const itemExpand = expansionsUnder(expand, 'data');
    return stripeList('/v1/coupons', result.value.records.map((record) => serializeStripeCoupon(record, itemExpand)), result.value.hasMore);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Retrieve a coupon' })
  @ApiOkResponse({ schema: stripeCouponSchema })
  async retrieve(@CurrentOrganization() organization: Organization, @Param('id') id: string, @Req() request: FastifyRequest) {
    const params = queryParamsOf(request.url);
    rejectUnknown(params, ['expand']);
    const expand = expandParam(params.expand);
    rejectUnexpandable(expand, COUPON_EXPANDABLE);
    return serializeStripeCoupon(this.found(await this.getCoupon.call(organization, id), params, id), expand);
  }

  @StripeIdempotentPost(':id')
  @ApiOperation({ summary: 'Update a coupon: name, metadata (an empty value unsets a key), currency_options' })
  @ApiBody({ schema: stripeCouponUpdateSchema })
  @ApiOkResponse({ schema: stripeCouponSchema })
  async update(@CurrentOrganization() organization: Organization, @Param('id') id: string, @Body() body: unknown) {
    const params = paramsOf(body);
    const current = this.found(await this.getCoupon.call(organization, id), params, id);
    const { input, expand } = parseCouponUpdate(params, current);
    return serializeStripeCoupon(this.found(await this.updateCoupon.call(organization, id, input), params, id), expand);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a coupon (its code becomes free; its running applications stop)' })
  @ApiOkResponse({ schema: stripeDeletedCouponSchema })
  async remove(@CurrentOrganization() organization: Organization, @Param('id') id: string) {
    const deleted = this.found(await this.deleteCoupon.call(organization, id), {}, id);
    return { id: deleted.coupon.code, object: 'coupon' as const, deleted: true as const };
  }

  private found(result: Result<CouponRecord>, params: StripeParams, id: string): CouponRecord {
    if (result.ok) return result.value;
    throw stripeFailure(result.failure, couponFailureContext(params, id, 'path'));
  }
}
