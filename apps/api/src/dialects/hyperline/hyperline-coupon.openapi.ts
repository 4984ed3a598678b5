import { CURRENCY_CODES, LIMITS, WITHDRAWN_CURRENCY_CODES } from '@coupons/domain';
import {
  arrayOf, CURRENCY, DATE_TIME, enumOf, INTEGER, MINOR_UNITS, nullable, objectSchema, ref, STRING, UUID,
} from '../../http/common.openapi';
import { HYPERLINE_COUPON_TYPES, LIST_TAKE } from './hyperline-coupon.parser';

const couponFields = {
  id: { ...UUID, description: "The coupon's `lago_id` in every other dialect" },
  name: STRING,
  description: nullable(STRING),
  expiration_date: nullable(DATE_TIME),
  redemption_limit: nullable(INTEGER),
  created_at: DATE_TIME,
};

/** Request schema of the create, from the same limits the engine checks. */
export const hyperlineCouponInput = {
  type: 'object',
  required: ['name', 'type'],
  properties: {
    name: { type: 'string', maxLength: LIMITS.nameMaxLength },
    description: { type: 'string', maxLength: LIMITS.descriptionMaxLength, nullable: true },
    expiration_date: { type: 'string', format: 'date-time', nullable: true, description: 'In the future; null: never expires' },
    redemption_limit: { type: 'integer', minimum: 1, nullable: true },
    type: enumOf(HYPERLINE_COUPON_TYPES),
    discount_amount: { type: 'integer', minimum: 1, description: 'Type `amount`: minor units of `currency`' },
    currency: {
      type: 'string',
      enum: [...CURRENCY_CODES],
      description: `Type \`amount\`: ISO 4217. Withdrawn codes (${WITHDRAWN_CURRENCY_CODES.join(', ')}) are refused with their successor named`,
    },
    discount_percent: { type: 'number', exclusiveMinimum: true, minimum: 0, maximum: 100, description: 'Type `percent`' },
  },
};

/** Named schemas of Hyperline's document (`components.schemas`). */
export const hyperlineSchemas = {
  HyperlineAmountCoupon: objectSchema({ ...couponFields, type: enumOf(['amount']), discount_amount: MINOR_UNITS, currency: CURRENCY }),
  HyperlinePercentCoupon: objectSchema({ ...couponFields, type: enumOf(['percent']), discount_percent: { type: 'number', example: 12.5 } }),
  HyperlineCoupon: {
    oneOf: [ref('HyperlineAmountCoupon'), ref('HyperlinePercentCoupon')],
    discriminator: { propertyName: 'type', mapping: { amount: '#/components/schemas/HyperlineAmountCoupon', percent: '#/components/schemas/HyperlinePercentCoupon' } },
  },
  HyperlineCouponList: objectSchema({
    meta: objectSchema({
      total: INTEGER,
      taken: { ...INTEGER, description: `Coupons in \`data\` (at most \`take\`, ${LIST_TAKE.max})` },
      skipped: INTEGER,
    }),
    data: arrayOf(ref('HyperlineCoupon')),
  }),
  HyperlineMessage: objectSchema({ message: STRING }),
  HyperlineError: objectSchema(
    {
      message: { type: 'string', example: 'Invalid coupon: discount_amount is out of range' },
      errors: {
        type: 'object',
        description: 'Field → error keys, when a coupon is refused',
        additionalProperties: arrayOf(STRING),
        example: { discount_amount: ['value_is_out_of_range'] },
      },
    },
    ['errors'],
  ),
};

export const hyperlineCouponResponse = ref('HyperlineCoupon');
export const hyperlineCouponList = ref('HyperlineCouponList');
export const hyperlineDeleted = ref('HyperlineMessage');
