import type { ReactNode } from 'react';
import { AppHeader } from './app-header';
import { FleetSyncFooter } from './fleet-sync-footer';
import { SideNav } from './side-nav';

/** The frame every page lives in: header, left navigation, content, sync footer. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="flex h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-1 dark:focus:bg-slate-900">
        Skip to content
      </a>
      <AppHeader />
      <div className="flex min-h-0 flex-1">
        <SideNav />
        <main id="main" className="min-w-0 flex-1 overflow-auto p-6">
          {children}
        </main>
      </div>
      <FleetSyncFooter />
    </div>
  );
}
