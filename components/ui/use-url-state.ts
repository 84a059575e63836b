'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

/** Page state read from and written to the URL (replace, not push: filters are not history steps). */
export function useUrlState<T>(parse: (s: URLSearchParams) => T, serialise: (state: T) => string): [T, (next: Partial<T>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parse(new URLSearchParams(params.toString())), [params, parse]);
  const update = useCallback(
    (next: Partial<T>) => router.replace(`${pathname}${serialise({ ...state, ...next })}`, { scroll: false }),
    [router, pathname, serialise, state],
  );
  return [state, update];
}
