import { EVENT_TYPES } from '@coupons/domain';
import type { SchemaObject } from '@nestjs/swagger';
import { arrayOf, enumOf, nullable, objectSchema, paginationMeta, ref, STRING } from '../http/common.openapi';

/** The event as `serializeEvent` writes it. */
const event = objectSchema({
  id: { ...STRING, example: 'evt_6f1c2a0e9b7d4c1f8e2a3b4c5d6e7f80' },
  type: enumOf(EVENT_TYPES),
  created_at: { type: 'string', format: 'date-time', example: '2026-11-24T00:00:00.123Z', description: 'UTC, with milliseconds' },
  actor: objectSchema({
    type: enumOf(['api_key', 'user', 'cli', 'system']),
    id: nullable({ ...STRING, description: "The API key's public id or the user's id; null for the CLI and the system" }),
    name: nullable({ ...STRING, description: 'The CLI command or background job; null for an API key' }),
  }),
  request_id: nullable({ ...STRING, description: "The request's `X-Request-Id` (or the id the server gave it); null outside a request" }),
  data: {
    type: 'object',
    description: 'One root key (`coupon`, `applied_coupon`, `promotion_code`, …) holding the object as the API serializes it after the change',
    additionalProperties: true,
  } satisfies SchemaObject,
});

/** Named schemas of the activity log (`components.schemas`). */
export const eventSchemas = {
  Event: event,
  EventResponse: objectSchema({ event: ref('Event') }),
  EventListResponse: objectSchema({ events: arrayOf(ref('Event')), meta: paginationMeta }),
};

export const eventResponse = ref('EventResponse');
export const eventListResponse = ref('EventListResponse');
