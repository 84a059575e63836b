'use client';

import { useClusters } from '@/lib/api/clusters';
import { useReadiness } from '@/lib/api/readiness';
import { useFleetEvents } from '@/lib/api/ui-events';
import { countClusterStates } from '@/lib/ui/cluster-states';
import { describeFleetSync } from '@/lib/ui/fleet-sync';

const LIVE_DOT = { live: 'bg-ok', connecting: 'bg-warn animate-pulse', offline: 'bg-fail' } as const;
const LIVE_TEXT = { live: 'Live', connecting: 'Connecting…', offline: 'Offline: updates paused' } as const;

/** The footer line: first-sync progress, clusters per state, and whether change events are flowing. */
export function FleetSyncFooter() {
  const { data, error, isPending } = useReadiness();
  const clusters = useClusters();
  const events = useFleetEvents();
  const { text, tone } = describeFleetSync(data, error, isPending);
  const dot = tone === 'ok' ? 'bg-ok' : tone === 'busy' ? 'bg-warn animate-pulse' : tone === 'bad' ? 'bg-fail' : 'bg-slate-400';
  const counts = clusters.data ? countClusterStates(clusters.data.clusters) : [];
  return (
    <footer className="flex items-center gap-2 border-t border-slate-200 bg-white px-4 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${dot}`} />
      <span role="status" aria-live="polite" data-testid="fleet-sync-state">
        {text}
      </span>
      {counts.length > 0 ? (
        <span data-testid="cluster-state-counts" className="ml-2">
          {counts.map((c) => `${c.count} ${c.state}`).join(' · ')}
        </span>
      ) : null}
      <span className="ml-auto flex items-center gap-1.5" data-testid="live-indicator" data-status={events.status}>
        <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${LIVE_DOT[events.status]}`} />
        {LIVE_TEXT[events.status]}
        {events.revision !== undefined ? <span className="text-slate-500 dark:text-slate-400">· rev {events.revision}</span> : null}
      </span>
    </footer>
  );
}
