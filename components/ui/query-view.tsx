'use client';

import type { ReactNode } from 'react';
import { ErrorPanel } from './error-panel';
import { Skeleton } from './skeleton';
import { useHydrated } from './use-hydrated';

export interface QueryViewProps<T> {
  query: { data: T | undefined; error: Error | null; isPending: boolean; refetch: () => unknown };
  /** What is loading, for the skeleton's and the error's words. */
  what: string;
  rows?: number;
  children: (data: T) => ReactNode;
}

/** Skeleton while loading (and while hydrating), the server's reason with a retry on failure, else the children with the data. */
export function QueryView<T>(props: QueryViewProps<T>) {
  // The server rendered the skeleton (it fetches nothing): hydrate that, then show what the cache holds.
  const hydrated = useHydrated();
  return hydrated ? <QueryBody {...props} /> : <Skeleton rows={props.rows ?? 5} label={`Loading ${props.what}`} />;
}

/** What QueryView shows once hydrated. */
export function QueryBody<T>({ query, what, rows = 5, children }: QueryViewProps<T>) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isPending) return <Skeleton rows={rows} label={`Loading ${what}`} />;
  return <ErrorPanel title={`Cannot load ${what}`} message={query.error?.message ?? 'no answer from the server'} onRetry={() => void query.refetch()} />;
}
