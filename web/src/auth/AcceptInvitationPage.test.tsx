import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSession, fakeApi, setFakeSession } from '../test/fake-api';
import { renderApp } from '../test/render-app';

const PREVIEW = {
  invitation: { email: 'mia@example.com', role: 'manager', organization_name: 'Acme', expires_at: '2026-02-01T10:00:00Z' },
};
const problem = (status: number, code: string) => ({ status, body: { status, error: 'x', code } });

describe('accepting an invitation', () => {
  it('shows what the link invites to, checks the password, creates the account and lands signed in', async () => {
    const fake = fakeApi({
      'GET /auth/invitations/tok_1': { body: PREVIEW },
      'POST /auth/invitations/tok_1/accept': () => {
        setFakeSession(aSession('manager', 'mia@example.com'));
        return { body: aSession('manager', 'mia@example.com') };
      },
    });
    const { user } = renderApp('/invitations/tok_1', { signedIn: false });
    await screen.findByRole('heading', { name: 'Join Acme' });
    expect(screen.getByText('mia@example.com')).toBeInTheDocument();
    expect(screen.getByText(/^Manager — /)).toBeInTheDocument();
    // The expiry in the operator's zone (Asia/Kolkata in tests), UTC on hover.
    expect(screen.getByText('Feb 1, 2026, 3:30 PM')).toHaveAttribute('title', '2026-02-01 10:00:00 UTC');

    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription('Enter a name');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter a password');

    await user.type(screen.getByLabelText('Your name'), ' Mia ');
    await user.type(screen.getByLabelText('Password'), 'elevenchars');
    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 12 characters');

    await user.type(screen.getByLabelText('Password'), '!');
    await user.type(screen.getByLabelText('Confirm password'), 'something else');
    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    expect(screen.getByLabelText('Confirm password')).toHaveAccessibleDescription('The two passwords differ');
    expect(fake.bodiesOf('POST', '/auth/invitations/tok_1/accept')).toHaveLength(0);

    await user.clear(screen.getByLabelText('Confirm password'));
    await user.type(screen.getByLabelText('Confirm password'), 'elevenchars!');
    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    await screen.findByRole('navigation', { name: 'Main' });
    expect(fake.bodiesOf('POST', '/auth/invitations/tok_1/accept')).toEqual([{ name: 'Mia', password: 'elevenchars!' }]);
    expect(window.location.pathname).toBe('/');
    expect(screen.getByRole('banner')).toHaveTextContent('Manager · Acme');
  });

  it.each([
    [404, 'invitation_not_found', 'This invitation link is not valid'],
    [410, 'invitation_expired', 'This invitation has expired'],
    [409, 'invitation_already_used', 'This invitation has already been used'],
  ])('explains a link the server answers %i %s for, with a way to sign in', async (status, code, title) => {
    fakeApi({ 'GET /auth/invitations/tok_1': problem(status, code) });
    renderApp('/invitations/tok_1', { signedIn: false });
    await screen.findByRole('heading', { name: title });
    expect(screen.getByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/');
  });

  it('explains a link used up between opening and accepting, and shows the server’s field errors', async () => {
    let answer: { status: number; body: unknown } = { status: 422, body: { status: 422, error: 'x', code: 'validation_errors', error_details: { password: ['value_is_too_short'] } } };
    fakeApi({
      'GET /auth/invitations/tok_1': { body: PREVIEW },
      'POST /auth/invitations/tok_1/accept': () => answer,
    });
    const { user } = renderApp('/invitations/tok_1', { signedIn: false });
    await user.type(await screen.findByLabelText('Your name'), 'Mia');
    await user.type(screen.getByLabelText('Password'), 'twelve chars');
    await user.type(screen.getByLabelText('Confirm password'), 'twelve chars');
    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    await screen.findByText('At least 12 characters');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');

    answer = problem(409, 'invitation_already_used');
    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    await screen.findByRole('heading', { name: 'This invitation has already been used' });
  });
});
