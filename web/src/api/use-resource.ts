import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data for a screen and reloads it when `key` changes. A response that arrives after the
 * key moved on (fast typing in a search box) is dropped, so the table never shows stale rows.
 */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  // A new key or a reload shows loading at once: adjusted while rendering, not in the effect (a wasted render).
  const request = `${generation}:${key}`;
  const [requested, setRequested] = useState(request);
  if (requested !== request) {
    setRequested(request);
    setState((previous) => ({ ...previous, loading: true, error: null }));
  }
  // `load` is a fresh closure each render; `key` says when its inputs really changed.
  const loadLatest = useEffectEvent(load);

  useEffect(() => {
    let current = true;
    loadLatest().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
