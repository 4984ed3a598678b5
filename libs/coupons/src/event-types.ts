import { isOneOf } from './enums';

/**
 * Every kind of event a change writes, `<object>.<what happened>`. Webhook endpoints subscribe to these, the
 * activity log filters on them, and the dashboard labels each one.
 */
export const EVENT_TYPES = [
  'coupon.created',
  'coupon.updated',
  'coupon.terminated',
  'coupon.deleted',
  'coupon.exhausted',
  'promotion_code.created',
  'promotion_code.updated',
  'promotion_code_batch.completed',
  'applied_coupon.created',
  'applied_coupon.terminated',
  'invoice_discount.committed',
  'invoice_discount.voided',
  'webhook_endpoint.disabled',
  'api_key.created',
  'api_key.revoked',
  'user.created',
  'user.role_updated',
  'user.removed',
  'invitation.created',
  'invitation.revoked',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export const isEventType = (value: unknown): value is EventType => isOneOf(EVENT_TYPES, value);
