import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, listMeta } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import { anEndpoint } from './webhooks-fixtures';

const SECRET = 'whsec_C2Fh4bq0n8m0hQ3Vd0cPZ4m7S1yV3o7Xj2kL9rT5uWQ=';

describe('webhook endpoints list', () => {
  it('shows each endpoint with its events, status and creation time', async () => {
    fakeApi({
      'GET /webhook_endpoints': {
        body: {
          webhook_endpoints: [
            anEndpoint({ event_types: ['coupon.created', 'applied_coupon.created'], description: 'CRM sync' }),
            anEndpoint({ lago_id: 'b', url: 'https://old.example.com/hooks', status: 'disabled' }),
          ],
          meta: listMeta(2),
        },
      },
    });
    renderApp('/webhooks');
    const rows = await screen.findAllByRole('row');
    const crm = within(rows[1]);
    expect(crm.getByRole('link', { name: 'https://hooks.example.com/coupons' })).toHaveAttribute('href', '/webhook/5b0d6f3e-8a4f-4b8e-9a51-7f3f1c2a9d10');
    expect(crm.getByText('CRM sync')).toBeInTheDocument();
    expect(crm.getByText('Coupon created')).toBeInTheDocument();
    expect(crm.getByText('Coupon applied')).toBeInTheDocument();
    expect(crm.getByText('Enabled')).toBeInTheDocument();
    expect(crm.getByText('Dec 1, 2026, 2:30 PM')).toHaveAttribute('title', '2026-12-01 09:00:00 UTC');
    const old = within(rows[2]);
    expect(old.getByText('All events')).toBeInTheDocument();
    expect(old.getByText('Disabled')).toBeInTheDocument();
    expect(screen.getByText(/2 endpoints/)).toBeInTheDocument();
  });

  it('says when there is none yet, and offers to add one', async () => {
    fakeApi({ 'GET /webhook_endpoints': { body: { webhook_endpoints: [], meta: listMeta(0) } } });
    renderApp('/webhooks');
    expect(await screen.findByText('No webhook endpoints yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '+ Add endpoint' })).toBeInTheDocument();
  });

  it('hides "Add endpoint" from a role that may not administer', async () => {
    fakeApi({ 'GET /webhook_endpoints': { body: { webhook_endpoints: [], meta: listMeta(0) } } });
    renderApp('/webhooks', { role: 'manager' });
    await screen.findByText('No webhook endpoints yet');
    expect(screen.queryByRole('button', { name: '+ Add endpoint' })).not.toBeInTheDocument();
  });

  it('adds an endpoint for selected events and shows its secret once, with a copy button', async () => {
    const created = anEndpoint({ event_types: ['coupon.created', 'coupon.deleted'], description: 'CRM', secret: SECRET });
    const fake = fakeApi({
      'GET /webhook_endpoints': { body: { webhook_endpoints: [], meta: listMeta(0) } },
      'POST /webhook_endpoints': { body: { webhook_endpoint: created } },
      [`GET /webhook_endpoints/${created.lago_id}`]: { body: { webhook_endpoint: { ...created, secret: null } } },
      [`GET /webhook_endpoints/${created.lago_id}/deliveries`]: { body: { webhook_deliveries: [], meta: listMeta(0) } },
    });
    const { user } = renderApp('/webhooks');
    await user.click(await screen.findByRole('button', { name: '+ Add endpoint' }));
    const dialog = screen.getByRole('dialog', { name: 'Add webhook endpoint' });
    await user.type(within(dialog).getByLabelText('URL'), ' https://hooks.example.com/coupons ');
    await user.type(within(dialog).getByLabelText(/Description/), 'CRM');
    await user.click(within(dialog).getByLabelText('Selected events'));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(within(dialog).getByText('Pick at least one event type')).toBeInTheDocument();
    expect(fake.bodiesOf('POST', '/webhook_endpoints')).toHaveLength(0);

    await user.click(within(dialog).getByLabelText('Coupon deleted'));
    await user.click(within(dialog).getByLabelText('Coupon created'));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    const reveal = await screen.findByRole('dialog', { name: 'Endpoint added' });
    // Sent in the API's order of types, whatever the order they were ticked in.
    expect(fake.bodiesOf('POST', '/webhook_endpoints')).toEqual([
      { webhook_endpoint: { url: 'https://hooks.example.com/coupons', event_types: ['coupon.created', 'coupon.deleted'], description: 'CRM' } },
    ]);
    expect(within(reveal).getByLabelText('Signing secret')).toHaveValue(SECRET);
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    // user-event stands in for the system clipboard.
    expect(await navigator.clipboard.readText()).toBe(SECRET);
    expect(within(reveal).getByRole('button', { name: 'Copied' })).toBeInTheDocument();

    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(window.location.pathname).toBe(`/webhook/${created.lago_id}`));
    await screen.findByText('No deliveries yet');
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
  });

  it('shows the API refusing a private URL next to the URL field', async () => {
    const fake = fakeApi({
      'GET /webhook_endpoints': { body: { webhook_endpoints: [], meta: listMeta(0) } },
      'POST /webhook_endpoints': {
        status: 422,
        body: { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { url: ['value_is_invalid'] } },
      },
    });
    const { user } = renderApp('/webhooks');
    await user.click(await screen.findByRole('button', { name: '+ Add endpoint' }));
    const dialog = screen.getByRole('dialog', { name: 'Add webhook endpoint' });
    const url = within(dialog).getByLabelText('URL');
    await user.type(url, 'http://169.254.169.254/latest');
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    await waitFor(() => expect(url).toHaveAccessibleDescription(/private, loopback and link-local addresses are refused/));
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(fake.bodiesOf('POST', '/webhook_endpoints')).toEqual([
      { webhook_endpoint: { url: 'http://169.254.169.254/latest', event_types: null, description: null } },
    ]);
  });
});
