'use client';

import { useClusters } from '@/lib/api/clusters';
import { useControlPlanes } from '@/lib/api/controlplanes';
import { meshTrust } from '@/lib/ui/trust';
import { ClusterBanners } from '@/components/ui/cluster-banners';
import { DataAge } from '@/components/ui/data-age';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/ui/query-view';
import { ClusterTable } from './cluster-table';
import { NetworksPanel } from './networks-panel';
import { TrustSummary } from './trust-summary';

/** The clusters page: every cluster with its control planes, trust roots, discovery and gateways. */
export function ClustersView() {
  const clusters = useClusters();
  const cps = useControlPlanes();
  return (
    <QueryView query={clusters} what="clusters">
      {(res) => {
        if (res.data.items.length === 0) return <EmptyState title="No clusters configured">Add kubeconfig files or remote-secret sources to meshglass.yaml.</EmptyState>;
        const controlPlanes = cps.data?.data ?? [];
        const trust = meshTrust(new Map(res.data.items.map((c) => [c.name, c.mesh])), controlPlanes);
        return (
          <div className="space-y-6">
            <ClusterBanners clusters={res.clusters} />
            {cps.error ? <p className="text-sm text-amber-700 dark:text-amber-300">Control planes could not be read: {cps.error.message}</p> : null}
            <ClusterTable clusters={res.data.items} controlPlanes={controlPlanes} trust={trust} />
            <section aria-labelledby="trust-heading">
              <h2 id="trust-heading" className="mb-2 text-sm font-semibold">Roots of trust</h2>
              <TrustSummary trust={trust} />
            </section>
            <section aria-labelledby="networks-heading">
              <h2 id="networks-heading" className="mb-2 text-sm font-semibold">Networks</h2>
              <NetworksPanel networks={res.data.networks} />
            </section>
            <DataAge clusters={res.clusters} revision={res.revision} />
          </div>
        );
      }}
    </QueryView>
  );
}
