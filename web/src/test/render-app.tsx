import type { OperatorRole } from '@coupons/domain';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../App';
import { aSession, setFakeSession } from './fake-api';

/**
 * Renders the whole dashboard at `path`. The fake API's `GET /auth/session` answers for an operator of
 * `role` (admin unless said otherwise), or 401 when `signedIn` is false; call `fakeApi` before or after.
 */
export function renderApp(path: string, { signedIn = true, role = 'admin' }: { signedIn?: boolean; role?: OperatorRole } = {}) {
  setFakeSession(signedIn ? aSession(role) : null);
  window.history.replaceState(null, '', path);
  const user = userEvent.setup();
  return { user, ...render(<App />) };
}
