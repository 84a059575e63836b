import 'server-only';
import type { TelemetryStatus } from '@/lib/api/telemetry';
import type { FleetFacts } from './fleet-facts';
import { findClusterLabels } from './label-check';
import { labelMismatch } from './label-mismatch';
import type { TelemetryService } from './telemetry-service';

const NO_MISMATCH = { clustersWithoutMetrics: [], labelValuesWithoutCluster: [], messages: [] };

/**
 * GET /api/v1/signals/status: each source's state, each cluster's telemetry
 * state, and cluster-name mismatches. A scoped caller (the scope comes with
 * `facts`) sees only its clusters and the sources serving them, without
 * source URLs; its mismatch report names only its own clusters without
 * metrics: odd label values and telemetry.perCluster keys may stand for
 * clusters it does not see, so they stay with the admins.
 */
export async function getTelemetryStatus(svc: TelemetryService, facts: FleetFacts, window?: string): Promise<TelemetryStatus> {
  const { client } = svc;
  const clusters = facts.clusters();
  const whole = facts.scope.kind === 'all';
  const label = client.config.clusterLabel;
  const head = { mode: client.mode, ...(label ? { clusterLabel: label } : {}) };
  if (!whole && clusters.length === 0) return { ...head, sources: [], clusters: {}, mismatch: NO_MISMATCH };
  const w = window ?? svc.window;
  const started = performance.now();
  const { presence, found } = await findClusterLabels(svc, clusters, w);
  const latencyMs = Math.round(performance.now() - started);
  const configured = client.mode === 'per-cluster' ? client.config.sources.map((s) => s.cluster ?? '') : [];
  const visible = new Set(clusters);
  const mismatch =
    client.mode === 'none' ? NO_MISMATCH
    : whole ? labelMismatch(clusters, found, configured)
    : labelMismatch(clusters, found.filter((f) => visible.has(f.value)), []);
  const sources = client.config.sources
    .filter((s) => whole || !s.cluster || visible.has(s.cluster))
    .map((s) => {
      const served = s.cluster ? [s.cluster] : clusters;
      const bad = served.map((c) => presence.clusters[c]).find((st) => st?.state === 'unavailable');
      return { id: s.id, url: whole ? s.endpoint.url : '', clusters: served, state: bad ? ('unavailable' as const) : ('ok' as const), ...(bad?.reason ? { reason: bad.reason } : { latencyMs }) };
    });
  const states = whole ? presence.clusters : Object.fromEntries(Object.entries(presence.clusters).filter(([c]) => visible.has(c)));
  return { ...head, sources, clusters: states, mismatch };
}
