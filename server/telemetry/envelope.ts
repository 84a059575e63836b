import 'server-only';
import type { ClusterStatus, FleetResponse } from '@/lib/api/envelope';
import type { TelemetryClusterState } from './fan-out';
import type { FleetFacts } from './fleet-facts';

/** Cluster statuses with telemetry failures shown: a cluster that is `ok` but whose Prometheus failed becomes not-ok with the reason. */
export function withTelemetryStatuses(statuses: Record<string, ClusterStatus>, telemetry: Record<string, TelemetryClusterState>): Record<string, ClusterStatus> {
  const clusters: Record<string, ClusterStatus> = {};
  for (const [name, status] of Object.entries(statuses)) {
    const t = telemetry[name];
    if (t?.state === 'unavailable' && status.state === 'ok') {
      clusters[name] = { state: /unauthorized/.test(t.reason ?? '') ? 'unauthorized' : 'unreachable', reason: `telemetry unavailable: ${t.reason ?? 'no answer'}`, dataAgeSeconds: status.dataAgeSeconds };
    } else {
      clusters[name] = status;
    }
  }
  return clusters;
}

/**
 * The envelope of a telemetry answer: the fleet's cluster statuses, except that
 * a cluster whose Prometheus failed is shown not-ok with the reason, so the UI
 * banner says which cluster's numbers are missing and why.
 */
export function telemetryEnvelope<T>(facts: FleetFacts, data: T, telemetry: Record<string, TelemetryClusterState>): FleetResponse<T> {
  return { data, clusters: withTelemetryStatuses(facts.statuses, telemetry), revision: facts.revision, generatedAt: new Date().toISOString() };
}
