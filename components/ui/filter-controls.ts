'use client';

import { useRef } from 'react';

/** The look of every filter input and select, so the filter bars of all pages match. */
export const FILTER_CONTROL = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';

/** Wraps a URL-state setter so typing updates the URL after a pause, not on every key. */
export function useDebouncedPatch<T>(onChange: (patch: Partial<T>) => void, delayMs = 250): (patch: Partial<T>) => void {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  return (patch) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange(patch), delayMs);
  };
}
