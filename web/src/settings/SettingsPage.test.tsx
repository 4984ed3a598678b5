import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSession, fakeApi, TEST_CSRF_TOKEN } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import type { ApiKey, Invitation } from './settings-types';

const ME = aSession('admin').user;
const MIA = { lago_id: 'b1b1b1b1-0000-4000-8000-000000000001', email: 'mia@example.com', name: 'Mia', role: 'manager' as const, created_at: '2026-01-05T09:00:00Z' };
const NO_LISTS = { 'GET /invitations': { body: { invitations: [] } }, 'GET /api_keys': { body: { api_keys: [] } } };
const refused = (status: number, details: Record<string, string[]>) => ({
  status,
  body: { status, error: 'Unprocessable Entity', code: 'validation_errors', error_details: details },
});

describe('settings', () => {
  it('changes a role, refuses to demote the last admin beside the field, and removes after confirmation', async () => {
    let users = [ME, MIA];
    const fake = fakeApi({
      ...NO_LISTS,
      'GET /users': () => ({ body: { users } }),
      [`PUT /users/${ME.lago_id}`]: refused(422, { role: ['last_admin'] }),
      [`PUT /users/${MIA.lago_id}`]: () => {
        users = [ME, { ...MIA, role: 'viewer' }];
        return { body: { user: users[1] } };
      },
      [`DELETE /users/${MIA.lago_id}`]: () => {
        users = [ME];
        return { body: { user: MIA } };
      },
    });
    const { user } = renderApp('/settings');
    const mine = await screen.findByRole('combobox', { name: `Role of ${ME.email}` });
    await user.selectOptions(mine, 'viewer');
    await waitFor(() => expect(mine).toHaveAccessibleDescription(/needs at least one admin/));
    expect(mine).toHaveValue('admin');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role of mia@example.com' }), 'viewer');
    await screen.findByText('mia@example.com is now viewer.');
    expect(fake.bodiesOf('PUT', `/users/${MIA.lago_id}`)).toEqual([{ user: { role: 'viewer' } }]);
    expect(fake.requests.find((r) => r.method === 'PUT')!.headers.get('X-CSRF-Token')).toBe(TEST_CSRF_TOKEN);
    expect(screen.getByRole('combobox', { name: 'Role of mia@example.com' })).toHaveValue('viewer');

    await user.click(screen.getByRole('button', { name: 'Remove mia@example.com' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove mia@example.com?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await screen.findByText('mia@example.com was removed and signed out.');
    await waitFor(() => expect(screen.queryByRole('combobox', { name: 'Role of mia@example.com' })).toBeNull());
  });

  it('invites someone, shows the link once, lists the invitation and revokes it', async () => {
    let invitations: Invitation[] = [];
    const created: Invitation = {
      lago_id: 'c1c1c1c1-0000-4000-8000-000000000001',
      email: 'new@example.com',
      role: 'manager',
      status: 'pending',
      expires_at: '2026-01-09T09:00:00Z',
      created_at: '2026-01-02T09:00:00Z',
    };
    const fake = fakeApi({
      'GET /users': { body: { users: [ME] } },
      'GET /api_keys': { body: { api_keys: [] } },
      'GET /invitations': () => ({ body: { invitations } }),
      'POST /invitations': (body) => {
        const { invitation } = body as { invitation: { email: string } };
        if (invitation.email === 'taken@example.com') return refused(422, { email: ['value_already_exist'] });
        invitations = [created];
        return { body: { invitation: { ...created, accept_url: '/invitations/secret-token' } } };
      },
      [`DELETE /invitations/${created.lago_id}`]: () => {
        invitations = [];
        return { body: { invitation: { ...created, status: 'revoked' } } };
      },
    });
    const { user } = renderApp('/settings');
    await screen.findByText('No pending invitations');

    await user.click(screen.getByRole('button', { name: 'Invite' }));
    const dialog = screen.getByRole('dialog', { name: 'Invite someone' });
    await user.type(within(dialog).getByLabelText('Email'), 'not-an-email');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
    expect(within(dialog).getByLabelText('Email')).toHaveAccessibleDescription('Enter an email address such as name@example.com');
    expect(fake.bodiesOf('POST', '/invitations')).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText('Email'));
    await user.type(within(dialog).getByLabelText('Email'), 'taken@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Email')).toHaveAccessibleDescription('This person already has an account'));

    await user.clear(within(dialog).getByLabelText('Email'));
    await user.type(within(dialog).getByLabelText('Email'), 'new@example.com');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'manager');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
    const link = await screen.findByRole('textbox', { name: 'Invitation link for new@example.com (manager)' });
    expect(link).toHaveValue('http://localhost:3000/invitations/secret-token');
    expect(fake.bodiesOf('POST', '/invitations').at(-1)).toEqual({ invitation: { email: 'new@example.com', role: 'manager' } });
    const row = await screen.findByRole('row', { name: /new@example.com/ });
    expect(within(row).getByText('Manager')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Done, hide Invitation link for new@example.com (manager)' }));
    expect(screen.queryByDisplayValue(/secret-token/)).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Revoke the invitation of new@example.com' }));
    await screen.findByText('The invitation of new@example.com was revoked: its link no longer works.');
    await screen.findByText('No pending invitations');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('creates an API key shown once and revokes one after confirmation', async () => {
    const old: ApiKey = { lago_id: 'd1d1d1d1-0000-4000-8000-000000000001', name: null, created_at: '2026-01-01T09:00:00Z', revoked_at: null };
    let keys: ApiKey[] = [old];
    const fake = fakeApi({
      'GET /users': { body: { users: [ME] } },
      'GET /invitations': { body: { invitations: [] } },
      'GET /api_keys': () => ({ body: { api_keys: keys } }),
      'POST /api_keys': (body) => {
        const made = { lago_id: 'e1e1e1e1-0000-4000-8000-000000000001', name: (body as { api_key: { name: string } }).api_key.name, created_at: '2026-01-03T09:00:00Z', revoked_at: null };
        keys = [...keys, made];
        return { body: { api_key: { ...made, value: 'cpn_abc_secret' } } };
      },
      [`DELETE /api_keys/${old.lago_id}`]: () => {
        keys = [{ ...old, revoked_at: '2026-01-04T09:00:00Z' }, keys[1]];
        return { body: { api_key: keys[0] } };
      },
    });
    const { user } = renderApp('/settings');
    await screen.findByText('Unnamed key (d1d1d1d1)');

    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = screen.getByRole('dialog', { name: 'Create an API key' });
    await user.type(within(dialog).getByLabelText(/^Name/), '  billing sync ');
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(await screen.findByRole('textbox', { name: 'Value of billing sync' })).toHaveValue('cpn_abc_secret');
    expect(fake.bodiesOf('POST', '/api_keys')).toEqual([{ api_key: { name: 'billing sync' } }]);
    await user.click(screen.getByRole('button', { name: 'Copy Value of billing sync' }));
    await screen.findByText('Copied to the clipboard.');
    expect(await navigator.clipboard.readText()).toBe('cpn_abc_secret');

    await user.click(screen.getByRole('button', { name: 'Revoke Unnamed key (d1d1d1d1)' }));
    const confirm = screen.getByRole('dialog', { name: 'Revoke Unnamed key (d1d1d1d1)?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke key' }));
    await screen.findByText('Unnamed key (d1d1d1d1) was revoked: requests with it are refused from now on.');
    const row = await screen.findByRole('row', { name: /Unnamed key/ });
    await within(row).findByText('Revoked');
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('changes the password with errors beside the fields', async () => {
    let calls = 0;
    const fake = fakeApi({
      ...NO_LISTS,
      'GET /users': { body: { users: [ME] } },
      'PUT /auth/password': () => (++calls === 1 ? refused(422, { current_password: ['value_is_invalid'] }) : { status: 204, body: null }),
    });
    const { user } = renderApp('/settings');
    const current = await screen.findByLabelText('Current password');
    await user.type(current, 'wrong one');
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription('At least 12 characters');

    await user.type(screen.getByLabelText('New password'), ' but longer now');
    await user.type(screen.getByLabelText('Confirm new password'), 'short but longer now');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(current).toHaveAccessibleDescription('This is not your current password'));

    await user.clear(current);
    await user.type(current, 'the right one');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByText('Password changed. Your other sessions were signed out.');
    expect(fake.bodiesOf('PUT', '/auth/password').at(-1)).toEqual({ current_password: 'the right one', new_password: 'short but longer now' });
    expect(fake.authRequests.find((r) => r.method === 'PUT')!.headers.get('X-CSRF-Token')).toBe(TEST_CSRF_TOKEN);
    expect(current).toHaveValue('');
  });

  it('shows a manager only their password', async () => {
    const fake = fakeApi({});
    renderApp('/settings', { role: 'manager' });
    await screen.findByRole('heading', { name: 'Change password' });
    expect(screen.queryByRole('heading', { name: 'People' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Invite' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create API key' })).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });
});
