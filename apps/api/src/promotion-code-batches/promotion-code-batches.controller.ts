import { Body, Controller, Get, Param, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { parsePagination } from '@coupons/domain';
import { ApiKeyGuard } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { ApiError, plainErrorBody } from '../http/error-body';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import { IdempotentPost } from '../idempotency/idempotent-post.decorator';
import type { Organization } from '../organizations/organization';
import { CreatePromotionCodeBatchService } from './create-promotion-code-batch.service';
import { PromotionCodeBatchGenerator } from './promotion-code-batch-generator';
import {
  promotionCodeBatchInputSchema, promotionCodeBatchListResponse, promotionCodeBatchResponse, promotionCodesCsv,
} from './promotion-code-batch.openapi';
import { serializePromotionCodeBatch } from './promotion-code-batch.serializer';
import { PromotionCodeBatchesService } from './promotion-code-batches.service';

type ListQuery = { page?: unknown; per_page?: unknown; coupon_code?: unknown };

/** Bulk unique promotion codes: created at once, generated in the background, exported as CSV once complete. */
@ApiTags('promotion code batches')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/promotion_code_batches')
export class PromotionCodeBatchesController {
  constructor(
    private readonly createBatch: CreatePromotionCodeBatchService,
    private readonly batches: PromotionCodeBatchesService,
    private readonly generator: PromotionCodeBatchGenerator,
  ) {}

  @IdempotentPost()
  @ApiOperation({ summary: 'Request a batch of unique promotion codes (answered at once, `pending`; generated in the background)' })
  @ApiOkResponse({ schema: promotionCodeBatchResponse })
  @ApiBody({ schema: promotionCodeBatchInputSchema })
  async create(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const record = unwrap(await this.createBatch.call(organization, rootObject(body, 'promotion_code_batch')));
    // This process starts at once; the others pick up whatever it leaves unfinished.
    this.generator.start(record.batch.id);
    return { promotion_code_batch: serializePromotionCodeBatch(record) };
  }

  @Get()
  @ApiOperation({ summary: 'List batches, newest first (coupon_code, page, per_page)' })
  @ApiOkResponse({ schema: promotionCodeBatchListResponse })
  async list(@CurrentOrganization() organization: Organization, @Query() query: ListQuery) {
    const couponCode = typeof query.coupon_code === 'string' ? query.coupon_code : undefined;
    const { records, meta } = await this.batches.list(organization.id, parsePagination(query), couponCode);
    return { promotion_code_batches: records.map(serializePromotionCodeBatch), meta };
  }

  @Get(':lago_id')
  @ApiOperation({ summary: 'Retrieve a batch and its progress (`generated_count`)' })
  @ApiOkResponse({ schema: promotionCodeBatchResponse })
  async show(@CurrentOrganization() organization: Organization, @Param('lago_id') lagoId: string) {
    return { promotion_code_batch: serializePromotionCodeBatch(unwrap(await this.batches.find(organization.id, lagoId))) };
  }

  @Get(':lago_id/codes.csv')
  @ApiOperation({ summary: "Export a completed batch's codes as CSV (409 `batch_not_completed` before)" })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: promotionCodesCsv })
  async exportCodes(@CurrentOrganization() organization: Organization, @Param('lago_id') lagoId: string) {
    const { batch } = unwrap(await this.batches.find(organization.id, lagoId));
    if (batch.status !== 'completed') throw new ApiError({ ...plainErrorBody(409), code: 'batch_not_completed' });
    return new StreamableFile(this.batches.exportCsv(batch.id), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="promotion-codes-${batch.lagoId}.csv"`,
    });
  }
}
