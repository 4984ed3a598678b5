import { LIMITS } from '@coupons/domain';
import {
  arrayOf, CURRENCY, DATE_TIME, enumOf, MINOR_UNITS, nullable, objectSchema, paginationMeta, ref, STRING, UUID,
} from '../http/common.openapi';
import { AGGREGATION_TYPES } from './create-billable-metric.service';
import { PLAN_INTERVALS } from './create-plan.service';

const CODE = { type: 'string', maxLength: LIMITS.codeMaxLength, description: 'No whitespace, `/` or control characters' };

/** Request schemas of the catalog's POSTs, built from the enums their validation uses. */
export const planInputSchema = {
  type: 'object',
  required: ['plan'],
  properties: {
    plan: {
      type: 'object',
      required: ['name', 'code', 'interval', 'amount_currency'],
      properties: {
        name: { type: 'string' },
        code: CODE,
        interval: enumOf(PLAN_INTERVALS),
        amount_cents: { type: 'integer', minimum: 0, default: 0 },
        amount_currency: { type: 'string', example: 'EUR' },
        charges: {
          type: 'array',
          description: 'Each charge names a billable metric by code or by lago_id',
          items: {
            type: 'object',
            properties: { billable_metric_code: { type: 'string' }, billable_metric_id: { type: 'string' } },
          },
        },
      },
    },
  },
};

export const billableMetricInputSchema = {
  type: 'object',
  required: ['billable_metric'],
  properties: {
    billable_metric: {
      type: 'object',
      required: ['name', 'code', 'aggregation_type'],
      properties: { name: { type: 'string' }, code: CODE, aggregation_type: enumOf(AGGREGATION_TYPES) },
    },
  },
};

export const customerInputSchema = {
  type: 'object',
  required: ['customer'],
  properties: {
    customer: {
      type: 'object',
      required: ['external_id'],
      description: 'Creates the customer, or updates the one with this external_id',
      properties: {
        external_id: CODE,
        name: { type: 'string', nullable: true },
        currency: { type: 'string', nullable: true, example: 'EUR' },
      },
    },
  },
};

/** `GET /customers?search=`: one term, matched as typed (`%` and `_` are plain characters). */
export const customerSearchQuery = {
  name: 'search',
  required: false,
  description: 'Part of the external id or of the name, ignoring case; surrounding spaces are dropped',
  schema: { type: 'string', example: 'acme' },
};

/** Named schemas of the catalog endpoints (`components.schemas`), as the catalog's serializers write them. */
export const catalogSchemas = {
  Plan: objectSchema({
    lago_id: UUID,
    name: STRING,
    code: STRING,
    interval: enumOf(PLAN_INTERVALS),
    amount_cents: MINOR_UNITS,
    amount_currency: CURRENCY,
    created_at: DATE_TIME,
    charges: arrayOf(objectSchema({ lago_billable_metric_id: UUID, billable_metric_code: STRING })),
  }),
  BillableMetric: objectSchema({
    lago_id: UUID,
    name: STRING,
    code: STRING,
    aggregation_type: enumOf(AGGREGATION_TYPES),
    created_at: DATE_TIME,
  }),
  Customer: objectSchema({
    lago_id: UUID,
    external_id: STRING,
    name: nullable(STRING),
    currency: nullable(CURRENCY),
    created_at: DATE_TIME,
  }),
  PlanResponse: objectSchema({ plan: ref('Plan') }),
  PlanListResponse: objectSchema({ plans: arrayOf(ref('Plan')), meta: paginationMeta }),
  BillableMetricResponse: objectSchema({ billable_metric: ref('BillableMetric') }),
  BillableMetricListResponse: objectSchema({ billable_metrics: arrayOf(ref('BillableMetric')), meta: paginationMeta }),
  CustomerResponse: objectSchema({ customer: ref('Customer') }),
  CustomerListResponse: objectSchema({ customers: arrayOf(ref('Customer')), meta: paginationMeta }),
};

export const planResponse = ref('PlanResponse');
export const planListResponse = ref('PlanListResponse');
export const billableMetricResponse = ref('BillableMetricResponse');
export const billableMetricListResponse = ref('BillableMetricListResponse');
export const customerResponse = ref('CustomerResponse');
export const customerListResponse = ref('CustomerListResponse');
