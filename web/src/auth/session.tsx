/** The operator's API key lives in sessionStorage: it is gone when the tab closes. */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/client';

const STORAGE_KEY = 'coupons.apiKey';

interface Session {
  api: ApiClient;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of a signed-in tree');
  return session;
}

export function useApi(): ApiClient {
  return useSession().api;
}

/** Renders `signIn` until a key is known, then `children` with an API client bound to it. */
export function SessionProvider({
  signIn,
  children,
}: {
  signIn: (onSignedIn: (key: string) => void) => ReactNode;
  children: ReactNode;
}) {
  const [apiKey, setApiKey] = useState<string | null>(() => sessionStorage.getItem(STORAGE_KEY));

  const session = useMemo<Session | null>(() => {
    if (!apiKey) return null;
    const signOut = () => {
      sessionStorage.removeItem(STORAGE_KEY);
      setApiKey(null);
    };
    // A key revoked while the operator works sends them back to the sign-in screen.
    return { api: createApiClient(apiKey, signOut), signOut };
  }, [apiKey]);

  if (!session) {
    return signIn((key) => {
      sessionStorage.setItem(STORAGE_KEY, key);
      setApiKey(key);
    });
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
