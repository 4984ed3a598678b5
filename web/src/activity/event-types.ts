/** How event types read in the dashboard; the webhook and activity pages offer the domain's list. */
import type { EventType } from '@coupons/domain';

/** Keyed by the domain's list: a type added there fails the dashboard's type check until it has a label here. */
const EVENT_TYPE_LABELS: Record<EventType, string> = {
  'coupon.created': 'Coupon created',
  'coupon.updated': 'Coupon updated',
  'coupon.terminated': 'Coupon terminated',
  'coupon.deleted': 'Coupon deleted',
  'coupon.exhausted': 'Coupon used up',
  'promotion_code.created': 'Promotion code created',
  'promotion_code.updated': 'Promotion code updated',
  'promotion_code_batch.completed': 'Promotion code batch completed',
  'applied_coupon.created': 'Coupon applied',
  'applied_coupon.terminated': 'Applied coupon terminated',
  'invoice_discount.committed': 'Invoice discount committed',
  'invoice_discount.voided': 'Invoice discount voided',
  'webhook_endpoint.disabled': 'Webhook endpoint disabled',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'user.created': 'Operator added',
  'user.role_updated': 'Operator role changed',
  'user.removed': 'Operator removed',
  'invitation.created': 'Operator invited',
  'invitation.revoked': 'Invitation revoked',
};

export const eventTypeLabel = (type: EventType): string => EVENT_TYPE_LABELS[type];
