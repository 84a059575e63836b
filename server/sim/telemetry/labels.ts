/** Istio's standard metric labels for an edge, rendered once per edge and reporter. */
import type { TrafficEdgeSpec, WorkloadSpec } from '../fleet/types';

/** Escapes a label value per the Prometheus text format 0.0.4. */
export function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `name="value",...` with escaping, in the given order. */
export function renderLabels(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',');
}

export type Reporter = 'source' | 'destination';

interface Side {
  workload: string;
  namespace: string;
  canonicalService: string;
  canonicalRevision: string;
  app: string;
  version: string;
  principal: string;
  cluster: string;
}

function side(ref: { cluster: string; namespace: string; workload: string }, w: WorkloadSpec | undefined, trustDomain: string): Side {
  const labels = w?.labels ?? {};
  const app = labels.app ?? ref.workload;
  return {
    workload: ref.workload,
    namespace: ref.namespace,
    canonicalService: labels['service.istio.io/canonical-name'] ?? app,
    canonicalRevision: labels['service.istio.io/canonical-revision'] ?? labels.version ?? 'latest',
    app,
    version: labels.version ?? '',
    principal: `spiffe://${trustDomain}/ns/${ref.namespace}/sa/${w?.serviceAccount ?? 'default'}`,
    cluster: ref.cluster,
  };
}

/** The labels of an edge seen by one reporter, without the per-outcome ones (code, grpc status, flags). */
export function edgeLabelPairs(edge: TrafficEdgeSpec, reporter: Reporter, source: WorkloadSpec | undefined, destination: WorkloadSpec | undefined, trustDomain: string): Array<[string, string]> {
  const s = side(edge.source, source, trustDomain);
  const d = side(edge.destination, destination, trustDomain);
  const host = `${edge.destination.service}.${edge.destination.namespace}.svc.cluster.local`;
  return [
    ['reporter', reporter],
    ['source_workload', s.workload],
    ['source_workload_namespace', s.namespace],
    ['source_canonical_service', s.canonicalService],
    ['source_canonical_revision', s.canonicalRevision],
    ['source_app', s.app],
    ['source_version', s.version],
    ['source_principal', s.principal],
    ['source_cluster', s.cluster],
    ['destination_workload', d.workload],
    ['destination_workload_namespace', d.namespace],
    ['destination_canonical_service', d.canonicalService],
    ['destination_canonical_revision', d.canonicalRevision],
    ['destination_app', d.app],
    ['destination_version', d.version],
    ['destination_principal', d.principal],
    ['destination_cluster', d.cluster],
    ['destination_service', host],
    ['destination_service_name', edge.destination.service],
    ['destination_service_namespace', edge.destination.namespace],
    ['request_protocol', edge.protocol],
    // The source proxy cannot see the server's TLS mode; Istio reports "unknown" there.
    ['connection_security_policy', reporter === 'destination' ? 'mutual_tls' : 'unknown'],
  ];
}
