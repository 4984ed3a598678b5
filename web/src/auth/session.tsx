/**
 * The operator's session. The server keeps it (an httpOnly cookie the page cannot read); the dashboard
 * asks `GET /auth/session` who is signed in, and shows the sign-in page whenever the server says nobody is.
 */
import { roleAllows, type OperatorPermission, type OperatorRole } from '@coupons/domain';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, createApiClient, type ApiClient } from '../api/client';
import { ErrorState, LoadingState } from '../ui/states';
import { authApi } from './auth-api';
import type { Operator, SessionBody } from './auth-types';

interface Session {
  api: ApiClient;
  user: Operator;
  organization: { name: string };
  csrfToken: string;
  /** Ends the session on the server, then shows the sign-in page. */
  signOut: () => Promise<void>;
  /** Reads the session again, e.g. after operators changed their own role. */
  refresh: () => void;
}

type State =
  | { kind: 'loading' }
  | { kind: 'signedOut' }
  | { kind: 'failed'; message: string }
  | { kind: 'signedIn'; body: SessionBody };

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of a signed-in tree');
  return session;
}

export function useApi(): ApiClient {
  return useSession().api;
}

/** The signed-in operator's role, as the server last told it (the server checks the current one anyway). */
export function useRole(): OperatorRole {
  return useSession().user.role;
}

/** Whether the signed-in operator's role may do `permission`: hide what it may not, rather than fail on click. */
export function useCan(permission: OperatorPermission): boolean {
  return roleAllows(useRole(), permission);
}

/** Renders `signIn` while nobody is signed in, then `children` with an API client bound to the session. */
export function SessionProvider({
  signIn,
  children,
}: {
  signIn: (onSignedIn: (session: SessionBody) => void) => ReactNode;
  children: ReactNode;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    authApi.session().then(
      (body) => current && setState({ kind: 'signedIn', body }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) setState({ kind: 'signedOut' });
        else setState({ kind: 'failed', message: error instanceof Error ? error.message : 'Unknown error' });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const body = state.kind === 'signedIn' ? state.body : null;
  const session = useMemo<Session | null>(() => {
    if (!body) return null;
    // Only this session ends: a late 401 from an earlier one must not sign out the operator who came after.
    const ended = () => setState((now) => (now.kind === 'signedIn' && now.body === body ? { kind: 'signedOut' } : now));
    return {
      api: createApiClient(body.csrf_token, ended),
      user: body.user,
      organization: body.organization,
      csrfToken: body.csrf_token,
      async signOut() {
        try {
          await authApi.signOut(body.csrf_token);
        } catch (error) {
          // Already over on the server (revoked, idle): signing out is done.
          if (!(error instanceof ApiError && error.status === 401)) throw error;
        }
        ended();
      },
      refresh: () => setAttempt((n) => n + 1),
    };
  }, [body]);

  switch (state.kind) {
    case 'loading':
      return (
        <main className="signin">
          <LoadingState label="Loading the dashboard…" />
        </main>
      );
    case 'failed':
      return (
        <main className="signin">
          <ErrorState
            message={`The dashboard could not reach the server (${state.message}).`}
            onRetry={() => {
              setState({ kind: 'loading' });
              setAttempt((n) => n + 1);
            }}
          />
        </main>
      );
    case 'signedOut':
      return signIn((signedIn) => setState({ kind: 'signedIn', body: signedIn }));
    case 'signedIn':
      return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
  }
}
