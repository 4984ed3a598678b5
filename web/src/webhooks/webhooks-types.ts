/**
 * Wire shapes of webhook endpoints, their delivery log and events, as the API's OpenAPI document defines
 * them (generated into `openapi.d.ts`).
 */
import type { components } from '../api/openapi';

type Schemas = components['schemas'];

export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type WebhookEndpointResponse = Schemas['WebhookEndpointResponse'];
export type WebhookEndpointListResponse = Schemas['WebhookEndpointListResponse'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookDeliveryListResponse = Schemas['WebhookDeliveryListResponse'];
export type WebhookRedeliveryResponse = Schemas['WebhookRedeliveryResponse'];

export type Event = Schemas['Event'];
export type EventListResponse = Schemas['EventListResponse'];
export type EventType = Event['type'];
export type ActorType = Event['actor']['type'];
