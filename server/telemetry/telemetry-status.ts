import 'server-only';
import type { TelemetryStatus } from '@/lib/api/telemetry';
import type { FleetFacts } from './fleet-facts';
import { labelMismatch, type FoundLabel } from './label-mismatch';
import { labelPresenceQuery } from './promql/istio-queries';
import type { TelemetryService } from './telemetry-service';

/** GET /api/v1/signals/status: each source's state, each cluster's telemetry state, and cluster-name mismatches. */
export async function getTelemetryStatus(svc: TelemetryService, facts: FleetFacts, window?: string): Promise<TelemetryStatus> {
  const { client } = svc;
  const clusters = facts.clusters();
  const w = window ?? svc.window;
  const started = performance.now();
  const presence = await client.instant(
    (ctx) => labelPresenceQuery(ctx.clusterLabel ? [ctx.clusterLabel, 'destination_cluster'] : ['destination_cluster'], w, [{ label: 'reporter', op: '=', value: 'destination' }]),
    clusters,
  );
  const latencyMs = Math.round(performance.now() - started);
  const found: FoundLabel[] = [];
  const label = client.config.clusterLabel;
  for (const s of presence.samples) {
    const source = client.mode === 'global' ? 'global' : (s.scrapeCluster ?? 'global');
    if (label && s.metric[label] !== undefined) found.push({ label, value: s.metric[label], source });
    if (s.metric.destination_cluster !== undefined) found.push({ label: 'destination_cluster', value: s.metric.destination_cluster, source });
  }
  const configured = client.mode === 'per-cluster' ? client.config.sources.map((s) => s.cluster ?? '') : [];
  const mismatch = client.mode === 'none' ? { clustersWithoutMetrics: [], labelValuesWithoutCluster: [], messages: [] } : labelMismatch(clusters, found, configured);
  const sources = client.config.sources.map((s) => {
    const served = s.cluster ? [s.cluster] : clusters;
    const bad = served.map((c) => presence.clusters[c]).find((st) => st?.state === 'unavailable');
    return { id: s.id, url: s.endpoint.url, clusters: served, state: bad ? ('unavailable' as const) : ('ok' as const), ...(bad?.reason ? { reason: bad.reason } : { latencyMs }) };
  });
  return { mode: client.mode, ...(label ? { clusterLabel: label } : {}), sources, clusters: presence.clusters, mismatch };
}
