'use client';

import { useMemo } from 'react';
import { useClusters } from '@/lib/api/clusters';
import { meshServiceKey, useServiceSignals, type ServiceSignals } from '@/lib/api/telemetry';
import { useServicesInfinite } from '@/lib/api/ui-services';
import { parseServicesState, serialiseServicesState } from '@/lib/ui/url-state';
import { plural } from '@/lib/ui/format';
import { ClusterBanners } from '@/components/ui/cluster-banners';
import { DataAge } from '@/components/ui/data-age';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/ui/query-view';
import { useUrlState } from '@/components/ui/use-url-state';
import { ServiceTable } from './service-table';
import { ServicesFilters } from './services-filters';

/** Services, one row per mesh, namespace and name (merged across that mesh's clusters), with health and golden signals. */
export function ServicesView() {
  const [state, setState] = useUrlState(parseServicesState, serialiseServicesState);
  const list = useServicesInfinite(state);
  const clusters = useClusters();
  // Per-cluster signals for the health badges; a row's own rate, errors and p95 come with the row (summed per mesh on the server).
  const signals = useServiceSignals();
  // Keyed by mesh too: the signals route answers per mesh, like the rows.
  const signalMap = useMemo(() => new Map<string, ServiceSignals>((signals.data?.data.items ?? []).map((s) => [meshServiceKey(s), s])), [signals.data]);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data.items) ?? [], [list.data]);
  const first = list.data?.pages[0];
  const filtered = !!(state.q || state.cluster || state.mesh || state.namespace || state.kind || state.health || state.dataplane);
  // Telemetry is configured when any cluster's signals come from a Prometheus (answered or not).
  const telemetry = Object.values(signals.data?.data.telemetry ?? {}).some((t) => t.state !== 'not-configured' && t.state !== 'disabled');
  return (
    <>
      <ServicesFilters key={serialiseServicesState(state)} state={state} clusters={(clusters.data?.data.items ?? []).map((c) => c.name)} meshes={(clusters.data?.data.meshes ?? []).map((m) => m.id).sort()} telemetry={telemetry} onChange={setState} />
      <QueryView query={{ data: first, error: list.error, isPending: list.isPending, refetch: list.refetch }} what="services">
        {(page) => (
          <>
            <ClusterBanners clusters={page.clusters} />
            {signals.error ? <p className="mb-2 text-sm text-amber-700 dark:text-amber-300">Rates and health are unavailable: {signals.error.message}</p> : null}
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-400" data-testid="services-total">{plural(page.data.total, 'service')}{filtered ? ' match' : ''}</p>
            {page.data.total === 0 ? (
              <EmptyState title={filtered ? 'No service matches these filters' : 'No services in the fleet yet'}>
                {filtered ? 'Clear the search or pick another cluster or namespace.' : 'Services appear as clusters finish their first sync.'}
              </EmptyState>
            ) : (
              <ServiceTable rows={rows} total={page.data.total} signals={signalMap} telemetry={telemetry} hasMore={!!list.hasNextPage && !list.isFetchingNextPage} loadMore={() => void list.fetchNextPage()} />
            )}
            <div className="mt-2"><DataAge clusters={page.clusters} revision={page.revision} /></div>
          </>
        )}
      </QueryView>
    </>
  );
}
