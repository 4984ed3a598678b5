/** Wire objects for the webhook and activity page tests, overridable field by field. */
import type { Event, WebhookDelivery, WebhookEndpoint } from './webhooks-types';

export function anEndpoint(overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    lago_id: '5b0d6f3e-8a4f-4b8e-9a51-7f3f1c2a9d10',
    url: 'https://hooks.example.com/coupons',
    event_types: null,
    description: null,
    status: 'enabled',
    secret: null,
    created_at: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

export function aDelivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    event_id: 'evt_0000000000000000000000000000000a',
    event_type: 'coupon.created',
    attempt: 1,
    status: 'succeeded',
    response_status: 200,
    response_body: 'ok',
    duration_ms: 12,
    error: null,
    next_attempt_at: null,
    created_at: '2026-12-01T09:00:05Z',
    ...overrides,
  };
}

export function anEvent(overrides: Partial<Event> = {}): Event {
  return {
    id: 'evt_0000000000000000000000000000000a',
    type: 'coupon.created',
    created_at: '2026-12-01T09:00:00.123Z',
    actor: { type: 'api_key', id: 'Qm3xT8vYp2LkR7sA', name: null },
    request_id: 'req-2f9c',
    data: { coupon: { lago_id: '72cf5b97-93e6-401e-9123-5f179aa030cc', code: 'SPRING-25', name: 'Spring sale' } },
    ...overrides,
  };
}
