import { addError, FieldErrors, isEventType } from '@coupons/domain';
import { isIP } from 'node:net';
import { firstForbidden, isForbiddenAddress, resolveAll } from './webhook-address-guard';

export const WEBHOOK_ENDPOINT_STATUSES = ['enabled', 'disabled'] as const;
export const WEBHOOK_URL_MAX_LENGTH = 2048;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 255;

/** What a create or an update may set; absent keys are left as they are (update) or defaulted (create). */
export interface WebhookEndpointAttributes {
  url?: string;
  eventTypes?: string[] | null;
  description?: string | null;
  status?: 'enabled' | 'disabled';
}

function checkEventTypes(value: unknown, errors: FieldErrors): string[] | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Array.isArray(value) || value.length === 0 || !value.every(isEventType)) {
    addError(errors, 'event_types', 'value_is_invalid');
    return undefined;
  }
  return [...new Set(value as string[])];
}

/**
 * The shape and formats of an endpoint's fields (no network): `url` http(s) only, a known set of event types,
 * a short description, a known status. `required` lists the fields a create must have.
 */
export function parseWebhookEndpointAttributes(input: Record<string, unknown>, required: Array<'url'>): { attributes: WebhookEndpointAttributes; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const attributes: WebhookEndpointAttributes = {};
  const { url, event_types: eventTypes, description, status } = input;
  if (url === undefined || url === null || url === '') {
    if (required.includes('url') || url !== undefined) addError(errors, 'url', 'value_is_mandatory');
  } else if (typeof url !== 'string' || url.length > WEBHOOK_URL_MAX_LENGTH || !parseHttpUrl(url)) {
    addError(errors, 'url', 'value_is_invalid');
  } else {
    attributes.url = url;
  }
  const types = checkEventTypes(eventTypes, errors);
  if (types !== undefined) attributes.eventTypes = types;
  if (description !== undefined) {
    if (description !== null && (typeof description !== 'string' || [...description].length > WEBHOOK_DESCRIPTION_MAX_LENGTH)) {
      addError(errors, 'description', 'value_is_invalid');
    } else attributes.description = description;
  }
  if (status !== undefined) {
    if (!(WEBHOOK_ENDPOINT_STATUSES as readonly unknown[]).includes(status)) addError(errors, 'status', 'value_is_invalid');
    else attributes.status = status as 'enabled' | 'disabled';
  }
  return { attributes, errors };
}

export function parseHttpUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}

/** The URL's host as a connection would use it (IPv6 literals without their brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Whether the URL points at a private or reserved address, now: an IP literal is judged as is, a name by
 * every address it resolves to. A name that does not resolve yet is accepted (delivery checks again).
 */
export async function pointsAtForbiddenAddress(raw: string): Promise<boolean> {
  const url = parseHttpUrl(raw);
  if (!url) return true;
  const host = hostOf(url);
  if (isIP(host)) return isForbiddenAddress(host);
  try {
    return firstForbidden(await resolveAll(host)) !== null;
  } catch {
    return false;
  }
}
