import { PROMOTION_CODE_BATCH_LIMITS, PROMOTION_CODE_BATCH_STATUSES } from '@coupons/domain';
import { arrayOf, DATE_TIME, enumOf, INTEGER, nullable, objectSchema, paginationMeta, ref, STRING, UUID } from '../http/common.openapi';

const limits = PROMOTION_CODE_BATCH_LIMITS;

/** Request schema of POST /promotion_code_batches, built from the limits its validation uses. */
export const promotionCodeBatchInputSchema = {
  type: 'object',
  required: ['promotion_code_batch'],
  properties: {
    promotion_code_batch: {
      type: 'object',
      required: ['coupon_code', 'count'],
      properties: {
        coupon_code: { type: 'string', description: 'The coupon every code of the batch redeems' },
        count: {
          type: 'integer',
          minimum: limits.countMin,
          maximum: limits.countMax,
          description: 'At most 1 % of the 31^length codes the random part can spell, so that a guessed code stays a long shot',
          example: 10000,
        },
        prefix: { type: 'string', maxLength: limits.prefixMaxLength, pattern: '^[A-Za-z0-9-]*$', default: '', example: 'SPRING-' },
        length: {
          type: 'integer',
          minimum: limits.lengthMin,
          maximum: limits.lengthMax,
          default: limits.lengthDefault,
          description: 'Symbols of the random part, from ABCDEFGHJKMNPQRSTUVWXYZ23456789',
        },
        max_redemptions: { type: 'integer', minimum: 1, nullable: true, default: limits.maxRedemptionsDefault, description: 'Per code' },
        expires_at: { type: 'string', format: 'date-time', nullable: true },
        restrictions: {
          type: 'object',
          nullable: true,
          properties: {
            customer_external_id: { type: 'string', nullable: true },
            first_time_transaction: { type: 'boolean', default: false },
            minimum_amount_cents: { type: 'integer', minimum: 0, nullable: true },
            minimum_amount_currency: { type: 'string', nullable: true, example: 'EUR' },
          },
        },
        metadata: { type: 'object', nullable: true, additionalProperties: { type: 'string' } },
      },
    },
  },
};

/** The batch as `serializePromotionCodeBatch` writes it. */
const promotionCodeBatch = objectSchema({
  lago_id: UUID,
  coupon_code: STRING,
  status: enumOf(PROMOTION_CODE_BATCH_STATUSES),
  count: INTEGER,
  generated_count: { type: 'integer', description: 'Codes generated so far; equals `count` once completed' },
  prefix: STRING,
  length: INTEGER,
  created_at: DATE_TIME,
  completed_at: nullable(DATE_TIME),
});

/** Named schemas of the batch endpoints (`components.schemas`). */
export const promotionCodeBatchSchemas = {
  PromotionCodeBatch: promotionCodeBatch,
  PromotionCodeBatchResponse: objectSchema({ promotion_code_batch: ref('PromotionCodeBatch') }),
  PromotionCodeBatchListResponse: objectSchema({ promotion_code_batches: arrayOf(ref('PromotionCodeBatch')), meta: paginationMeta }),
};

export const promotionCodeBatchResponse = ref('PromotionCodeBatchResponse');
export const promotionCodeBatchListResponse = ref('PromotionCodeBatchListResponse');

/** The export: a header line, then one line per code, in the order the codes were generated. */
export const promotionCodesCsv = {
  type: 'string',
  example: 'code,active,max_redemptions,redemptions_count,expires_at,created_at\nSPRING-7KQ2MHD9RT,true,1,0,,2026-11-24T00:00:00Z\n',
};
