import { Body, Controller, Get, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, RequiresPermission } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';
import type { Organization } from '../organizations/organization';
import { CreatePromotionCodeService } from './create-promotion-code.service';
import { GetPromotionCodeService } from './get-promotion-code.service';
import {
  promotionCodeInputSchema, promotionCodeListResponse, promotionCodeResponse, promotionCodeUpdateInputSchema,
  promotionCodeValidationInputSchema, promotionCodeValidationResponse,
} from './promotion-code.openapi';
import { serializePromotionCodeValidation } from './promotion-code-validation.serializer';
import { serializePromotionCode } from './promotion-code.serializer';
import { PromotionCodeListParams, PromotionCodesQuery } from './promotion-codes.query';
import { UpdatePromotionCodeService } from './update-promotion-code.service';
import { ValidatePromotionCodeService } from './validate-promotion-code.service';

/** Customer-facing codes of a coupon: create, list, read, deactivate, and the checkout's side-effect-free validation. */
@ApiTags('promotion codes')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/promotion_codes')
export class PromotionCodesController {
  constructor(
    private readonly createCode: CreatePromotionCodeService,
    private readonly updateCode: UpdatePromotionCodeService,
    private readonly getCode: GetPromotionCodeService,
    private readonly query: PromotionCodesQuery,
    private readonly validateCode: ValidatePromotionCodeService,
  ) {}

  @IdempotentPost()
  @ApiOperation({ summary: 'Create a promotion code of a coupon (generated when `code` is omitted)' })
  @ApiOkResponse({ schema: promotionCodeResponse })
  @ApiBody({ schema: promotionCodeInputSchema })
  async create(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const record = unwrap(await this.createCode.call(organization, rootObject(body, 'promotion_code')));
    return { promotion_code: serializePromotionCode(record) };
  }

  // Writes nothing: a viewer may ask it, as a GET.
  @RequiresPermission('read')
  @IdempotentPost('validate')
  @ApiOperation({ summary: 'Whether a code would apply for a customer now, why not, and the discount it would give (changes nothing)' })
  @ApiOkResponse({ schema: promotionCodeValidationResponse })
  @ApiBody({ schema: promotionCodeValidationInputSchema })
  async validate(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const validation = unwrap(await this.validateCode.call(organization, rootObject(body, 'validation')));
    return { validation: serializePromotionCodeValidation(validation) };
  }

  @Get()
  @ApiOperation({ summary: 'List promotion codes, newest first (filters: coupon_code, active, lago_batch_id, code; page, per_page)' })
  @ApiOkResponse({ schema: promotionCodeListResponse })
  async list(@CurrentOrganization() organization: Organization, @Query() params: PromotionCodeListParams) {
    const { records, meta } = await this.query.call(organization.id, params);
    return { promotion_codes: records.map(serializePromotionCode), meta };
  }

  @Get(':code')
  @ApiOperation({ summary: 'Retrieve a promotion code (case does not matter)' })
  @ApiOkResponse({ schema: promotionCodeResponse })
  async show(@CurrentOrganization() organization: Organization, @Param('code') code: string) {
    return { promotion_code: serializePromotionCode(unwrap(await this.getCode.call(organization, code))) };
  }

  @Put(':code')
  @ApiOperation({ summary: 'Update `active`, `expires_at` or `metadata` (deactivate instead of deleting)' })
  @ApiOkResponse({ schema: promotionCodeResponse })
  @ApiBody({ schema: promotionCodeUpdateInputSchema })
  async update(@CurrentOrganization() organization: Organization, @Param('code') code: string, @Body() body: unknown) {
    const record = unwrap(await this.updateCode.call(organization, code, rootObject(body, 'promotion_code')));
    return { promotion_code: serializePromotionCode(record) };
  }
}
