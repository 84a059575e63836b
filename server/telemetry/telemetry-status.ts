import 'server-only';
import type { TelemetryStatus } from '@/lib/api/telemetry';
import type { FleetFacts } from './fleet-facts';
import { findClusterLabels } from './label-check';
import { labelMismatch } from './label-mismatch';
import type { TelemetryService } from './telemetry-service';

/** GET /api/v1/signals/status: each source's state, each cluster's telemetry state, and cluster-name mismatches. */
export async function getTelemetryStatus(svc: TelemetryService, facts: FleetFacts, window?: string): Promise<TelemetryStatus> {
  const { client } = svc;
  const clusters = facts.clusters();
  const w = window ?? svc.window;
  const started = performance.now();
  const { presence, found } = await findClusterLabels(svc, clusters, w);
  const latencyMs = Math.round(performance.now() - started);
  const label = client.config.clusterLabel;
  const configured = client.mode === 'per-cluster' ? client.config.sources.map((s) => s.cluster ?? '') : [];
  const mismatch = client.mode === 'none' ? { clustersWithoutMetrics: [], labelValuesWithoutCluster: [], messages: [] } : labelMismatch(clusters, found, configured);
  const sources = client.config.sources.map((s) => {
    const served = s.cluster ? [s.cluster] : clusters;
    const bad = served.map((c) => presence.clusters[c]).find((st) => st?.state === 'unavailable');
    return { id: s.id, url: s.endpoint.url, clusters: served, state: bad ? ('unavailable' as const) : ('ok' as const), ...(bad?.reason ? { reason: bad.reason } : { latencyMs }) };
  });
  return { mode: client.mode, ...(label ? { clusterLabel: label } : {}), sources, clusters: presence.clusters, mismatch };
}
