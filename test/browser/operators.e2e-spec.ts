import type { Page } from 'playwright-core';
import { createOperator, signIn, type Operator } from '../support/operators';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectAccessible, launchBrowser, type Dashboard } from './support/dashboard';

/**
 * Operator accounts in the dashboard, in real Chromium against the real API on MariaDB: sign-in, settings
 * (people, invitations, API keys, password), an invitation accepted in another browser, a viewer's limits.
 * Needs the production bundle: `npm run build -w web`.
 */
describe('operators in the dashboard (browser)', () => {
  let t: TestApp;
  let admin: Operator;
  let adminBrowser: Dashboard;
  let page: Page;
  let invitee: Dashboard | undefined;
  let viewerBrowser: Dashboard | undefined;
  const managerEmail = 'manager.invited@example.com';
  const managerPassword = 'a manager’s long passphrase';

  const banner = (p: Page) => p.getByRole('banner');

  /** Fills and sends the sign-in form; resolves once the server has answered it. */
  async function signInThroughForm(p: Page, email: string, password: string): Promise<void> {
    await p.getByLabel('Email', { exact: true }).fill(email);
    await p.getByLabel('Password', { exact: true }).fill(password);
    await Promise.all([
      p.waitForResponse((response) => response.url().endsWith('/auth/sign_in')),
      p.getByRole('button', { name: 'Sign in' }).click(),
    ]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createOperator(t, { role: 'admin', email: 'admin.first@example.com' });
    adminBrowser = await launchBrowser(t);
    page = adminBrowser.page;
  });

  afterAll(async () => {
    await invitee?.close();
    await viewerBrowser?.close();
    await adminBrowser?.close();
    await t?.close();
  });

  it('gives one message for an unknown email and a wrong password, then signs in', async () => {
    await page.goto(`${t.baseUrl}/settings`);
    await page.getByRole('heading', { name: 'Sign in to Coupons' }).waitFor();
    await expectAccessible(page);
    await adminBrowser.shot('operators-sign-in');

    await signInThroughForm(page, 'nobody@example.com', admin.password);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const forUnknown = await alert.textContent();
    expect(forUnknown).toBe('The email address or password is incorrect.');
    await signInThroughForm(page, admin.email, 'not the right password');
    expect(await alert.textContent()).toBe(forUnknown);
    await expectAccessible(page);

    await signInThroughForm(page, admin.email, admin.password);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await banner(page).getByText(admin.email).waitFor();
    await banner(page).getByText('Admin · Test organization').waitFor();
  });

  it('refuses to demote the last admin, next to the role', async () => {
    const role = page.getByLabel(`Role of ${admin.email}`);
    await role.selectOption('viewer');
    await page.getByText('The organization needs at least one admin').waitFor();
    expect(await role.getAttribute('aria-invalid')).toBe('true');
    expect(await role.inputValue()).toBe('admin');
    const { body } = await t.api.get('/api/v1/users');
    expect(body.users.map((u: { role: string }) => u.role)).toEqual(['admin']);
  });

  it('invites a manager, who accepts the link in another browser and sees no admin sections', async () => {
    await page.getByText('No pending invitations').waitFor();
    await page.getByRole('button', { name: 'Invite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite someone' });
    await dialog.getByLabel('Email').fill(managerEmail);
    await dialog.getByLabel('Role').selectOption('manager');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const link = await page.getByRole('textbox', { name: `Invitation link for ${managerEmail} (manager)`, exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`^${t.baseUrl}/invitations/[^/]+$`));
    await page.getByRole('row', { name: new RegExp(managerEmail) }).waitFor();
    await expectAccessible(page);
    await adminBrowser.shot('operators-settings');

    invitee = await launchBrowser(t);
    const other = invitee.page;
    await other.goto(link);
    await other.getByRole('heading', { name: 'Join Test organization' }).waitFor();
    await other.getByText(managerEmail).waitFor();
    await expectAccessible(other);
    await invitee.shot('operators-invitation');
    await other.getByLabel('Your name').fill('Mia Manager');
    await other.getByLabel('Password', { exact: true }).fill('too short');
    await other.getByRole('button', { name: 'Accept and sign in' }).click();
    await other.getByText('At least 12 characters').waitFor();
    await other.getByLabel('Password', { exact: true }).fill(managerPassword);
    await other.getByLabel('Confirm password').fill(managerPassword);
    await other.getByRole('button', { name: 'Accept and sign in' }).click();

    await banner(other).getByText(managerEmail).waitFor();
    await banner(other).getByText('Manager · Test organization').waitFor();
    expect(new URL(other.url()).pathname).toBe('/');
    await other.goto(`${t.baseUrl}/settings`);
    await other.getByRole('heading', { name: 'Change password' }).waitFor();
    expect(await other.getByRole('heading', { name: 'People' }).count()).toBe(0);
    expect(await other.getByRole('heading', { name: 'API keys' }).count()).toBe(0);
    expect(await other.getByRole('button', { name: 'Invite' }).count()).toBe(0);
    await expectAccessible(other);

    // The link works once.
    await other.goto(link);
    await other.getByRole('heading', { name: 'This invitation has already been used' }).waitFor();
    await expectAccessible(other);
    const { body } = await t.api.get('/api/v1/users');
    expect(body.users).toEqual(expect.arrayContaining([expect.objectContaining({ email: managerEmail, role: 'manager', name: 'Mia Manager' })]));
  });

  it('shows a viewer no way to create a coupon, and the server refuses one forged from the page', async () => {
    const viewer = await createOperator(t, { role: 'viewer' });
    viewerBrowser = await launchBrowser(t);
    const viewerPage = viewerBrowser.page;
    await viewerPage.goto(`${t.baseUrl}/coupons`);
    await signInThroughForm(viewerPage, viewer.email, viewer.password);
    await viewerPage.getByText('No coupons yet').waitFor();

    const forged = await viewerPage.evaluate(async () => {
      const session = (await (await fetch('/auth/session')).json()) as { csrf_token: string };
      const response = await fetch('/api/v1/coupons', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
        body: JSON.stringify({
          coupon: { name: 'Forged', code: 'FORGED', coupon_type: 'percentage', percentage_rate: '10', frequency: 'once', expiration: 'no_expiration' },
        }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(forged).toEqual({ status: 403, body: { status: 403, error: 'Forbidden', code: 'role_not_allowed' } });
    const { body } = await t.api.get('/api/v1/coupons');
    expect(body.coupons).toEqual([]);

    expect(await viewerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    expect(await viewerPage.getByRole('link', { name: '+ New coupon' }).count()).toBe(0);
  });

  it('creates an API key shown once that works as a Bearer key, then revokes it', async () => {
    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel(/^Name/).fill('billing sync');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByRole('textbox', { name: 'Value of billing sync', exact: true });
    const value = await secret.inputValue();
    expect(value).toMatch(/^cpn_/);
    const withKey = () => fetch(`${t.baseUrl}/api/v1/coupons`, { headers: { Authorization: `Bearer ${value}` } });
    expect((await withKey()).status).toBe(200);

    await page.getByRole('button', { name: 'Done, hide Value of billing sync' }).click();
    await secret.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /billing sync/ }).getByText('Active').waitFor();
    expect(await page.content()).not.toContain(value);

    await page.getByRole('button', { name: 'Revoke billing sync' }).click();
    await page.getByRole('dialog', { name: 'Revoke billing sync?' }).getByRole('button', { name: 'Revoke key' }).click();
    await page.getByRole('row', { name: /billing sync/ }).getByText('Revoked').waitFor();
    expect((await withKey()).status).toBe(401);
  });

  it('removes the manager after confirmation, whose open dashboard then goes back to sign-in', async () => {
    // The list as it is now, with the manager who joined since the page loaded.
    await page.reload();
    await page.getByRole('button', { name: `Remove ${managerEmail}` }).click();
    await page.getByRole('dialog', { name: `Remove ${managerEmail}?` }).getByRole('button', { name: 'Remove' }).click();
    await page.getByText(`${managerEmail} was removed and signed out.`).waitFor();

    const other = invitee!.page;
    await other.goto(`${t.baseUrl}/coupons`);
    await other.getByRole('heading', { name: 'Sign in to Coupons' }).waitFor();
  });

  it('changes the password, with a wrong current password shown beside its field', async () => {
    const newPassword = 'a brand new admin passphrase';
    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This is not your current password').waitFor();
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Current password').fill(admin.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Your other sessions were signed out.').waitFor();
    await expect(signIn(t.baseUrl, admin.email, admin.password)).rejects.toThrow(/401/);
    await signIn(t.baseUrl, admin.email, newPassword);
  });

  it('signs out: the page goes back to sign-in and the old cookie is refused', async () => {
    const cookie = (await adminBrowser.context.cookies()).find((c) => c.name === 'coupons_session');
    expect(cookie?.httpOnly).toBe(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Coupons' }).waitFor();
    const response = await fetch(`${t.baseUrl}/auth/session`, { headers: { cookie: `coupons_session=${cookie!.value}` } });
    expect(response.status).toBe(401);
  });
});
