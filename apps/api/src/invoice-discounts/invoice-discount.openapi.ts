import { LIMITS } from '@coupons/domain';
import {
  arrayOf, CURRENCY, DATE_TIME, enumOf, MINOR_UNITS, nullable, objectSchema, ref, STRING, UUID,
} from '../http/common.openapi';
import type { InvoiceDiscountView } from './invoice-discount.serializer';

/** Request schema of the preview and commit endpoints: the invoice's fees, which the coupons' credits spread over. */
export const invoiceInputSchema = {
  type: 'object',
  required: ['invoice'],
  properties: {
    invoice: {
      type: 'object',
      required: ['external_customer_id', 'currency', 'fees'],
      properties: {
        external_invoice_id: {
          type: 'string',
          maxLength: LIMITS.codeMaxLength,
          description: 'Mandatory to commit; optional for a preview',
        },
        external_customer_id: { type: 'string', maxLength: LIMITS.codeMaxLength },
        currency: { type: 'string', example: 'EUR' },
        fees: {
          type: 'array',
          minItems: 1,
          description: 'Distinct ids; the total must stay a safe integer',
          items: {
            type: 'object',
            required: ['id', 'amount_cents'],
            properties: {
              id: { type: 'string', maxLength: LIMITS.codeMaxLength },
              amount_cents: { type: 'integer', minimum: 0 },
              plan_code: { type: 'string', maxLength: LIMITS.codeMaxLength },
              billable_metric_code: { type: 'string', maxLength: LIMITS.codeMaxLength },
            },
          },
        },
      },
    },
  },
};

/** Every status a discount can have; typed by the serializer's view so a new status cannot be left out. */
const STATUSES: Record<InvoiceDiscountView['status'], string> = {
  preview: 'computed by /preview, nothing recorded',
  committed: 'recorded: the credits are consumed',
  voided: 'the credits were given back',
};

/** The discount as `serializeInvoiceDiscount` writes it; a preview has no `lago_id` nor `created_at`. */
const invoiceDiscount = objectSchema({
  lago_id: nullable(UUID),
  external_invoice_id: nullable(STRING),
  external_customer_id: STRING,
  currency: CURRENCY,
  status: {
    ...enumOf(Object.keys(STATUSES)),
    description: Object.entries(STATUSES).map(([status, meaning]) => `${status}: ${meaning}`).join('; '),
  },
  fees_amount_cents: MINOR_UNITS,
  coupons_amount_cents: MINOR_UNITS,
  sub_total_excluding_taxes_amount_cents: MINOR_UNITS,
  fees: arrayOf(objectSchema({ id: STRING, amount_cents: MINOR_UNITS, coupons_amount_cents: MINOR_UNITS })),
  credits: arrayOf(ref('InvoiceDiscountCredit')),
  created_at: nullable(DATE_TIME),
});

/** One applied coupon's credit on the invoice, spread over the fees it applies to. */
const invoiceDiscountCredit = objectSchema({
  lago_applied_coupon_id: nullable({ ...UUID, description: 'Null only in a promotion code validation, for the coupon the code would apply' }),
  coupon_code: STRING,
  amount_cents: MINOR_UNITS,
  amount_currency: CURRENCY,
  fees: arrayOf(objectSchema({ id: STRING, amount_cents: MINOR_UNITS })),
});

/** Named schemas of the discount engine (`components.schemas`). */
export const invoiceDiscountSchemas = {
  InvoiceDiscount: invoiceDiscount,
  InvoiceDiscountCredit: invoiceDiscountCredit,
  InvoiceDiscountResponse: objectSchema({ invoice_discount: ref('InvoiceDiscount') }),
};

export const invoiceDiscountResponse = ref('InvoiceDiscountResponse');
