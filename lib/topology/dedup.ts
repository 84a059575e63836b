import { destinationCluster, sourceCluster } from './node-identity';
import type { TrafficSample } from './types';

/** The request identity both proxies report: who called whom over which protocol, without the reporter. */
function requestKey(s: TrafficSample): string {
  const m = s.metric;
  const src = sourceCluster(m, m.reporter === 'source' ? s.scrapeCluster : undefined);
  return [
    src,
    m.source_workload_namespace,
    m.source_workload,
    destinationCluster(m, src),
    m.destination_service_namespace,
    m.destination_service_name,
    m.destination_workload_namespace,
    m.destination_workload,
    m.request_protocol,
  ].join('\u0000');
}

/**
 * Keeps one report per request: the destination's where it exists (it saw the
 * request arrive, and knows the TLS mode), the source's only for requests the
 * destination never reported (destination_workload "unknown", a remote
 * Prometheus that did not answer). Non-finite values are dropped.
 */
export function dedupReports(samples: readonly TrafficSample[]): TrafficSample[] {
  const withDestination = new Set<string>();
  for (const s of samples) if (s.metric.reporter === 'destination' && Number.isFinite(s.value)) withDestination.add(requestKey(s));
  return samples.filter((s) => Number.isFinite(s.value) && (s.metric.reporter === 'destination' || (s.metric.reporter === 'source' && !withDestination.has(requestKey(s)))));
}
