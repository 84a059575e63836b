'use client';

import { notFound, useSearchParams } from 'next/navigation';
import { useService } from '@/lib/api/services';
import { ApiRequestError } from '@/lib/api/fetch-json';
import { useServiceSignalDetail } from '@/lib/api/telemetry';
import { useChangesInRange } from '@/lib/api/changes';
import { formatMs, formatPercent, formatRate } from '@/lib/ui/format';
import { ClusterBanners } from '@/components/ui/cluster-banners';
import { DataAge } from '@/components/ui/data-age';
import { HealthBadge } from '@/components/ui/health-badge';
import { QueryView } from '@/components/ui/query-view';
import { useMinute } from '@/components/ui/use-minute';
import { ClusterComparison } from './cluster-comparison';
import { NeighboursPanel } from './neighbours-panel';
import { useCapability } from '@/lib/api/workspaces-ui';
import { ServiceProxies } from './service-proxies';
import { ServiceChanges } from './service-changes';
import { SignalChart, type ChartMarker } from './signal-chart';
import { TrafficSplitPanel } from './traffic-split-panel';

export interface ServiceDetailViewProps {
  namespace: string;
  name: string;
}

/** One global service: per-cluster comparison, signal charts, routing, neighbours, proxies. */
export function ServiceDetailView({ namespace, name }: ServiceDetailViewProps) {
  const service = useService(namespace, name);
  const highlight = useSearchParams().get('cluster') ?? undefined;
  const signals = useServiceSignalDetail(namespace, name, { range: '30m' });
  // The charts' 30 minutes (and one before), to the minute, so the key is stable between renders.
  const now = useMinute();
  const changes = useChangesInRange({ service: `${namespace}/${name}`, from: new Date(now - 31 * 60_000).toISOString(), limit: 200 }, now > 0);
  const markers: ChartMarker[] = (changes.data?.items ?? []).map((c) => ({ id: c.id, at: Date.parse(c.at) / 1000, cluster: c.cluster, label: c.summary }));
  // Proxy details are operator detail: the panel shows only where the server would answer.
  const canSeeProxies = useCapability('proxies') === true;
  if (service.error instanceof ApiRequestError && service.error.status === 404) notFound();
  const sig = signals.data?.data;
  const series = sig?.series;
  return (
    <QueryView query={service} what={`service ${namespace}/${name}`}>
      {(res) => (
        <div className="space-y-6">
          <ClusterBanners clusters={res.clusters} />
          <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="service-summary">
            {sig ? <HealthBadge status={sig.service.health.status} reasons={sig.service.health.reasons} label="Fleet-wide" /> : null}
            <span>{res.data.kind} in {res.data.clusters.length} cluster{res.data.clusters.length === 1 ? '' : 's'}: {res.data.hosts.join(', ')}</span>
            {sig ? <span className="text-slate-500 dark:text-slate-400">{sig.service.health.reasons.join('; ')}</span> : null}
          </p>
          {res.data.inconsistencies.length ? <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">Differs across clusters: {res.data.inconsistencies.join('; ')}</p> : null}
          {signals.error ? <p className="text-sm text-amber-700 dark:text-amber-300">Signals unavailable: {signals.error.message}</p> : null}
          <ClusterComparison service={res.data} signals={sig?.service} highlight={highlight} />
          {series ? (
            <div className="grid gap-4 md:grid-cols-3">
              <SignalChart title="Requests per second" series={series.rps.map((s) => ({ label: s.cluster, points: s.points }))} stepSeconds={series.stepSeconds} format={formatRate} markers={markers} />
              <SignalChart title="Error %" series={series.errorPercent.map((s) => ({ label: s.cluster, points: s.points }))} stepSeconds={series.stepSeconds} format={formatPercent} markers={markers} />
              <SignalChart title="p95 latency" series={series.p95Ms.map((s) => ({ label: s.cluster, points: s.points }))} stepSeconds={series.stepSeconds} format={formatMs} markers={markers} />
            </div>
          ) : null}
          <ServiceChanges namespace={namespace} name={name} answer={changes.data} error={changes.error} />
          <TrafficSplitPanel namespace={namespace} name={name} />
          <NeighboursPanel namespace={namespace} name={name} />
          {canSeeProxies ? <ServiceProxies namespace={namespace} name={name} /> : null}
          <DataAge clusters={res.clusters} revision={res.revision} />
        </div>
      )}
    </QueryView>
  );
}
