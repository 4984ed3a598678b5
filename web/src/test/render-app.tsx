import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../App';

/** Renders the whole dashboard at `path`, signed in with a test key. */
export function renderApp(path: string, { signedIn = true } = {}) {
  if (signedIn) sessionStorage.setItem('coupons.apiKey', 'test-key');
  window.history.replaceState(null, '', path);
  const user = userEvent.setup();
  return { user, ...render(<App />) };
}
