import { formatDateTime } from '@coupons/domain';
import type { ExportedPromotionCode, PromotionCodeBatchRecord } from './promotion-code-batches.repository';

/** The batch's wire shape, in this key order. */
export function serializePromotionCodeBatch({ batch, couponCode }: PromotionCodeBatchRecord) {
  return {
    lago_id: batch.lagoId,
    coupon_code: couponCode,
    status: batch.status,
    count: batch.count,
    generated_count: batch.generatedCount,
    prefix: batch.prefix,
    length: batch.length,
    created_at: formatDateTime(batch.createdAt),
    completed_at: formatDateTime(batch.completedAt),
  };
}

/** The export's header line; every cell below is a code (letters, digits, dashes), a number, a boolean or a date. */
export const PROMOTION_CODES_CSV_HEADER = 'code,active,max_redemptions,redemptions_count,expires_at,created_at\n';

/** CSV lines of exported codes (empty cells for nulls), each ending with a newline. */
export function promotionCodesCsvLines(codes: ExportedPromotionCode[]): string {
  let text = '';
  for (const code of codes) {
    text += `${code.code},${code.active},${code.maxRedemptions ?? ''},${code.redemptionsCount},` +
      `${formatDateTime(code.expiresAt) ?? ''},${formatDateTime(code.createdAt)}\n`;
  }
  return text;
}
