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

/** Who reports a series: a client-side proxy, a server-side proxy, or a waypoint in between. */
export type Reporter = 'source' | 'destination' | 'waypoint';

/** One end of a call, as Istio labels it (source_* or destination_*). */
export interface Side {
  workload: string;
  namespace: string;
  canonicalService: string;
  canonicalRevision: string;
  app: string;
  version: string;
  principal: string;
  cluster: string;
}

/** The destination service of a call. */
export interface ServiceLabels {
  host: string;
  name: string;
  namespace: string;
}

/** The labels of one end, from its pod labels the way istio-proxy derives them. */
export function sideOf(ref: { cluster: string; namespace: string; workload: string }, labels: Readonly<Record<string, string>> | undefined, serviceAccount: string | undefined, trustDomain: string): Side {
  const l = labels ?? {};
  const app = l.app ?? ref.workload;
  return {
    workload: ref.workload,
    namespace: ref.namespace,
    canonicalService: l['service.istio.io/canonical-name'] ?? app,
    canonicalRevision: l['service.istio.io/canonical-revision'] ?? l.version ?? 'latest',
    app,
    version: l.version ?? '',
    principal: `spiffe://${trustDomain}/ns/${ref.namespace}/sa/${serviceAccount ?? 'default'}`,
    cluster: ref.cluster,
  };
}

/** The labels of a workload spec's end of an edge. */
export function workloadSide(ref: { cluster: string; namespace: string; workload: string }, w: WorkloadSpec | undefined, trustDomain: string): Side {
  return sideOf(ref, w?.labels, w?.serviceAccount, trustDomain);
}

/** The destination service of an edge. */
export function edgeService(edge: TrafficEdgeSpec): ServiceLabels {
  const { service, namespace } = edge.destination;
  return { host: `${service}.${namespace}.svc.cluster.local`, name: service, namespace };
}

/** Istio's standard label set in the order every series uses, without the per-outcome ones. */
export function standardLabelPairs(reporter: Reporter, s: Side, d: Side, svc: ServiceLabels, protocol: string, securityPolicy: string): Array<[string, string]> {
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
    ['destination_service', svc.host],
    ['destination_service_name', svc.name],
    ['destination_service_namespace', svc.namespace],
    ['request_protocol', protocol],
    ['connection_security_policy', securityPolicy],
  ];
}

/** The labels of an edge seen by a sidecar or gateway proxy, without the per-outcome ones (code, grpc status, flags). */
export function edgeLabelPairs(edge: TrafficEdgeSpec, reporter: 'source' | 'destination', source: WorkloadSpec | undefined, destination: WorkloadSpec | undefined, trustDomain: string): Array<[string, string]> {
  const s = workloadSide(edge.source, source, trustDomain);
  const d = workloadSide(edge.destination, destination, trustDomain);
  // The source proxy cannot see the server's TLS mode; Istio reports "unknown" there.
  return standardLabelPairs(reporter, s, d, edgeService(edge), edge.protocol, reporter === 'destination' ? 'mutual_tls' : 'unknown');
}
