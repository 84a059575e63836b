'use client';

import Link from 'next/link';
import { notFound, useSearchParams } from 'next/navigation';
import { useService } from '@/lib/api/services';
import { serviceHref } from '@/lib/ui/service-href';
import { ApiRequestError } from '@/lib/api/fetch-json';
import { useServiceSignalDetail } from '@/lib/api/telemetry';
import { useChangesInRange } from '@/lib/api/changes';
import { formatMs, formatPercent, formatRate, plural } from '@/lib/ui/format';
import { ClusterBanners } from '@/components/ui/cluster-banners';
import { DataAge } from '@/components/ui/data-age';
import { HealthBadge } from '@/components/ui/health-badge';
import { QueryView } from '@/components/ui/query-view';
import { useMinute } from '@/components/ui/use-minute';
import { ClusterComparison } from './cluster-comparison';
import { meshName, otherMeshes, signalsInMesh } from './mesh-scope';
import { NeighboursPanel } from './neighbours-panel';
import { useCapability } from '@/lib/api/workspaces-ui';
import { RoutesPanel } from './routes-panel';
import { ServiceProxies } from './service-proxies';
import { ServiceChanges } from './service-changes';
import { SignalChart, type ChartMarker } from './signal-chart';
import { TrafficSplitPanel } from './traffic-split-panel';

export interface ServiceDetailViewProps {
  namespace: string;
  name: string;
}

/**
 * One mesh's service (?mesh=, else the mesh of ?cluster=, else the first mesh that has it):
 * per-cluster comparison (data plane and waypoint too), signal charts, routes with their
 * status per cluster, routing config, neighbours, proxies, all cut to that
 * mesh's clusters, with links to the same namespace/name in other meshes.
 */
export function ServiceDetailView({ namespace, name }: ServiceDetailViewProps) {
  const search = useSearchParams();
  const highlight = search.get('cluster') ?? undefined;
  const service = useService(namespace, name, { mesh: search.get('mesh') ?? undefined, cluster: highlight });
  const signals = useServiceSignalDetail(namespace, name, { range: '30m' });
  // The charts' 30 minutes (and one before), to the minute, so the key is stable between renders.
  const now = useMinute();
  const changes = useChangesInRange({ service: `${namespace}/${name}`, from: new Date(now - 31 * 60_000).toISOString(), limit: 200 }, now > 0);
  const inMesh = new Set(service.data?.data.clusters ?? []);
  const changeItems = (changes.data?.items ?? []).filter((c) => inMesh.has(c.cluster));
  const markers: ChartMarker[] = changeItems.map((c) => ({ id: c.id, at: Date.parse(c.at) / 1000, cluster: c.cluster, label: c.summary }));
  // Proxy details are operator detail: the panel shows only where the server would answer.
  const canSeeProxies = useCapability('proxies') === true;
  if (service.error instanceof ApiRequestError && service.error.status === 404) notFound();
  const sig = signals.data?.data;
  // The signals route knows clusters, not meshes: keep this mesh's.
  const meshSignals = sig && signalsInMesh(sig.service, inMesh);
  const series = sig?.series && {
    stepSeconds: sig.series.stepSeconds,
    rps: sig.series.rps.filter((s) => inMesh.has(s.cluster)),
    errorPercent: sig.series.errorPercent.filter((s) => inMesh.has(s.cluster)),
    p95Ms: sig.series.p95Ms.filter((s) => inMesh.has(s.cluster)),
  };
  return (
    <QueryView query={service} what={`service ${namespace}/${name}`}>
      {(res) => (
        <div className="space-y-6">
          <ClusterBanners clusters={res.clusters} />
          <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="service-summary" data-mesh={res.data.mesh}>
            {meshSignals ? <HealthBadge status={meshSignals.health.status} reasons={meshSignals.health.reasons} label={`In ${meshName(res.data.mesh)}`} /> : null}
            <span>{res.data.kind} in {plural(res.data.clusters.length, 'cluster')} of {meshName(res.data.mesh)}: {res.data.hosts.join(', ')}</span>
            {meshSignals ? <span className="text-slate-500 dark:text-slate-400">{meshSignals.health.reasons.join('; ')}</span> : null}
            {otherMeshes(res.data).map((m) => (
              <Link key={m.mesh} href={serviceHref(namespace, name, m.mesh || undefined)} className="text-brand-600 hover:underline dark:text-sky-300" data-testid="service-other-mesh" data-mesh={m.mesh}>{m.label}</Link>
            ))}
          </p>
          {res.data.inconsistencies.length ? <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">Differs across clusters: {res.data.inconsistencies.join('; ')}</p> : null}
          {signals.error ? <p className="text-sm text-amber-700 dark:text-amber-300">Signals unavailable: {signals.error.message}</p> : null}
          <ClusterComparison service={res.data} signals={meshSignals} highlight={highlight} />
          {series ? (
            <div className="grid gap-4 md:grid-cols-3">
              <SignalChart title="Requests per second" series={series.rps.map((s) => ({ label: s.cluster, points: s.points }))} stepSeconds={series.stepSeconds} format={formatRate} markers={markers} />
              <SignalChart title="Error %" series={series.errorPercent.map((s) => ({ label: s.cluster, points: s.points }))} stepSeconds={series.stepSeconds} format={formatPercent} markers={markers} />
              <SignalChart title="p95 latency" series={series.p95Ms.map((s) => ({ label: s.cluster, points: s.points }))} stepSeconds={series.stepSeconds} format={formatMs} markers={markers} />
            </div>
          ) : null}
          <ServiceChanges namespace={namespace} name={name} answer={changes.data && { ...changes.data, items: changeItems }} error={changes.error} />
          <RoutesPanel namespace={namespace} name={name} routes={res.data.routes} clusters={res.data.clusters} />
          <TrafficSplitPanel namespace={namespace} name={name} clusters={res.data.clusters} />
          <NeighboursPanel namespace={namespace} name={name} clusters={res.data.clusters} />
          {canSeeProxies ? <ServiceProxies namespace={namespace} name={name} clusters={res.data.clusters} /> : null}
          <DataAge clusters={res.clusters} revision={res.revision} />
        </div>
      )}
    </QueryView>
  );
}
