/** Request and response schemas of the Flexprice dialect's document, built from the same limits and words the parser uses. */
import { LIMITS } from '@coupons/domain';
import { arrayOf, DATE_TIME, enumOf, INTEGER, objectSchema, STRING, UUID } from '../../http/common.openapi';
import { RULES_MAX_JSON_LENGTH } from './flexprice-coupon.parser';
import { FLEXPRICE_CADENCES, FLEXPRICE_STATUSES, FLEXPRICE_TYPES } from './flexprice-vocabulary';

const MAJOR_UNITS = { type: 'string', example: '10.50', description: "Decimal string in major units of `currency`, at most the currency's decimals" };
const METADATA = { type: 'object', additionalProperties: STRING, maxProperties: LIMITS.metadataMaxKeys };
const RULES = { type: 'object', additionalProperties: true, description: `Stored and returned as sent (JSON up to ${RULES_MAX_JSON_LENGTH} characters, 32 levels deep); not evaluated` };
const TYPES = enumOf(Object.values(FLEXPRICE_TYPES));
const CADENCES = enumOf(Object.values(FLEXPRICE_CADENCES));
const STATUSES = enumOf([...Object.values(FLEXPRICE_STATUSES), 'deleted']);

export const flexpriceCreateCouponSchema = {
  type: 'object',
  required: ['name', 'type', 'cadence'],
  properties: {
    name: { type: 'string', maxLength: LIMITS.nameMaxLength },
    coupon_code: { type: 'string', maxLength: LIMITS.codeMaxLength, description: 'Generated when omitted' },
    type: TYPES,
    amount_off: MAJOR_UNITS,
    currency: { type: 'string', example: 'usd', description: 'ISO 4217, any case; required with `amount_off`' },
    percentage_off: { type: 'string', example: '12.5', description: 'Above 0, at most 100, up to 5 decimals' },
    cadence: CADENCES,
    duration_in_periods: { type: 'integer', minimum: 1, maximum: LIMITS.frequencyDurationMax, description: 'Required when `cadence` is `repeated`' },
    redeem_after: { type: 'string', format: 'date-time' },
    redeem_before: { type: 'string', format: 'date-time', description: 'In the future; the coupon expires then' },
    max_redemptions: { type: 'integer', minimum: 1 },
    metadata: METADATA,
    rules: RULES,
  },
};

export const flexpriceUpdateCouponSchema = { type: 'object', properties: { name: { type: 'string', maxLength: LIMITS.nameMaxLength }, metadata: METADATA } };

const FILTER = objectSchema(
  {
    field: enumOf(['id', 'name', 'coupon_code', 'type', 'cadence', 'currency', 'max_redemptions', 'total_redemptions', 'created_at', 'updated_at', 'redeem_before', 'redeem_after']),
    operator: enumOf(['eq', 'contains', 'not_contains', 'in', 'not_in', 'gt', 'lt', 'before', 'after']),
    data_type: enumOf(['string', 'number', 'date', 'array']),
    value: { type: 'object', properties: { string: STRING, number: { type: 'number' }, date: DATE_TIME, array: arrayOf(STRING) } },
  },
  ['data_type'],
);

export const flexpriceSearchSchema = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: LIMITS.perPageMax, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
    status: { ...STATUSES, default: 'published' },
    coupon_ids: arrayOf(STRING),
    filters: arrayOf(FILTER),
    sort: arrayOf({ type: 'object', properties: { field: enumOf(['created_at', 'updated_at', 'name']), direction: enumOf(['asc', 'desc']) } }),
    order: enumOf(['asc', 'desc']),
  },
};

const optionalKeys = ['redeem_after', 'redeem_before', 'max_redemptions', 'rules', 'amount_off', 'percentage_off', 'duration_in_periods', 'currency'];

export const flexpriceCouponSchema = objectSchema(
  {
    id: UUID,
    name: STRING,
    coupon_code: STRING,
    redeem_after: DATE_TIME,
    redeem_before: DATE_TIME,
    max_redemptions: INTEGER,
    total_redemptions: INTEGER,
    rules: RULES,
    amount_off: MAJOR_UNITS,
    percentage_off: STRING,
    type: TYPES,
    cadence: CADENCES,
    duration_in_periods: INTEGER,
    currency: { type: 'string', example: 'usd' },
    metadata: METADATA,
    status: enumOf(Object.values(FLEXPRICE_STATUSES)),
    created_at: DATE_TIME,
    updated_at: DATE_TIME,
  },
  optionalKeys,
);

export const flexpriceCouponListSchema = objectSchema({
  items: arrayOf(flexpriceCouponSchema),
  pagination: objectSchema({ total: INTEGER, limit: INTEGER, offset: INTEGER }),
});

export const flexpriceErrorSchema = objectSchema(
  {
    success: { type: 'boolean', example: false },
    error: objectSchema({ message: STRING, internal_error: STRING, details: { type: 'object' } }, ['details']),
    code: enumOf(['validation_error', 'already_exists', 'not_found', 'invalid_operation', 'permission_denied', 'system_error']),
    message: STRING,
    http_status_code: INTEGER,
    details: { type: 'object', additionalProperties: arrayOf(STRING), example: { amount_off: ['value_is_invalid'] } },
  },
  ['details'],
);
