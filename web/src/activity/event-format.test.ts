import { describe, expect, it } from 'vitest';
import { anEvent } from '../webhooks/webhooks-fixtures';
import type { EventType } from '../webhooks/webhooks-types';
import { actorLabel, eventObject } from './event-format';
import { EVENT_TYPES } from '@coupons/domain';
import { eventTypeLabel } from './event-types';

describe('event objects', () => {
  it('links each kind of object to its page', () => {
    const of = (type: EventType, data: Record<string, unknown>) => eventObject(anEvent({ type, data }));
    expect(of('coupon.updated', { coupon: { lago_id: 'c1', code: 'A/B' } })).toEqual({ kind: 'Coupon', label: 'A/B', to: '/coupon/A%2FB', id: 'c1' });
    expect(of('coupon.deleted', { coupon: { lago_id: 'c1', code: 'AB' } })?.to).toBeNull();
    expect(of('promotion_code.created', { promotion_code: { lago_id: 'p1', code: 'SPRING-AB12' } })?.to).toBe('/promotion-codes?code=SPRING-AB12');
    expect(of('promotion_code_batch.completed', { promotion_code_batch: { lago_id: 'b1', coupon_code: 'SPRING' } })?.to).toBe('/coupon/SPRING');
    expect(of('invoice_discount.voided', { invoice_discount: { lago_id: 'i1', external_invoice_id: 'inv 1' } })?.to).toBe('/invoice-discounts?invoice=inv%201');
    expect(of('webhook_endpoint.disabled', { webhook_endpoint: { lago_id: 'w1', url: 'https://x' } })).toEqual({
      kind: 'Webhook endpoint', label: 'https://x', to: '/webhook/w1', id: 'w1',
    });
    expect(of('api_key.revoked', { api_key: { lago_id: 'Qm3x', name: 'billing' } })).toEqual({ kind: 'API key', label: 'billing', to: '/settings', id: 'Qm3x' });
    expect(of('api_key.created', { api_key: { lago_id: 'Qm3x', name: null } })?.label).toBe('Qm3x');
    expect(of('user.role_updated', { user: { lago_id: 'u1', email: 'ada@example.com' } })).toEqual({ kind: 'Operator', label: 'ada@example.com', to: '/settings', id: 'u1' });
    expect(of('user.removed', { user: { lago_id: 'u1', email: 'ada@example.com' } })?.to).toBeNull();
    expect(of('invitation.created', { invitation: { lago_id: 'i1', email: 'bob@example.com' } })).toEqual({ kind: 'Invitation', label: 'bob@example.com', to: '/settings', id: 'i1' });
  });

  it('copes with data it does not know', () => {
    expect(eventObject(anEvent({ data: {} }))).toBeNull();
    expect(eventObject(anEvent({ data: { plan: { lago_id: 'x' } } }))).toEqual({ kind: 'plan', label: 'x', to: null, id: 'x' });
  });

  it('names every kind of actor', () => {
    expect(actorLabel({ type: 'api_key', id: 'Qm3x', name: null })).toEqual({ kind: 'API key', detail: 'Qm3x' });
    expect(actorLabel({ type: 'user', id: 'u1', name: 'ada@example.com' })).toEqual({ kind: 'ada@example.com', detail: null });
    expect(actorLabel({ type: 'cli', id: null, name: 'seed' })).toEqual({ kind: 'CLI', detail: 'seed' });
    expect(actorLabel({ type: 'system', id: null, name: null })).toEqual({ kind: 'System', detail: null });
  });

  it('labels every event type the API defines', () => {
    expect(EVENT_TYPES).toHaveLength(20);
    expect(new Set(EVENT_TYPES.map(eventTypeLabel)).size).toBe(EVENT_TYPES.length);
  });
});
