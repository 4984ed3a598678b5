import { LIMITS, PROMOTION_CODE_LIMITS, PROMOTION_CODE_REFUSALS } from '@coupons/domain';
import type { SchemaObject } from '@nestjs/swagger';
import {
  arrayOf, BOOLEAN, CURRENCY, DATE_TIME, INTEGER, MINOR_UNITS, nullable, objectSchema, paginationMeta, ref, STRING, UUID,
} from '../http/common.openapi';
import { invoiceInputSchema } from '../invoice-discounts/invoice-discount.openapi';

const CODE_PATTERN = `^[A-Za-z0-9-]{${PROMOTION_CODE_LIMITS.minLength},${PROMOTION_CODE_LIMITS.maxLength}}$`;

const restrictionsInput = {
  type: 'object',
  nullable: true,
  description: 'Who may redeem the code, and on which invoices its coupon then gives a credit',
  properties: {
    customer_external_id: { type: 'string', nullable: true, description: 'Only this customer may redeem it' },
    first_time_transaction: { type: 'boolean', default: false, description: 'Only a customer with no applied coupon and no committed invoice discount' },
    minimum_amount_cents: {
      type: 'integer',
      minimum: 0,
      maximum: LIMITS.maxInteger,
      nullable: true,
      description: 'A credit only on invoices in `minimum_amount_currency` whose fees total at least this much',
    },
    minimum_amount_currency: { type: 'string', nullable: true, example: 'EUR', description: 'Given with `minimum_amount_cents`' },
  },
};

const expiresAtInput = {
  type: 'string',
  format: 'date-time',
  nullable: true,
  description: "In the future, and not after the coupon's `expiration_at`",
};
const metadataInput = { type: 'object', nullable: true, additionalProperties: { type: 'string' } };

/** Request schema of POST /promotion_codes, built from the limits its validation uses. */
export const promotionCodeInputSchema = {
  type: 'object',
  required: ['promotion_code'],
  properties: {
    promotion_code: {
      type: 'object',
      required: ['coupon_code'],
      properties: {
        coupon_code: { type: 'string', description: 'The coupon the code redeems' },
        code: {
          type: 'string',
          pattern: CODE_PATTERN,
          nullable: true,
          description: `Unique in the organization ignoring case; omitted, ${PROMOTION_CODE_LIMITS.generatedLength} characters are generated`,
          example: 'SPRING-AB12',
        },
        active: { type: 'boolean', default: true },
        max_redemptions: { type: 'integer', minimum: 1, nullable: true, description: "Not above the coupon's own `max_redemptions`" },
        expires_at: expiresAtInput,
        restrictions: restrictionsInput,
        metadata: metadataInput,
      },
    },
  },
};

/** Request schema of PUT /promotion_codes/:code: the other fields are locked (`value_is_locked` if changed). */
export const promotionCodeUpdateInputSchema = {
  type: 'object',
  required: ['promotion_code'],
  properties: {
    promotion_code: {
      type: 'object',
      properties: { active: { type: 'boolean' }, expires_at: expiresAtInput, metadata: metadataInput },
    },
  },
};

/** Request schema of POST /promotion_codes/validate. */
export const promotionCodeValidationInputSchema = {
  type: 'object',
  required: ['validation'],
  properties: {
    validation: {
      type: 'object',
      required: ['code', 'external_customer_id'],
      properties: {
        code: { type: 'string', description: 'As the customer typed it (case does not matter)', example: 'spring-ab12' },
        external_customer_id: { type: 'string' },
        invoice: {
          type: 'object',
          nullable: true,
          description: 'The invoice at checkout: the answer then carries the discount the code would give on it',
          required: ['currency', 'fees'],
          properties: {
            currency: invoiceInputSchema.properties.invoice.properties.currency,
            fees: invoiceInputSchema.properties.invoice.properties.fees,
          },
        },
      },
    },
  },
};

/** The promotion code as `serializePromotionCode` writes it. */
const promotionCode = objectSchema({
  lago_id: UUID,
  code: { ...STRING, description: 'As stored; looked up ignoring case', example: 'SPRING-AB12' },
  lago_coupon_id: UUID,
  coupon_code: STRING,
  active: BOOLEAN,
  max_redemptions: nullable(INTEGER),
  redemptions_count: INTEGER,
  expires_at: nullable(DATE_TIME),
  restrictions: objectSchema({
    customer_external_id: nullable(STRING),
    first_time_transaction: BOOLEAN,
    minimum_amount_cents: nullable(MINOR_UNITS),
    minimum_amount_currency: nullable(CURRENCY),
  }),
  metadata: { type: 'object', additionalProperties: STRING },
  lago_batch_id: nullable({ ...UUID, description: 'The batch that generated it; null for a code created alone' }),
  created_at: DATE_TIME,
});

/** A named schema or null (OpenAPI 3.0 ignores the siblings of a bare `$ref`). */
const nullableRef = (name: string, description: string): SchemaObject => ({ oneOf: [ref(name)], nullable: true, description });

/** Every reason a validation can give: the error keys of an apply by promotion code. */
const VALIDATION_REASONS = [
  'customer_not_found', 'promotion_code_not_found', ...PROMOTION_CODE_REFUSALS, 'coupon_not_found', 'coupon_not_yet_redeemable',
  'plan_overlapping', 'coupon_is_not_reusable',
];

/** Named schemas of the promotion code endpoints (`components.schemas`). */
export const promotionCodeSchemas = {
  PromotionCode: promotionCode,
  PromotionCodeResponse: objectSchema({ promotion_code: ref('PromotionCode') }),
  PromotionCodeListResponse: objectSchema({ promotion_codes: arrayOf(ref('PromotionCode')), meta: paginationMeta }),
  PromotionCodeValidation: objectSchema({
    valid: BOOLEAN,
    reason: nullable({ type: 'string', enum: [...new Set(VALIDATION_REASONS)], description: 'The error key an apply would answer with' }),
    promotion_code: nullableRef('PromotionCode', 'Null when no code matches'),
    coupon: nullableRef('Coupon', "The code's coupon; null when unknown or deleted"),
    invoice_discount: nullableRef('InvoiceDiscount', 'The preview as if the code were applied now; null without an invoice or when not valid'),
  }),
  PromotionCodeValidationResponse: objectSchema({ validation: ref('PromotionCodeValidation') }),
};

export const promotionCodeResponse = ref('PromotionCodeResponse');
export const promotionCodeListResponse = ref('PromotionCodeListResponse');
export const promotionCodeValidationResponse = ref('PromotionCodeValidationResponse');
