import { Injectable } from '@nestjs/common';
import { Pagination, paginationMeta } from '@coupons/domain';
import { Readable } from 'node:stream';
import { notFound, Result, success } from '../common/result';
import { CouponsRepository } from '../coupons/coupons.repository';
import { promotionCodesCsvLines, PROMOTION_CODES_CSV_HEADER } from './promotion-code-batch.serializer';
import { PromotionCodeBatchesRepository, PromotionCodeBatchRecord } from './promotion-code-batches.repository';

/** Codes per export query: a page is read only when the client has taken the previous one. */
const EXPORT_PAGE_SIZE = 2000;

/** Reading batches: one, a page of them, and the CSV export of a batch's codes. */
@Injectable()
export class PromotionCodeBatchesService {
  constructor(
    private readonly batches: PromotionCodeBatchesRepository,
    private readonly coupons: CouponsRepository,
  ) {}

  /** A page of batches, of one coupon when `couponCode` is given (none for an unknown code, as list filters do). */
  async list(organizationId: number, pagination: Pagination, couponCode?: string) {
    if (couponCode === undefined) return this.batches.page(organizationId, pagination);
    const coupon = await this.coupons.findLive(organizationId, couponCode);
    if (!coupon) return { records: [], meta: paginationMeta(pagination.page, pagination.perPage, 0) };
    return this.batches.page(organizationId, pagination, coupon.id);
  }

  async find(organizationId: number, lagoId: string): Promise<Result<PromotionCodeBatchRecord>> {
    const record = await this.batches.findRecord(organizationId, lagoId);
    return record ? success(record) : notFound('promotion_code_batch_not_found');
  }

  /**
   * The batch's codes as CSV, streamed: pages are read one after another, keyset on the code id, as the
   * client consumes them, so memory stays flat whatever the batch's size.
   */
  exportCsv(batchId: number): Readable {
    const batches = this.batches;
    async function* lines(): AsyncGenerator<string> {
      yield PROMOTION_CODES_CSV_HEADER;
      for (let afterId = 0; ;) {
        const codes = await batches.exportPage(batchId, afterId, EXPORT_PAGE_SIZE);
        if (codes.length === 0) return;
        yield promotionCodesCsvLines(codes);
        afterId = codes[codes.length - 1].id;
      }
    }
    return Readable.from(lines(), { objectMode: false });
  }
}
