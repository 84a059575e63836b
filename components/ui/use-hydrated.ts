'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * False on the server and while React hydrates, true after. A page's
 * segment hydrates after the layout (its loading.tsx is a Suspense
 * boundary), so a query the layout started may already have answered:
 * rendering that data during hydration would not match the server's HTML
 * (React error #418) and React would throw the page's HTML away.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
