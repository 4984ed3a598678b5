import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

const EMPTY_LIST = { coupons: [], meta: { current_page: 1, next_page: null, prev_page: null, total_pages: 0, total_count: 0 } };

describe('sign-in', () => {
  it('explains a wrong key and keeps the operator on the sign-in screen', async () => {
    fakeApi({ 'GET /coupons': { status: 401, body: { status: 401, error: 'Unauthorized' } } });
    const { user } = renderApp('/coupons', { signedIn: false });
    await user.type(screen.getByLabelText('API key'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This API key was not recognised');
    expect(sessionStorage.getItem('coupons.apiKey')).toBeNull();
  });

  it('probes the key, keeps it for the tab and signs out', async () => {
    const fake = fakeApi({ 'GET /coupons': { body: EMPTY_LIST } });
    const { user } = renderApp('/coupons', { signedIn: false });
    await user.type(screen.getByLabelText('API key'), '  good-key ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Coupons' });
    expect(fake.requests[0].url.search).toBe('?per_page=1');
    expect(fake.requests[0].headers.get('Authorization')).toBe('Bearer good-key');
    expect(sessionStorage.getItem('coupons.apiKey')).toBe('good-key');

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByLabelText('API key')).toBeInTheDocument();
    await waitFor(() => expect(sessionStorage.getItem('coupons.apiKey')).toBeNull());
  });

  it('asks for a key before calling the API', async () => {
    const fake = fakeApi({});
    const { user } = renderApp('/', { signedIn: false });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('API key')).toHaveAccessibleDescription('Enter your API key.');
    expect(fake.requests).toHaveLength(0);
  });
});
