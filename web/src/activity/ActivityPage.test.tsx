import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, listMeta } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { anEvent } from '../webhooks/webhooks-fixtures';

const COUPON_ID = '72cf5b97-93e6-401e-9123-5f179aa030cc';

const events = [
  anEvent(),
  anEvent({
    id: 'evt_b', type: 'applied_coupon.created', actor: { type: 'user', id: 'u-1', name: 'ada@example.com' }, request_id: 'req-9',
    data: { applied_coupon: { lago_id: 'ac-1', coupon_code: 'SPRING-25', external_customer_id: 'cus_acme' } },
  }),
  anEvent({
    id: 'evt_c', type: 'coupon.terminated', actor: { type: 'system', id: null, name: 'expiry-sweep' }, request_id: null,
    created_at: '2026-12-01T23:59:59.999Z',
  }),
  anEvent({ id: 'evt_d', type: 'coupon.deleted', actor: { type: 'cli', id: null, name: 'seed' } }),
];

describe('activity log', () => {
  it('shows who did what to which object, when and from which request', async () => {
    fakeApi({ 'GET /events': { body: { events, meta: listMeta(4) } } });
    renderApp('/activity');
    const rows = await screen.findAllByRole('row');
    const created = within(rows[1]);
    expect(created.getByText('Coupon created')).toBeInTheDocument();
    expect(created.getByRole('link', { name: 'SPRING-25' })).toHaveAttribute('href', '/coupon/SPRING-25');
    expect(created.getByText('API key')).toBeInTheDocument();
    expect(created.getByText('Qm3xT8vYp2LkR7sA')).toBeInTheDocument();
    expect(created.getByText('req-2f9c')).toBeInTheDocument();
    expect(created.getByText('Dec 1, 2026, 2:30:00 PM')).toHaveAttribute('title', '2026-12-01 09:00:00 UTC');

    const applied = within(rows[2]);
    expect(applied.getByRole('link', { name: 'SPRING-25 → cus_acme' })).toHaveAttribute('href', '/customer/cus_acme');
    expect(applied.getByText('ada@example.com')).toBeInTheDocument();

    const swept = within(rows[3]);
    expect(swept.getByText('System')).toBeInTheDocument();
    expect(swept.getByText('expiry-sweep')).toBeInTheDocument();
    // Just before midnight UTC is the next morning in the operator's zone.
    expect(swept.getByText('Dec 2, 2026, 5:29:59 AM')).toHaveAttribute('title', '2026-12-01 23:59:59 UTC');

    const deleted = within(rows[4]);
    expect(deleted.getByText('CLI')).toBeInTheDocument();
    expect(deleted.queryByRole('link', { name: 'SPRING-25' })).not.toBeInTheDocument();
    expect(screen.getByText(/4 events/)).toBeInTheDocument();
  });

  it('filters by type and object through the URL, and pages', async () => {
    const fake = fakeApi({
      'GET /events': (_body, url) => ({
        body: { events: url.searchParams.get('object_id') ? [anEvent()] : events, meta: listMeta(120, Number(url.searchParams.get('page') ?? 1), 50) },
      }),
    });
    const { user } = renderApp('/activity');
    await screen.findAllByRole('row');
    await user.selectOptions(screen.getByLabelText('Event type'), 'coupon.created');
    await waitFor(() => expect(window.location.search).toBe('?type=coupon.created'));
    await user.click(screen.getAllByRole('link', { name: 'History of coupon SPRING-25' })[0]);
    await waitFor(() => expect(window.location.search).toBe(`?object=${COUPON_ID}`));
    expect(screen.getByLabelText('Object ID')).toHaveValue(COUPON_ID);
    await user.click(await screen.findByRole('button', { name: 'Next' }));
    await waitFor(() => expect(window.location.search).toBe(`?object=${COUPON_ID}&page=2`));
    const last = fake.requests[fake.requests.length - 1].url.searchParams;
    expect(last.get('object_id')).toBe(COUPON_ID);
    expect(last.get('page')).toBe('2');
    expect(last.get('type')).toBeNull();
    expect(fake.requests.some((r) => r.url.searchParams.get('type') === 'coupon.created')).toBe(true);
  });

  it('types an object id into the filter', async () => {
    const fake = fakeApi({ 'GET /events': { body: { events: [], meta: listMeta(0) } } });
    const { user } = renderApp('/activity');
    await screen.findByText('No activity yet');
    await user.type(screen.getByLabelText('Object ID'), COUPON_ID);
    expect(await screen.findByText('No event matches')).toBeInTheDocument();
    expect(fake.requests[fake.requests.length - 1].url.searchParams.get('object_id')).toBe(COUPON_ID);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('No activity yet')).toBeInTheDocument();
    expect(screen.getByLabelText('Object ID')).toHaveValue('');
  });

  it('shows a filter the API refused next to its field', async () => {
    fakeApi({
      'GET /events': {
        status: 422,
        body: { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { type: ['value_is_invalid'] } },
      },
    });
    renderApp('/activity?type=coupon.exploded');
    const type = await screen.findByLabelText('Event type');
    await waitFor(() => expect(type).toHaveAccessibleDescription('Pick an event type from the list'));
    expect(screen.getByText('No events to show')).toBeInTheDocument();
  });
});
