import { Body, Controller, Get, Headers, Param, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Result } from '../../common/result';
import { ApiKeyGuard } from '../../http/api-key.guard';
import { CurrentOrganization } from '../../http/current-organization.decorator';
import type { Organization } from '../../organizations/organization';
import { CreatePromotionCodeService } from '../../promotion-codes/create-promotion-code.service';
import { GetPromotionCodeService } from '../../promotion-codes/get-promotion-code.service';
import { PromotionCodeCursorPageQuery } from '../../promotion-codes/promotion-code-cursor-page.query';
import type { PromotionCodeRecord } from '../../promotion-codes/promotion-code.serializer';
import { UpdatePromotionCodeService } from '../../promotion-codes/update-promotion-code.service';
import { PromotionCodeCouponsService } from './promotion-code-coupons.service';
import { expansionsUnder } from './stripe-coupon.serializer';
import { noSuch } from './stripe-errors';
import { stripeFailure } from './stripe-failures';
import { StripeIdempotentPost } from './stripe-idempotent-post';
import { LIST_PARAMS, parseListParams, stripeList } from './stripe-list';
import {
  parsePromotionCodeCreate, parsePromotionCodeExpand, parsePromotionCodeUpdate, PROMOTION_CODE_LIST_FILTERS, promotionCodeFailureContext,
} from './stripe-promotion-code.parser';
import { isLegacyVersion, needsCoupons, serializeStripePromotionCode } from './stripe-promotion-code.serializer';
import { booleanParam, paramsOf, queryParamsOf, rejectUnknown, StripeParams, stringParam } from './stripe-params';
import {
  stripePromotionCodeCreateSchema, stripePromotionCodeListSchema, stripePromotionCodeSchema, stripePromotionCodeUpdateSchema,
} from './stripe-objects.openapi';

const VERSION_HEADER = {
  name: 'Stripe-Version',
  required: false,
  description: 'Before 2025-09-30 a code carries its `coupon` object; from then on `promotion: {type: "coupon", coupon}`',
};

/** Stripe's promotion codes at `/v1/promotion_codes` over our promotion codes: `id` is the code itself. */
@ApiTags('promotion codes')
@ApiBearerAuth()
@ApiConsumes('application/x-www-form-urlencoded')
@ApiHeader(VERSION_HEADER)
@UseGuards(ApiKeyGuard)
@Controller('v1/promotion_codes')
export class StripePromotionCodesController {
  constructor(
    private readonly createCode: CreatePromotionCodeService,
    private readonly updateCode: UpdatePromotionCodeService,
    private readonly getCode: GetPromotionCodeService,
    private readonly cursorPage: PromotionCodeCursorPageQuery,
    private readonly coupons: PromotionCodeCouponsService,
  ) {}

  @StripeIdempotentPost()
  @ApiOperation({ summary: 'Create a promotion code of a coupon (form-encoded; `code` generated when omitted)' })
  @ApiBody({ schema: stripePromotionCodeCreateSchema })
  @ApiOkResponse({ schema: stripePromotionCodeSchema })
  async create(@CurrentOrganization() organization: Organization, @Body() body: unknown, @Headers('stripe-version') version: unknown) {
    const params = paramsOf(body);
    const legacy = isLegacyVersion(version);
    const { input, expand } = parsePromotionCodeCreate(params);
    const record = this.found(await this.createCode.call(organization, input), params, legacy);
    return this.answer(record, legacy, expand);
  }

  @Get()
  @ApiOperation({ summary: 'List promotion codes, newest first (filters: active, code, coupon, customer; limit, starting_after, ending_before)' })
  @ApiOkResponse({ schema: stripePromotionCodeListSchema })
  async list(@CurrentOrganization() organization: Organization, @Req() request: FastifyRequest, @Headers('stripe-version') version: unknown) {
    const params = queryParamsOf(request.url);
    rejectUnknown(params, [...LIST_PARAMS, ...PROMOTION_CODE_LIST_FILTERS]);
    const legacy = isLegacyVersion(version);
    const expand = expansionsUnder(parsePromotionCodeExpand(params, 'data.'), 'data');
    const page = parseListParams(params);
    const result = await this.cursorPage.call(organization.id, {
      ...page,
      couponCode: stringParam(params.coupon, 'coupon') ?? null,
      active: booleanParam(params.active, 'active') ?? null,
      code: stringParam(params.code, 'code') ?? null,
      customerExternalId: stringParam(params.customer, 'customer') ?? null,
    });
    if (!result.ok) {
      const [param, id] = page.startingAfter !== undefined ? ['starting_after', page.startingAfter] : ['ending_before', page.endingBefore ?? ''];
      throw noSuch('promotion code', id, param, 400);
    }
    const views = await this.coupons.views(result.value.records, needsCoupons(legacy, expand));
    return stripeList('/v1/promotion_codes', views.map((view) => serializeStripePromotionCode(view, legacy, expand)), result.value.hasMore);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Retrieve a promotion code by its id (the code; case does not matter)' })
  @ApiOkResponse({ schema: stripePromotionCodeSchema })
  async retrieve(@CurrentOrganization() organization: Organization, @Param('id') id: string, @Req() request: FastifyRequest, @Headers('stripe-version') version: unknown) {
    const params = queryParamsOf(request.url);
    rejectUnknown(params, ['expand']);
    const legacy = isLegacyVersion(version);
    const expand = parsePromotionCodeExpand(params);
    return this.answer(this.found(await this.getCode.call(organization, id), params, legacy, id), legacy, expand);
  }

  @StripeIdempotentPost(':id')
  @ApiOperation({ summary: 'Update a promotion code: active, metadata (an empty value unsets a key)' })
  @ApiBody({ schema: stripePromotionCodeUpdateSchema })
  @ApiOkResponse({ schema: stripePromotionCodeSchema })
  async update(@CurrentOrganization() organization: Organization, @Param('id') id: string, @Body() body: unknown, @Headers('stripe-version') version: unknown) {
    const params = paramsOf(body);
    const legacy = isLegacyVersion(version);
    const current = this.found(await this.getCode.call(organization, id), params, legacy, id);
    const { input, expand } = parsePromotionCodeUpdate(params, current);
    return this.answer(this.found(await this.updateCode.call(organization, id, input), params, legacy, id), legacy, expand);
  }

  private async answer(record: PromotionCodeRecord, legacy: boolean, expand: Set<string>) {
    const [view] = await this.coupons.views([record], needsCoupons(legacy, expand));
    return serializeStripePromotionCode(view, legacy, expand);
  }

  private found(result: Result<PromotionCodeRecord>, params: StripeParams, legacy: boolean, id?: string): PromotionCodeRecord {
    if (result.ok) return result.value;
    throw stripeFailure(result.failure, promotionCodeFailureContext(params, legacy, id));
  }
}
