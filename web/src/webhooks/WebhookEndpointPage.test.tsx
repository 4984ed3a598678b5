import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, listMeta } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { aDelivery, anEndpoint } from './webhooks-fixtures';

const ID = '5b0d6f3e-8a4f-4b8e-9a51-7f3f1c2a9d10';
const PATH = `/webhook_endpoints/${ID}`;
const ROTATED = 'whsec_NewNewNewNewNewNewNewNewNewNewNewNewNewNewN=';

const failed = aDelivery({
  event_id: 'evt_b', event_type: 'applied_coupon.created', attempt: 1, status: 'failed', response_status: 500,
  response_body: '<html>\n  <body>Internal   error</body></html>', duration_ms: 40, created_at: '2026-12-01T09:10:00Z',
});
const retry = aDelivery({
  event_id: 'evt_b', event_type: 'applied_coupon.created', attempt: 2, status: 'pending', response_status: null,
  response_body: null, duration_ms: null, next_attempt_at: '2026-12-01T09:15:01Z', created_at: '2026-12-01T09:10:01Z',
});
const refused = aDelivery({
  event_id: 'evt_c', attempt: 3, status: 'failed', response_status: null, response_body: null, duration_ms: 1,
  error: 'connect ECONNREFUSED 93.184.215.14:443',
});

function routes(extra: Record<string, unknown> = {}) {
  return {
    [`GET ${PATH}`]: { body: { webhook_endpoint: anEndpoint({ event_types: ['coupon.created'], description: 'CRM sync' }) } },
    [`GET ${PATH}/deliveries`]: { body: { webhook_deliveries: [aDelivery(), failed, refused], meta: listMeta(3) } },
    ...extra,
  } as Parameters<typeof fakeApi>[0];
}

describe('webhook endpoint page', () => {
  it('shows the endpoint and its delivery log: status, HTTP code or error, body excerpt, attempt, time', async () => {
    fakeApi(routes());
    renderApp(`/webhook/${ID}`);
    expect(await screen.findByRole('heading', { name: 'https://hooks.example.com/coupons' })).toBeInTheDocument();
    expect(screen.getByText('CRM sync')).toBeInTheDocument();
    const details = within(screen.getByRole('region', { name: 'Details' }));
    expect(details.getByText('Coupon created')).toBeInTheDocument();
    expect(details.getByText('Dec 1, 2026, 2:30 PM')).toHaveAttribute('title', '2026-12-01 09:00:00 UTC');

    const log = within(screen.getByRole('region', { name: 'Delivery log' }));
    const rows = await log.findAllByRole('row');
    const ok = within(rows[1]);
    expect(ok.getByText('Coupon created')).toBeInTheDocument();
    expect(ok.getByText('Succeeded')).toBeInTheDocument();
    expect(ok.getByText('HTTP 200')).toBeInTheDocument();
    expect(ok.getByText('ok')).toBeInTheDocument();
    expect(ok.getByText('12 ms')).toBeInTheDocument();
    expect(ok.getByText('Dec 1, 2026, 2:30:05 PM')).toHaveAttribute('title', '2026-12-01 09:00:05 UTC');
    const bad = within(rows[2]);
    expect(bad.getByText('Failed')).toBeInTheDocument();
    expect(bad.getByText('HTTP 500')).toBeInTheDocument();
    expect(bad.getByText('<html> <body>Internal error</body></html>')).toBeInTheDocument();
    expect(within(rows[3]).getByText('connect ECONNREFUSED 93.184.215.14:443')).toBeInTheDocument();
    expect(within(rows[3]).getByText('3')).toBeInTheDocument();
  });

  it('marks a pending retry and reads the log again until it is settled', async () => {
    let calls = 0;
    fakeApi(routes({
      [`GET ${PATH}/deliveries`]: () => {
        calls += 1;
        const rows = calls === 1 ? [retry, failed] : [{ ...retry, status: 'succeeded', response_status: 204 }, failed];
        return { body: { webhook_deliveries: rows, meta: listMeta(2) } };
      },
    }));
    renderApp(`/webhook/${ID}`);
    // When the retry is due, in the operator's zone with the UTC time on hover.
    const due = await screen.findByText(/^Retry at/);
    expect(within(due).getByTitle(/2026-12-01 09:15:01 UTC/)).toBeInTheDocument();
    expect(await screen.findByText('HTTP 204', {}, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.queryByText(/^Retry at/)).not.toBeInTheDocument();
  });

  it('redelivers an event and shows the new attempt', async () => {
    let redelivered = false;
    const fake = fakeApi(routes({
      [`GET ${PATH}/deliveries`]: () => ({
        body: {
          webhook_deliveries: redelivered ? [aDelivery({ created_at: '2026-12-01T10:00:00Z' }), aDelivery()] : [aDelivery()],
          meta: listMeta(redelivered ? 2 : 1),
        },
      }),
      'POST /events/evt_0000000000000000000000000000000a/redeliver': () => {
        redelivered = true;
        return { body: { webhook_deliveries: [aDelivery({ status: 'pending', response_status: null })] } };
      },
    }));
    const { user } = renderApp(`/webhook/${ID}`);
    await user.click(await screen.findByRole('button', { name: 'Redeliver evt_0000000000000000000000000000000a' }));
    expect(await screen.findByText('Coupon created scheduled again (1 attempt).')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/2 attempts/)).toBeInTheDocument());
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/events/evt_0000000000000000000000000000000a/redeliver']);
  });

  it('disables, rotates the secret (shown once) and deletes after confirming', async () => {
    const fake = fakeApi(routes({
      [`PUT ${PATH}`]: { body: { webhook_endpoint: anEndpoint({ status: 'disabled' }) } },
      [`POST ${PATH}/rotate_secret`]: { body: { webhook_endpoint: anEndpoint({ secret: ROTATED }) } },
      [`DELETE ${PATH}`]: { body: { webhook_endpoint: anEndpoint() } },
      'GET /webhook_endpoints': { body: { webhook_endpoints: [], meta: listMeta(0) } },
    }));
    const { user } = renderApp(`/webhook/${ID}`);
    await user.click(await screen.findByRole('button', { name: 'Disable' }));
    expect(await screen.findByText(/Endpoint disabled/)).toBeInTheDocument();
    expect(fake.bodiesOf('PUT', PATH)).toEqual([{ webhook_endpoint: { status: 'disabled' } }]);

    await user.click(screen.getByRole('button', { name: 'Rotate secret' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Rotate the signing secret?' })).getByRole('button', { name: 'Rotate secret' }));
    const reveal = await screen.findByRole('dialog', { name: 'New signing secret' });
    expect(within(reveal).getByLabelText('Signing secret')).toHaveValue(ROTATED);
    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    expect(screen.queryByDisplayValue(ROTATED)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete this endpoint?' })).getByRole('button', { name: 'Delete endpoint' }));
    await waitFor(() => expect(window.location.pathname).toBe('/webhooks'));
    expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([PATH]);
  });

  it('shows a viewer the log without any write button', async () => {
    fakeApi(routes());
    renderApp(`/webhook/${ID}`, { role: 'viewer' });
    await screen.findByText('HTTP 200');
    for (const name of ['Disable', 'Rotate secret', 'Delete']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Redeliver/ })).not.toBeInTheDocument();
  });

  it('says so when the endpoint does not exist', async () => {
    fakeApi({
      [`GET ${PATH}`]: { status: 404, body: { status: 404, error: 'Not Found', code: 'webhook_endpoint_not_found' } },
    });
    renderApp(`/webhook/${ID}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('This webhook endpoint does not exist, or it was deleted.');
  });
});
