'use client';

import { useClusters } from '@/lib/api/clusters';
import { useReadiness } from '@/lib/api/readiness';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';

/** How far the first sync of every configured cluster has got. */
export function FleetSyncProgress() {
  const { data, error, isPending, refetch } = useReadiness();
  // /readyz is public and gives counts only; names come from /clusters, which shows only what the caller may see.
  const clusters = useClusters();
  const waitingFor = Object.entries(clusters.data?.clusters ?? {}).flatMap(([name, s]) => (s.state === 'syncing' ? [name] : [])).sort().slice(0, 20);
  // The footer says "connecting" meanwhile; a skeleton here only pushes the page down.
  if (isPending) return null;
  if (!data) return <ErrorPanel title="Cannot read the fleet state" message={error?.message ?? 'no answer'} onRetry={() => void refetch()} />;
  if (data.total === 0) {
    return (
      <EmptyState title="No clusters configured">
        Add kubeconfig files or an Istio remote-secret source under <code>clusters:</code> in <code>meshglass.yaml</code>, or run{' '}
        <code>npm run demo</code> for a simulated fleet.
      </EmptyState>
    );
  }
  // Once every cluster has been reached the footer says so; the bar is for the wait.
  if (data.ready) return null;
  const percent = Math.round((data.tried / data.total) * 100);
  return (
    <section aria-label="Fleet sync" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm font-medium">Syncing {data.tried} of {data.total} clusters</p>
      <div className="mt-2 h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuemin={0} aria-valuemax={data.total} aria-valuenow={data.tried} aria-label="Clusters reached">
        <div className="h-full bg-brand-500 transition-all" style={{ width: `${percent}%` }} />
      </div>
      {waitingFor.length > 0 ? <p className="mt-2 text-xs text-slate-500">Waiting for {waitingFor.join(', ')}</p> : null}
    </section>
  );
}
