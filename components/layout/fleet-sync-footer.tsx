'use client';

import { useReadiness } from '@/lib/api/readiness';
import { describeFleetSync } from '@/lib/ui/fleet-sync';

/** The footer line: how far the fleet's first sync has got. */
export function FleetSyncFooter() {
  const { data, error, isPending } = useReadiness();
  const { text, tone } = describeFleetSync(data, error, isPending);
  const dot = tone === 'ok' ? 'bg-ok' : tone === 'busy' ? 'bg-warn animate-pulse' : tone === 'bad' ? 'bg-fail' : 'bg-slate-400';
  return (
    <footer className="flex items-center gap-2 border-t border-slate-200 bg-white px-4 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${dot}`} />
      <span role="status" aria-live="polite" data-testid="fleet-sync-state">
        {text}
      </span>
    </footer>
  );
}
