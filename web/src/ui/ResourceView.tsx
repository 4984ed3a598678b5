import type { ReactNode } from 'react';
import type { Resource } from '../api/use-resource';
import { ErrorState, LoadingState } from './states';

/**
 * What a card or page shows of data it loads: a spinner until the first answer, the failure with "Try again",
 * `empty` when there is nothing to list, else `children` with the data.
 */
export function ResourceView<T>({ resource, loading, failed, isEmpty, empty, children }: {
  resource: Resource<T>;
  loading: string;
  failed: string;
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (resource.loading && !resource.data) return <LoadingState label={loading} />;
  if (resource.error || !resource.data) return <ErrorState message={failed} onRetry={resource.reload} />;
  return <>{isEmpty(resource.data) ? empty : children(resource.data)}</>;
}
