import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSession, fakeApi, setFakeSession, TEST_CSRF_TOKEN } from '../test/fake-api';
import { renderApp } from '../test/render-app';

const EMPTY_LIST = { coupons: [], meta: { current_page: 1, next_page: null, prev_page: null, total_pages: 0, total_count: 0 } };
const WRONG = { status: 401, body: { status: 401, error: 'Unauthorized', code: 'invalid_credentials' } };

describe('sign-in', () => {
  it('says the same thing for any wrong email or password and keeps the operator on the form', async () => {
    const fake = fakeApi({ 'POST /auth/sign_in': WRONG });
    const { user } = renderApp('/coupons', { signedIn: false });
    await user.type(await screen.findByLabelText('Email'), ' Ada@Example.com ');
    await user.type(screen.getByLabelText('Password'), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email address or password is incorrect.');
    expect(fake.bodiesOf('POST', '/auth/sign_in')).toEqual([{ email: 'Ada@Example.com', password: 'not the password' }]);
    expect(screen.getByLabelText('Email')).toBeInTheDocument();
    expect(fake.requests).toHaveLength(0);
  });

  it('asks to wait after too many attempts', async () => {
    fakeApi({ 'POST /auth/sign_in': { status: 429, body: { status: 429, error: 'Too Many Requests', code: 'too_many_sign_in_attempts' } } });
    const { user } = renderApp('/', { signedIn: false });
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in 15 minutes.');
  });

  it('checks the fields before calling the server, and shows the server’s field errors beside them', async () => {
    const fake = fakeApi({
      'POST /auth/sign_in': {
        status: 400,
        body: { status: 400, error: 'BadRequest', code: 'validation_errors', error_details: { password: ['value_is_mandatory'] } },
      },
    });
    const { user } = renderApp('/', { signedIn: false });
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an email address');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter a password');
    expect(fake.authRequests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.type(screen.getByLabelText('Email'), 'ada@');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an email address such as name@example.com');

    await user.type(screen.getByLabelText('Email'), 'example.com');
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter a password'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('signs in with the cookie the server sets, then sends the CSRF token with every change', async () => {
    const fake = fakeApi({
      'POST /auth/sign_in': () => {
        setFakeSession(aSession('manager', 'ada@example.com'));
        return { body: aSession('manager', 'ada@example.com') };
      },
      'GET /coupons': { body: EMPTY_LIST },
    });
    const { user } = renderApp('/coupons', { signedIn: false });
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Coupons' });

    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('ada@example.com')).toBeInTheDocument();
    expect(within(banner).getByText('Manager · Acme')).toBeInTheDocument();
    const list = fake.requests.find((r) => r.path === '/coupons')!;
    expect(list.credentials).toBe('same-origin');
    expect(list.headers.get('Authorization')).toBeNull();
    // A GET changes nothing: it needs no token.
    expect(list.headers.get('X-CSRF-Token')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Email')).toBeInTheDocument();
    const signOut = fake.authRequests.find((r) => r.path === '/auth/sign_out')!;
    expect(signOut.method).toBe('POST');
    expect(signOut.headers.get('X-CSRF-Token')).toBe(TEST_CSRF_TOKEN);
  });
});

describe('session', () => {
  it('goes back to the sign-in page when the server stops knowing the session', async () => {
    fakeApi({ 'GET /coupons': { status: 401, body: { status: 401, error: 'Unauthorized' } } });
    renderApp('/coupons');
    expect(await screen.findByLabelText('Email')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });

  it('offers a retry when the server cannot be reached at start', async () => {
    let down = true;
    fakeApi({
      'GET /auth/session': () =>
        down ? { status: 503, body: { status: 503, error: 'Service Unavailable' } } : { body: aSession('viewer') },
      'GET /coupons': { body: EMPTY_LIST },
    });
    const { user } = renderApp('/coupons');
    expect(await screen.findByRole('alert')).toHaveTextContent('The dashboard could not reach the server');
    down = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Coupons' });
  });

  it('hides what the role may not use', async () => {
    fakeApi({ 'GET /coupons': { body: EMPTY_LIST } });
    renderApp('/coupons', { role: 'viewer' });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Webhooks' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Settings' })).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByText('Viewer · Acme')).toBeInTheDocument();
  });

  it('shows every entry to an admin', async () => {
    fakeApi({ 'GET /coupons': { body: EMPTY_LIST } });
    renderApp('/coupons');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Webhooks' })).toBeInTheDocument();
  });
});
