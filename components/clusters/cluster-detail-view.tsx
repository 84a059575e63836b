'use client';

import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { useCluster, useClusters } from '@/lib/api/clusters';
import { useControlPlanes } from '@/lib/api/controlplanes';
import { useWorkloads } from '@/lib/api/workloads';
import { ApiRequestError } from '@/lib/api/fetch-json';
import { meshTrust, isOddRoot } from '@/lib/ui/trust';
import { runsAmbient } from '@/lib/ui/ztunnel-view';
import { ClusterBanners } from '@/components/ui/cluster-banners';
import { DataAge } from '@/components/ui/data-age';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/skeleton';
import { ClusterFacts } from './cluster-facts';
import { ClusterWorkloads } from './cluster-workloads';
import { ControlPlanePanel } from './control-plane-panel';
import { ProxySyncTable } from './proxy-sync-table';
import { WaypointsPanel } from './waypoints-panel';
import { ZtunnelPanel } from './ztunnel-panel';

export interface ClusterDetailViewProps {
  name: string;
}

/** One cluster: connection, inventory, each istiod revision, ambient mode (ztunnel, waypoints), workloads and proxy sync. */
export function ClusterDetailView({ name }: ClusterDetailViewProps) {
  const cluster = useCluster(name);
  const all = useClusters();
  const cps = useControlPlanes();
  const workloads = useWorkloads({ cluster: name, pageSize: 500 });
  if (cluster.error instanceof ApiRequestError && cluster.error.status === 404) notFound();
  const namespaces = workloads.data ? [...new Set(workloads.data.data.items.map((w) => w.namespace))].sort() : undefined;
  const trust = meshTrust(new Map((all.data?.data.items ?? []).map((c) => [c.name, c.mesh])), cps.data?.data ?? []);
  return (
    <QueryView query={cluster} what={`cluster ${name}`}>
      {(res) => {
        const mine = (cps.data?.data ?? []).filter((cp) => cp.cluster === name);
        const meshT = trust.find((t) => t.mesh === (res.data.mesh ?? ''));
        return (
          <div className="space-y-6">
            <ClusterBanners clusters={res.clusters} />
            <ClusterFacts cluster={res.data} namespaces={namespaces} />
            <section aria-labelledby="cp-heading" className="space-y-3">
              <h2 id="cp-heading" className="text-sm font-semibold">Control planes</h2>
              {cps.isPending ? <p className="text-sm text-slate-500">Loading control planes…</p> : null}
              {cps.data && mine.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No istiod runs in {name}: a remote cluster, or Istio is not installed.</p> : null}
              {mine.map((cp) => (
                <ControlPlanePanel key={cp.revision} cp={cp} oddRoot={isOddRoot(meshT, cp.rootCert?.fingerprint)} />
              ))}
            </section>
            <ZtunnelPanel cluster={res.data} />
            {runsAmbient(res.data) ? <WaypointsPanel cluster={res.data} /> : null}
            {/* It reads ?dataplane= from the URL: a boundary of its own keeps the rest rendering. */}
            <Suspense fallback={<Skeleton rows={4} label="Loading workloads" />}>
              <ClusterWorkloads cluster={name} />
            </Suspense>
            <ProxySyncTable cluster={name} />
            <DataAge clusters={res.clusters} revision={res.revision} />
          </div>
        );
      }}
    </QueryView>
  );
}
