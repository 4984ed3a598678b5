import { EVENT_TYPES } from '@coupons/domain';
import { arrayOf, DATE_TIME, enumOf, INTEGER, nullable, objectSchema, paginationMeta, ref, STRING, UUID } from '../http/common.openapi';
import { WEBHOOK_DESCRIPTION_MAX_LENGTH, WEBHOOK_ENDPOINT_STATUSES, WEBHOOK_URL_MAX_LENGTH } from './webhook-endpoint-input';

const endpointFields = {
  url: {
    type: 'string',
    format: 'uri',
    maxLength: WEBHOOK_URL_MAX_LENGTH,
    description: 'http or https; refused when it resolves to a loopback, private, link-local or metadata address',
    example: 'https://hooks.example.com/coupons',
  },
  event_types: {
    type: 'array',
    nullable: true,
    items: enumOf(EVENT_TYPES),
    description: 'The event types sent to it; absent or null: every type, present and future',
  },
  description: { type: 'string', nullable: true, maxLength: WEBHOOK_DESCRIPTION_MAX_LENGTH },
};

/** Request schema of POST /webhook_endpoints. */
export const webhookEndpointCreateSchema = objectSchema({
  webhook_endpoint: { type: 'object', required: ['url'], properties: endpointFields },
});

/** Request schema of PUT /webhook_endpoints/:lago_id: the fields given are set. */
export const webhookEndpointUpdateSchema = objectSchema({
  webhook_endpoint: { type: 'object', properties: { ...endpointFields, status: enumOf(WEBHOOK_ENDPOINT_STATUSES) } },
});

const webhookEndpoint = objectSchema({
  lago_id: UUID,
  url: STRING,
  event_types: nullable(arrayOf(enumOf(EVENT_TYPES))),
  description: nullable(STRING),
  status: enumOf(WEBHOOK_ENDPOINT_STATUSES),
  secret: {
    type: 'string',
    nullable: true,
    description: '`whsec_` and the base64 of 32 random bytes; in the answers to create and rotate_secret only, null elsewhere',
  },
  created_at: DATE_TIME,
});

const webhookDelivery = objectSchema({
  event_id: STRING,
  event_type: enumOf(EVENT_TYPES),
  attempt: INTEGER,
  status: enumOf(['pending', 'succeeded', 'failed']),
  response_status: nullable(INTEGER),
  response_body: { type: 'string', nullable: true, description: 'The first kilobyte of the answer' },
  duration_ms: nullable(INTEGER),
  error: { type: 'string', nullable: true, description: 'Why no answer was had (timeout, refused address, connection error)' },
  next_attempt_at: { ...DATE_TIME, nullable: true, description: 'When a pending attempt is due; null once it is made' },
  created_at: DATE_TIME,
});

/** Named schemas of the webhook endpoints (`components.schemas`). */
export const webhookSchemas = {
  WebhookEndpoint: webhookEndpoint,
  WebhookEndpointResponse: objectSchema({ webhook_endpoint: ref('WebhookEndpoint') }),
  WebhookEndpointListResponse: objectSchema({ webhook_endpoints: arrayOf(ref('WebhookEndpoint')), meta: paginationMeta }),
  WebhookDelivery: webhookDelivery,
  WebhookDeliveryListResponse: objectSchema({ webhook_deliveries: arrayOf(ref('WebhookDelivery')), meta: paginationMeta }),
  WebhookRedeliveryResponse: objectSchema({ webhook_deliveries: arrayOf(ref('WebhookDelivery')) }),
};

export const webhookEndpointResponse = ref('WebhookEndpointResponse');
export const webhookEndpointListResponse = ref('WebhookEndpointListResponse');
export const webhookDeliveryListResponse = ref('WebhookDeliveryListResponse');
export const webhookRedeliveryResponse = ref('WebhookRedeliveryResponse');
