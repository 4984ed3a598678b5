/** How an event's actor and object read in the activity log. */
import { paths } from '../routes';
import type { Event } from '../webhooks/webhooks-types';

/** The object an event is about: what to call it, where its page is (null when it has none any more), its id. */
export interface EventObject {
  kind: string;
  label: string;
  to: string | null;
  id: string | null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

const text = (object: Record<string, unknown>, key: string): string | null => {
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

/** From the event's `data`, whose one root key names the object as the API serializes it. */
export function eventObject(event: Pick<Event, 'type' | 'data'>): EventObject | null {
  const [root] = Object.keys(event.data);
  const object = record(event.data[root]);
  if (!object) return null;
  const id = text(object, 'lago_id');
  switch (root) {
    case 'coupon': {
      const code = text(object, 'code') ?? id ?? '';
      // A deleted coupon's page is gone; its code may even belong to a new coupon now.
      return { kind: 'Coupon', label: code, to: event.type === 'coupon.deleted' ? null : paths.coupon(code), id };
    }
    case 'promotion_code': {
      const code = text(object, 'code') ?? id ?? '';
      return { kind: 'Promotion code', label: code, to: paths.promotionCodes({ code }), id };
    }
    case 'promotion_code_batch': {
      const coupon = text(object, 'coupon_code');
      return { kind: 'Code batch', label: coupon ?? id ?? '', to: coupon ? paths.coupon(coupon) : null, id };
    }
    case 'applied_coupon': {
      const customer = text(object, 'external_customer_id');
      const coupon = text(object, 'coupon_code');
      const label = [coupon, customer].filter(Boolean).join(' → ') || (id ?? '');
      return { kind: 'Applied coupon', label, to: customer ? paths.customer(customer) : null, id };
    }
    case 'invoice_discount': {
      const invoice = text(object, 'external_invoice_id');
      return { kind: 'Invoice discount', label: invoice ?? id ?? '', to: invoice ? paths.invoiceDiscounts(invoice) : null, id };
    }
    case 'webhook_endpoint':
      return { kind: 'Webhook endpoint', label: text(object, 'url') ?? id ?? '', to: id ? paths.webhookEndpoint(id) : null, id };
    // Keys and operators are managed on the settings page.
    case 'api_key':
      return { kind: 'API key', label: text(object, 'name') ?? id ?? '', to: paths.settings(), id };
    case 'user':
      return { kind: 'Operator', label: text(object, 'email') ?? id ?? '', to: event.type === 'user.removed' ? null : paths.settings(), id };
    case 'invitation':
      return { kind: 'Invitation', label: text(object, 'email') ?? id ?? '', to: paths.settings(), id };
    default:
      return { kind: root, label: id ?? root, to: null, id };
  }
}

/** Who made the change: "API key Qm3x…", the operator's email, "CLI · seed", "System · expiry-sweep". */
export function actorLabel(actor: Event['actor']): { kind: string; detail: string | null } {
  switch (actor.type) {
    case 'api_key':
      return { kind: 'API key', detail: actor.id };
    case 'user':
      return { kind: actor.name ?? 'Operator', detail: actor.name ? null : actor.id };
    case 'cli':
      return { kind: 'CLI', detail: actor.name };
    case 'system':
      return { kind: 'System', detail: actor.name };
  }
}
