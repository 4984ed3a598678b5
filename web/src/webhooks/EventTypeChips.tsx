import type { WebhookEndpoint } from './webhooks-types';
import { subscribedTypes } from './endpoint-format';

/** The event types an endpoint receives, or "All events". */
export function EventTypeChips({ endpoint }: { endpoint: Pick<WebhookEndpoint, 'event_types'> }) {
  const labels = subscribedTypes(endpoint);
  if (labels === null) return <>All events</>;
  return (
    <span className="chips">
      {labels.map((label) => (
        <span key={label} className="chip">{label}</span>
      ))}
    </span>
  );
}
