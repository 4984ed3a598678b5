import { useId, useState } from 'react';
import { useApi } from '../auth/session';
import { EVENT_TYPES } from '@coupons/domain';
import { eventTypeLabel } from '../activity/event-types';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { Dialog, DialogActions } from '../ui/Dialog';
import { Checkbox, RadioGroup, TextField } from '../ui/fields';
import {
  buildEndpointRequest, DESCRIPTION_MAX_LENGTH, describeEndpointFailure, emptyEndpointForm, type EndpointFormErrors,
  type EndpointFormValues,
} from './endpoint-form';
import { SecretReveal } from './SecretReveal';
import type { WebhookEndpoint, WebhookEndpointResponse } from './webhooks-types';

const SCOPE_OPTIONS = [
  { value: 'all', label: 'All events' },
  { value: 'selected', label: 'Selected events' },
];

/** Creates an endpoint, then shows its signing secret once; `onDone` gets the endpoint when the operator closes. */
export function AddEndpointDialog({ onDone, onClose }: { onDone: (endpoint: WebhookEndpoint) => void; onClose: () => void }) {
  const api = useApi();
  const [values, setValues] = useState<EndpointFormValues>(emptyEndpointForm);
  const [errors, setErrors] = useState<EndpointFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<WebhookEndpoint | null>(null);
  const typesErrorId = useId();

  const set = (patch: Partial<EndpointFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    const stale = [...('url' in patch ? ['url'] : []), ...('description' in patch ? ['description'] : []),
      ...('scope' in patch || 'eventTypes' in patch ? ['event_types'] : [])];
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !stale.includes(field))));
  };

  const toggleType = (type: (typeof EVENT_TYPES)[number], on: boolean) =>
    set({ eventTypes: on ? EVENT_TYPES.filter((t) => t === type || values.eventTypes.includes(t)) : values.eventTypes.filter((t) => t !== type) });

  const submit = async () => {
    const { payload, errors: found } = buildEndpointRequest(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const answer = await api.send<WebhookEndpointResponse>('POST', '/webhook_endpoints', { webhook_endpoint: payload });
      setCreated(answer.webhook_endpoint);
    } catch (error) {
      const failure = describeEndpointFailure(error);
      setErrors(failure.errors);
      setFormError(failure.formError);
    } finally {
      setBusy(false);
    }
  };

  if (created?.secret) {
    return (
      <Dialog
        title="Endpoint added"
        onClose={() => onDone(created)}
        actions={<Button variant="primary" onClick={() => onDone(created)}>Done</Button>}
      >
        <p className="dialog-text">
          Events are now sent to <span className="mono">{created.url}</span>.
        </p>
        <SecretReveal secret={created.secret} />
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Add webhook endpoint"
      onClose={onClose}
      actions={<DialogActions onCancel={onClose} busy={busy} label="Add endpoint" busyLabel="Adding…" onAction={() => void submit()} />}
    >
      <form className="form-fields" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <p className="dialog-text">Every change of the events you pick is POSTed to this URL, signed (Standard Webhooks).</p>
        {formError && <Alert tone="danger">{formError}</Alert>}
        <TextField
          label="URL"
          type="url"
          className="input mono"
          placeholder="https://hooks.example.com/coupons"
          value={values.url}
          onChange={(url) => set({ url })}
          error={errors.url}
        />
        <TextField
          // Not `optional`: its lighter "(optional)" fails the contrast check; the word stays in the label.
          label="Description (optional)"
          maxLength={DESCRIPTION_MAX_LENGTH}
          value={values.description}
          onChange={(description) => set({ description })}
          error={errors.description}
        />
        <RadioGroup
          legend="Events"
          name="event-scope"
          value={values.scope}
          onChange={(scope) => set({ scope: scope === 'selected' ? 'selected' : 'all' })}
          options={SCOPE_OPTIONS}
        />
        {values.scope === 'all' ? (
          <p className="field-hint">Every event type, including types added in later versions.</p>
        ) : (
          <fieldset className="plain field" aria-describedby={errors.event_types ? typesErrorId : undefined}>
            <legend className="field-label">Event types</legend>
            <div className="event-type-list">
              {EVENT_TYPES.map((type) => (
                <Checkbox key={type} label={eventTypeLabel(type)} checked={values.eventTypes.includes(type)} onChange={(on) => toggleType(type, on)} />
              ))}
            </div>
            {errors.event_types && <span className="field-error" id={typesErrorId}>{errors.event_types}</span>}
          </fieldset>
        )}
      </form>
    </Dialog>
  );
}
