import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { buildEndpointRequest, describeEndpointFailure, emptyEndpointForm } from './endpoint-form';
import { deliveryOutcome, responseExcerpt } from './endpoint-format';

describe('endpoint form', () => {
  it('sends null for every event type, and null for a blank description', () => {
    expect(buildEndpointRequest({ ...emptyEndpointForm(), url: ' https://hooks.example.com/x ' })).toEqual({
      payload: { url: 'https://hooks.example.com/x', event_types: null, description: null },
      errors: {},
    });
  });

  it('checks what it can before sending', () => {
    expect(buildEndpointRequest(emptyEndpointForm()).errors.url).toBe('Enter the URL that receives the events');
    expect(buildEndpointRequest({ ...emptyEndpointForm(), url: 'ftp://x' }).errors.url).toBe('Enter a URL starting with http:// or https://');
    expect(buildEndpointRequest({ ...emptyEndpointForm(), url: 'https://x', scope: 'selected' }).errors).toEqual({ event_types: 'Pick at least one event type' });
  });

  it('puts the API\'s field errors on their fields, and other failures above them', () => {
    const invalid = new ApiError(422, 'validation_errors', { url: ['value_is_invalid'], base: ['value_is_invalid'] }, 'Unprocessable Entity');
    const failure = describeEndpointFailure(invalid);
    expect(failure.errors.url).toMatch(/private, loopback and link-local addresses are refused/);
    expect(failure.formError).toBe('Base: This value is not valid');
    expect(describeEndpointFailure(new ApiError(403, 'role_not_allowed', {}, 'Forbidden')).formError).toBe('Forbidden');
  });
});

describe('delivery attempts', () => {
  it('shows the HTTP status, or why none came', () => {
    expect(deliveryOutcome({ response_status: 410, error: null })).toBe('HTTP 410');
    expect(deliveryOutcome({ response_status: null, error: 'timeout' })).toBe('timeout');
    expect(deliveryOutcome({ response_status: null, error: null })).toBe('—');
  });

  it('puts the start of the answer on one line', () => {
    expect(responseExcerpt(null)).toBeNull();
    expect(responseExcerpt('  \n ')).toBeNull();
    expect(responseExcerpt('{\n  "ok": true\n}')).toBe('{ "ok": true }');
    expect(responseExcerpt('x'.repeat(81))).toBe(`${'x'.repeat(80)}…`);
    expect(responseExcerpt('x'.repeat(80))).toBe('x'.repeat(80));
  });
});
