import type { ClusterDetail } from '@/lib/fleet/clusters';
import { clusterStateTone } from '@/lib/ui/cluster-states';
import { formatAge, formatMs } from '@/lib/ui/format';
import { slowApiLatency } from '@/lib/ui/slow-api';
import { panelClass } from '@/components/ui/table-styles';

export interface ClusterFactsProps {
  cluster: ClusterDetail;
  namespaces: string[] | undefined;
}

const TONE = { ok: 'text-green-700 dark:text-green-400', warn: 'text-amber-700 dark:text-amber-300', fail: 'text-red-700 dark:text-red-400' };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

/** Connection and inventory facts of one cluster. */
export function ClusterFacts({ cluster: c, namespaces }: ClusterFactsProps) {
  return (
    <section aria-label="Connection" className={`${panelClass} p-4`}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5 text-sm md:grid-cols-[auto_1fr_auto_1fr]">
        <Fact label="Connection">
          <span data-testid="cluster-connection-state" className={`font-semibold ${TONE[clusterStateTone(c.state)]}`}>{c.state}</span>
          {c.reason ? `: ${c.reason}` : ''}
        </Fact>
        <Fact label="Data age">{formatAge(c.dataAgeSeconds)}</Fact>
        <Fact label="Source"><code className="text-xs">{c.source}</code></Fact>
        <Fact label="Kubernetes">{c.kubernetesVersion ?? '—'}</Fact>
        <Fact label="API latency">
          <span data-testid="cluster-api-latency" className={slowApiLatency(c) ? `font-semibold ${TONE.warn}` : undefined}>
            {c.apiLatency ? (c.apiLatency.timedOut ? `no answer in ${formatMs(c.apiLatency.ms)}` : formatMs(c.apiLatency.ms)) : '—'}
          </span>
          {slowApiLatency(c) ? ' (slow: new lists, watches and istiod polls wait on it)' : ''}
        </Fact>
        <Fact label="Watch expiries (5 min)">
          <span data-testid="cluster-watch-expiries">{c.watchExpiries ?? '—'}</span>
          {c.watchExpiries ? ' watches ended with 410 Gone, each a full relist' : ''}
        </Fact>
        <Fact label="Mesh">{c.mesh ?? '—'}</Fact>
        <Fact label="Network">{c.network ?? 'no topology.istio.io/network label'}</Fact>
        <Fact label="Regions / zones">{[...c.regions, ...c.zones].join(', ') || '—'}</Fact>
        <Fact label="Kinds synced">
          {c.syncedKinds} of {c.totalKinds}
          {c.forbiddenKinds.length ? <span className="text-amber-700 dark:text-amber-300"> · forbidden: {c.forbiddenKinds.join(', ')}</span> : null}
        </Fact>
        <Fact label="Inventory">
          {c.counts.namespaces} namespaces, {c.counts.services} services, {c.counts.pods} pods, {c.counts.nodes} nodes, {c.counts.configObjects} config objects
        </Fact>
        <Fact label="Skipped objects">{c.skippedObjects.count ? `${c.skippedObjects.count} (${c.skippedObjects.lastReason ?? 'no reason'})` : 'none'}</Fact>
        <Fact label="East-west gateway">
          {c.eastWestGateways.length === 0 ? 'none' : c.eastWestGateways.map((g) => `${g.namespace}/${g.name} ${g.addresses.join(', ') || '(no address)'} ports ${g.ports.join(', ')}`).join('; ')}
        </Fact>
        <Fact label="Remote secrets">{c.remoteSecrets.map((s) => `${s.name} → ${s.clusters.join(', ')}`).join('; ') || 'none'}</Fact>
        <Fact label="Namespaces with workloads">{namespaces === undefined ? '…' : namespaces.join(', ') || 'none'}</Fact>
      </dl>
    </section>
  );
}
