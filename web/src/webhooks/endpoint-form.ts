/** The "Add endpoint" form: what an operator types, the request it becomes, and the API's refusals as sentences. */
import { ApiError } from '../api/client';
import { codeMessage, fieldErrorText, humanizeField, type FieldMessages } from '../coupons/error-messages';
import type { EventType } from './webhooks-types';

export interface EndpointFormValues {
  url: string;
  description: string;
  /** `all`: every type, including those added later (`event_types: null` on the wire). */
  scope: 'all' | 'selected';
  eventTypes: EventType[];
}

export type EndpointFormErrors = Partial<Record<'url' | 'description' | 'event_types', string>>;

export const emptyEndpointForm = (): EndpointFormValues => ({ url: '', description: '', scope: 'all', eventTypes: [] });

/** The API checks the same length; the form stops typing there. */
export const DESCRIPTION_MAX_LENGTH = 255;

const MESSAGES: FieldMessages = {
  url: {
    value_is_mandatory: 'Enter the URL that receives the events',
    value_is_invalid: 'Enter a public http:// or https:// URL: private, loopback and link-local addresses are refused',
  },
  description: { value_is_invalid: `At most ${DESCRIPTION_MAX_LENGTH} characters` },
  event_types: { value_is_invalid: 'Pick at least one event type' },
};

/** What the form can tell before sending; the API judges the URL's address (public or not). */
export function buildEndpointRequest(values: EndpointFormValues): { payload: Record<string, unknown>; errors: EndpointFormErrors } {
  const errors: EndpointFormErrors = {};
  const url = values.url.trim();
  if (url === '') errors.url = MESSAGES.url.value_is_mandatory;
  else if (!/^https?:\/\/[^\s]+$/i.test(url)) errors.url = 'Enter a URL starting with http:// or https://';
  if (values.scope === 'selected' && values.eventTypes.length === 0) errors.event_types = MESSAGES.event_types.value_is_invalid;
  const description = values.description.trim();
  return {
    payload: { url, event_types: values.scope === 'all' ? null : values.eventTypes, description: description === '' ? null : description },
    errors,
  };
}

/** A refused create: errors on the fields the form shows, anything else as one sentence above them. */
export function describeEndpointFailure(error: unknown): { errors: EndpointFormErrors; formError: string | null } {
  if (!(error instanceof ApiError)) return { errors: {}, formError: 'Unexpected error. Please try again.' };
  const errors: EndpointFormErrors = {};
  const elsewhere: string[] = [];
  for (const field of Object.keys(error.details)) {
    const text = fieldErrorText(error.details, field, MESSAGES) ?? '';
    if (field === 'url' || field === 'description' || field === 'event_types') errors[field] = text;
    else elsewhere.push(`${humanizeField(field)}: ${text}`);
  }
  if (error.status === 422) return { errors, formError: elsewhere.length ? elsewhere.join('. ') : null };
  return { errors, formError: codeMessage(error.code, error.message) };
}
