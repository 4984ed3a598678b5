import { useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { useResource } from '../api/use-resource';
import { useApi } from '../auth/session';
import { fieldErrorText } from '../coupons/error-messages';
import { Link, navigate } from '../router';
import { paths, type ActivityFilters } from '../routes';
import { Button } from '../ui/Button';
import { DateTime } from '../ui/DateTime';
import { SelectField, TextField } from '../ui/fields';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import type { EventListResponse } from '../webhooks/webhooks-types';
import { actorLabel, eventObject } from './event-format';
import { EVENT_TYPES } from '@coupons/domain';
import { eventTypeLabel } from './event-types';
import './activity.css';
import { Pagination } from '../ui/Pagination';

const PER_PAGE = 50;
const TYPE_DELAY_MS = 300;
const TYPE_OPTIONS = [{ value: '', label: 'All events' }, ...EVENT_TYPES.map((type) => ({ value: type, label: eventTypeLabel(type) }))];
const FILTER_MESSAGES = {
  type: { value_is_invalid: 'Pick an event type from the list' },
  object_id: { value_is_invalid: 'Enter an object ID' },
};

/** Who changed what, newest first: every event the organization's objects went through. Filters live in the URL. */
export function ActivityPage({ filters: query }: { filters: ActivityFilters }) {
  const api = useApi();
  const update = (patch: Partial<ActivityFilters>) => navigate(paths.activity({ ...query, page: 1, ...patch }), { replace: true });
  const [object, setObject] = useState(query.object);
  // The URL can change under the field (a "History" link, back): the field follows it.
  const [shownObject, setShownObject] = useState(query.object);
  if (shownObject !== query.object) {
    setShownObject(query.object);
    setObject(query.object);
  }
  const applyObject = useEffectEvent((value: string) => update({ object: value }));

  useEffect(() => {
    if (object.trim() === query.object) return;
    const timer = setTimeout(() => applyObject(object.trim()), TYPE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [object, query.object]);

  const list = useResource(
    () => api.get<EventListResponse>('/events', {
      page: query.page, per_page: PER_PAGE, type: query.type || undefined, object_id: query.object || undefined,
    }),
    JSON.stringify(query),
  );
  // A filter the API refused (a hand-edited URL) is shown on its field rather than as a failed page.
  const refused = list.error instanceof ApiError && list.error.status === 422 ? list.error.details : {};
  const filtered = query.type !== '' || query.object !== '';

  let body;
  if (list.loading && !list.data) body = <LoadingState label="Loading activity…" />;
  else if (list.error && Object.keys(refused).length) body = <EmptyState title="No events to show">Correct the filter above.</EmptyState>;
  else if (list.error || !list.data) {
    body = <ErrorState message={list.error instanceof ApiError ? list.error.message : 'The activity could not be loaded.'} onRetry={list.reload} />;
  } else if (list.data.events.length === 0) {
    body = filtered
      ? <EmptyState title="No event matches">Try another type or object.</EmptyState>
      : <EmptyState title="No activity yet">Every change to coupons, codes, discounts, keys and operators shows here, with who made it.</EmptyState>;
  } else {
    const { meta } = list.data;
    body = (
      <>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Time</th>
                <th>Event</th>
                <th>Object</th>
                <th>Actor</th>
                <th>Request ID</th>
              </tr>
            </thead>
            <tbody>
              {list.data.events.map((event) => {
                const target = eventObject(event);
                const actor = actorLabel(event.actor);
                return (
                  <tr key={event.id}>
                    <td><DateTime value={event.created_at} seconds /></td>
                    <td>
                      <div className="cell-primary">{eventTypeLabel(event.type)}</div>
                      <div className="cell-sub mono">{event.id}</div>
                    </td>
                    <td>
                      {target ? (
                        <>
                          <div>
                            {target.to ? <Link className="mono" to={target.to}>{target.label}</Link> : <span className="mono">{target.label}</span>}
                          </div>
                          <div className="cell-sub">
                            {target.kind}
                            {target.id && target.id !== query.object && (
                              <>
                                {' · '}
                                <Link className="history-link" to={paths.activity({ object: target.id })} aria-label={`History of ${target.kind.toLowerCase()} ${target.label}`}>
                                  History
                                </Link>
                              </>
                            )}
                          </div>
                        </>
                      ) : '—'}
                    </td>
                    <td>
                      <div>{actor.kind}</div>
                      {actor.detail && <div className="cell-sub mono">{actor.detail}</div>}
                    </td>
                    <td className="mono">{event.request_id ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Pagination meta={meta} noun={['event', 'events']} onPage={(page) => update({ page })} />
      </>
    );
  }

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Activity</h1>
          <p className="page-subtitle">Every change, who made it and from which request. Kept for a limited number of days.</p>
        </div>
      </div>
      <div className="card">
        <div className="toolbar" role="search">
          <SelectField
            label="Event type"
            value={query.type}
            onChange={(type) => update({ type })}
            options={TYPE_OPTIONS.some((o) => o.value === query.type) ? TYPE_OPTIONS : [...TYPE_OPTIONS, { value: query.type, label: query.type }]}
            error={fieldErrorText(refused, 'type', FILTER_MESSAGES)}
          />
          <TextField
            label="Object ID"
            className="input mono"
            placeholder="The lago_id of a coupon, code, …"
            value={object}
            onChange={setObject}
            error={fieldErrorText(refused, 'object_id', FILTER_MESSAGES)}
          />
          {filtered && (
            <Button
              variant="ghost"
              onClick={() => {
                setObject('');
                navigate(paths.activity(), { replace: true });
              }}
            >
              Clear filters
            </Button>
          )}
        </div>
        {body}
      </div>
    </div>
  );
}
