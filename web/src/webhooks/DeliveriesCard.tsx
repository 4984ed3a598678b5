import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { eventTypeLabel } from '../activity/event-types';
import { codeMessage } from '../coupons/error-messages';
import { Alert } from '../ui/Alert';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { DateTime } from '../ui/DateTime';
import { SelectField } from '../ui/fields';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { deliveryOutcome, deliveryStatus, responseExcerpt } from './endpoint-format';
import type { WebhookDelivery, WebhookDeliveryListResponse, WebhookRedeliveryResponse } from './webhooks-types';
import { Pagination } from '../ui/Pagination';
import { Card } from '../ui/Card';

const PER_PAGE = 20;
/** Attempts are made in the background: while some are pending the log asks again at this pace. */
const PENDING_REFRESH_MS = 2000;

const STATUS_OPTIONS = [
  { value: '', label: 'All attempts' },
  { value: 'pending', label: 'Pending' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
];

/**
 * The endpoint's delivery log, newest first, one row per attempt. A failed attempt's retry is its own
 * pending row; "Redeliver" sends the event again to every enabled endpoint subscribed to it.
 */
export function DeliveriesCard({ lagoId, canRedeliver }: { lagoId: string; canRedeliver: boolean }) {
  const api = useApi();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('');
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const log = useResource(
    () => api.get<WebhookDeliveryListResponse>(`/webhook_endpoints/${encodeURIComponent(lagoId)}/deliveries`, {
      page, per_page: PER_PAGE, status: status || undefined,
    }),
    `${lagoId}:${page}:${status}`,
  );
  const { reload } = log;
  const pending = log.data?.webhook_deliveries.some((delivery) => delivery.status === 'pending') ?? false;

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(reload, PENDING_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [pending, log.data, reload]);

  const redeliver = async (delivery: WebhookDelivery) => {
    setSending(delivery.event_id);
    setNotice(null);
    try {
      const answer = await api.send<WebhookRedeliveryResponse>('POST', `/events/${encodeURIComponent(delivery.event_id)}/redeliver`);
      const count = answer.webhook_deliveries.length;
      setNotice(
        count === 0
          ? { tone: 'danger', text: 'Nothing was scheduled: no enabled endpoint is subscribed to this event type.' }
          : { tone: 'success', text: `${eventTypeLabel(delivery.event_type)} scheduled again (${count} ${count === 1 ? 'attempt' : 'attempts'}).` },
      );
      setPage(1);
      reload();
    } catch (error) {
      setNotice({ tone: 'danger', text: error instanceof ApiError ? codeMessage(error.code, error.message) : 'The event could not be sent again.' });
    } finally {
      setSending(null);
    }
  };

  let body;
  if (log.loading && !log.data) body = <LoadingState label="Loading deliveries…" />;
  else if (log.error || !log.data) {
    body = <ErrorState message={log.error instanceof ApiError ? log.error.message : 'The delivery log could not be loaded.'} onRetry={reload} />;
  } else if (log.data.webhook_deliveries.length === 0) {
    body = status
      ? <EmptyState title="No attempt matches">Try another status.</EmptyState>
      : <EmptyState title="No deliveries yet">Events this endpoint is subscribed to show here once they are sent.</EmptyState>;
  } else {
    const { meta } = log.data;
    body = (
      <>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Event</th>
                <th className="num">Attempt</th>
                <th>Status</th>
                <th>Response</th>
                <th className="num">Duration</th>
                <th>Scheduled</th>
                {canRedeliver && <th><span className="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {log.data.webhook_deliveries.map((delivery, index) => {
                const badge = deliveryStatus(delivery);
                const excerpt = responseExcerpt(delivery.response_body);
                return (
                  <tr key={`${delivery.event_id}:${delivery.attempt}:${delivery.created_at}:${index}`}>
                    <td>
                      <div className="cell-primary">{eventTypeLabel(delivery.event_type)}</div>
                      <div className="cell-sub mono">{delivery.event_id}</div>
                    </td>
                    <td className="num">{delivery.attempt}</td>
                    <td>
                      <Badge tone={badge.tone}>{badge.label}</Badge>
                      {delivery.status === 'pending' && delivery.attempt > 1 && delivery.next_attempt_at !== null && (
                        <div className="cell-sub">
                          Retry at <DateTime value={delivery.next_attempt_at} seconds />
                        </div>
                      )}
                    </td>
                    <td>
                      <div>{deliveryOutcome(delivery)}</div>
                      {excerpt && <span className="cell-sub mono response-excerpt" title={delivery.response_body ?? undefined}>{excerpt}</span>}
                    </td>
                    <td className="num">{delivery.duration_ms === null ? '—' : `${delivery.duration_ms} ms`}</td>
                    <td><DateTime value={delivery.created_at} seconds /></td>
                    {canRedeliver && (
                      <td className="num">
                        <Button
                          size="sm"
                          disabled={sending !== null}
                          aria-label={`Redeliver ${delivery.event_id}`}
                          onClick={() => void redeliver(delivery)}
                        >
                          {sending === delivery.event_id ? 'Sending…' : 'Redeliver'}
                        </Button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Pagination meta={meta} noun={['attempt', 'attempts']} onPage={setPage} />
      </>
    );
  }

  return (
    <Card
      titleId="deliveries-title"
      title="Delivery log"
      actions={
        <Button size="sm" onClick={reload}>Refresh</Button>
      }
    >
      <div className="toolbar">
        <div className="field-status">
          <SelectField label="Status" value={status} onChange={(next) => { setStatus(next); setPage(1); }} options={STATUS_OPTIONS} />
        </div>
      </div>
      {notice && <div className="card-alert"><Alert tone={notice.tone}>{notice.text}</Alert></div>}
      {body}
    </Card>
  );
}
