import type { GraphNode, GraphType, TrafficSample } from './types';

const known = (v: string | undefined): v is string => v !== undefined && v !== '' && v !== 'unknown';
// A Map, not an object: a keyed load by a label value was a slow path per new edge (and an object answers 'constructor' too).
const EXTERNAL_SINKS = new Map([
  ['PassthroughCluster', 'passthrough'],
  ['BlackHoleCluster', 'blackhole'],
]);

/** The cluster of a request's destination; an unknown destination_cluster is the source's cluster (Kiali's rule). */
export function destinationCluster(m: Record<string, string>, sourceCluster: string): string {
  return known(m.destination_cluster) ? m.destination_cluster : sourceCluster;
}

/**
 * Whether a reporter's metrics are scraped in the source's cluster, so that
 * the cluster that answered stands in for a missing source_cluster: the
 * client's proxy, or the waypoint (Istio uses the waypoint of the client's
 * cluster). The destination's are scraped in the destination's cluster.
 */
export const scrapedAtSource = (reporter: string | undefined): boolean => reporter === 'source' || reporter === 'waypoint';

/** The cluster of a request's source: its label, else the cluster whose metrics held it. */
export function sourceCluster(m: Record<string, string>, scrapeCluster?: string): string {
  return known(m.source_cluster) ? m.source_cluster : (scrapeCluster ?? 'unknown');
}

/** A node by graph type; `service` names the service graph's node, or (`ofService`) the Service a workload/app node answered as, written last. */
function byType(graphType: GraphType, cluster: string, namespace: string, workload: string, app: string | undefined, version: string | undefined, service?: string, ofService?: string): GraphNode {
  const a = known(app) ? app : workload;
  const v = known(version) ? version : 'latest';
  switch (graphType) {
    case 'workload':
      return ofService
        ? { id: `wl:${cluster}/${namespace}/${workload}`, kind: 'workload', cluster, namespace, name: workload, workload, app: a, version: v, service: ofService }
        : { id: `wl:${cluster}/${namespace}/${workload}`, kind: 'workload', cluster, namespace, name: workload, workload, app: a, version: v };
    case 'app':
      return ofService
        ? { id: `app:${cluster}/${namespace}/${a}`, kind: 'app', cluster, namespace, name: a, app: a, service: ofService }
        : { id: `app:${cluster}/${namespace}/${a}`, kind: 'app', cluster, namespace, name: a, app: a };
    case 'versionedApp':
      return ofService
        ? { id: `vapp:${cluster}/${namespace}/${a}/${v}`, kind: 'versionedApp', cluster, namespace, name: a, app: a, version: v, service: ofService }
        : { id: `vapp:${cluster}/${namespace}/${a}/${v}`, kind: 'versionedApp', cluster, namespace, name: a, app: a, version: v };
    case 'service': {
      const s = service ?? a;
      return { id: `svc:${cluster}/${namespace}/${s}`, kind: 'service', cluster, namespace, name: s, service: s };
    }
  }
}

/** The node a request came from, or an 'unknown' node (traffic from outside the mesh) in the destination's cluster. */
export function sourceNode(m: Record<string, string>, graphType: GraphType, scrapeCluster?: string): GraphNode {
  const cluster = sourceCluster(m, scrapeCluster);
  if (!known(m.source_workload) || !known(m.source_workload_namespace)) {
    const c = destinationCluster(m, cluster);
    return { id: `unknown:${c}`, kind: 'unknown', cluster: c, name: 'unknown' };
  }
  return byType(graphType, cluster, m.source_workload_namespace, m.source_workload, m.source_canonical_service, m.source_canonical_revision);
}

/**
 * The node a request went to: a workload/app/service by graph type; the
 * service itself when no workload answered; a ServiceEntry host or the
 * passthrough sink for traffic leaving the mesh.
 */
export function destinationNode(m: Record<string, string>, graphType: GraphType, srcCluster: string): GraphNode {
  const cluster = destinationCluster(m, srcCluster);
  const sink = EXTERNAL_SINKS.get(m.destination_service_name ?? '') ?? EXTERNAL_SINKS.get(m.destination_service ?? '');
  if (sink) return { id: `${sink}:${cluster}`, kind: 'passthrough', cluster, name: m.destination_service_name || m.destination_service || sink };
  const svcNs = known(m.destination_service_namespace) ? m.destination_service_namespace : undefined;
  const svcName = known(m.destination_service_name) ? m.destination_service_name : undefined;
  const host = m.destination_service ?? '';
  const inMesh = /\.svc(\.|$)/.test(host) || (svcNs !== undefined && !host.includes('.'));
  if (graphType === 'service' && svcNs && svcName && inMesh) {
    return { id: `svc:${cluster}/${svcNs}/${svcName}`, kind: 'service', cluster, namespace: svcNs, name: svcName, service: svcName };
  }
  if (!known(m.destination_workload) || !known(m.destination_workload_namespace)) {
    if (svcNs && svcName && inMesh) return { id: `svc:${cluster}/${svcNs}/${svcName}`, kind: 'service', cluster, namespace: svcNs, name: svcName, service: svcName };
    const name = host || svcName || 'unknown';
    return { id: `se:${cluster}/${name}`, kind: 'serviceEntry', cluster, name, ...(svcNs ? { namespace: svcNs } : {}) };
  }
  // Built with its service in place: a spread copy per new edge identity showed in profiles.
  return byType(graphType, cluster, m.destination_workload_namespace, m.destination_workload, m.destination_canonical_service, m.destination_canonical_revision, svcName, graphType !== 'service' ? svcName : undefined);
}

/** The id of the edge between two nodes for one protocol. */
export const edgeId = (source: string, target: string, protocol: string): string => `${source}->${target}:${protocol}`;

/**
 * The request identity both proxies report: who called whom over which
 * protocol, without the reporter (join makes absent and empty labels alike).
 */
export function requestKey(m: Record<string, string>, srcCluster: string): string {
  // The string an array join gives (absent labels empty), without the array.
  return `${srcCluster}\u0000${m.source_workload_namespace ?? ''}\u0000${m.source_workload ?? ''}\u0000${destinationCluster(m, srcCluster)}\u0000${m.destination_service_namespace ?? ''}\u0000${m.destination_service_name ?? ''}\u0000${m.destination_workload_namespace ?? ''}\u0000${m.destination_workload ?? ''}\u0000${m.request_protocol ?? ''}`;
}

/**
 * What one series resolves to: the two ends of its edge, the edge id, and the
 * request key both reporters share (what de-duplication compares).
 */
export interface EdgeIdentity {
  source: GraphNode;
  destination: GraphNode;
  protocol: string;
  edgeId: string;
  requestKey: string;
}

/** Resolves series to edge identities, memoised per label set. */
export interface EdgeIdentities {
  of(s: TrafficSample): EdgeIdentity;
}

/** A memo entry: the labels an identity is built from (absent as empty), and the identity. */
interface Memo {
  srcCluster: string;
  sns: string;
  scs: string;
  scr: string;
  dc: string;
  dsns: string;
  dsn: string;
  ds: string;
  dwns: string;
  dcs: string;
  dcr: string;
  proto: string;
  id: EdgeIdentity;
}

/** Whether a series carries the labels of a memo entry (its workloads matched already, by the buckets). */
const sameLabels = (e: Memo, m: Record<string, string>, srcCluster: string): boolean =>
  e.srcCluster === srcCluster &&
  e.sns === (m.source_workload_namespace ?? '') &&
  e.dsn === (m.destination_service_name ?? '') &&
  e.dc === (m.destination_cluster ?? '') &&
  e.dsns === (m.destination_service_namespace ?? '') &&
  e.dwns === (m.destination_workload_namespace ?? '') &&
  e.ds === (m.destination_service ?? '') &&
  e.scs === (m.source_canonical_service ?? '') &&
  e.scr === (m.source_canonical_revision ?? '') &&
  e.dcs === (m.destination_canonical_service ?? '') &&
  e.dcr === (m.destination_canonical_revision ?? '') &&
  e.proto === (m.request_protocol ?? '');

/**
 * Edge identities memoised per label set: the series of one edge (response
 * codes, TLS modes, both reporters, and the p95 series) share one identity, so
 * node objects and id strings are built once per edge instead of once per
 * series. Entries are found by destination and source workload, then by
 * comparing every other label the identity reads (absent and empty alike, as
 * they resolve alike): no key string is built per series. One memo serves one
 * graph build: the nodes it hands out become that graph's nodes.
 */
export function edgeIdentities(graphType: GraphType, fixedProtocol?: string): EdgeIdentities {
  const memo = new Map<string, Map<string, Memo[]>>();
  return {
    of(s) {
      const m = s.metric;
      const srcCluster = sourceCluster(m, scrapedAtSource(m.reporter) ? s.scrapeCluster : undefined);
      const dw = m.destination_workload ?? '';
      const sw = m.source_workload ?? '';
      let bySource = memo.get(dw);
      if (!bySource) memo.set(dw, (bySource = new Map()));
      let bucket = bySource.get(sw);
      if (!bucket) bySource.set(sw, (bucket = []));
      for (const e of bucket) if (sameLabels(e, m, srcCluster)) return e.id;
      const source = sourceNode(m, graphType, scrapedAtSource(m.reporter) ? s.scrapeCluster : undefined);
      const destination = destinationNode(m, graphType, srcCluster);
      const protocol = fixedProtocol ?? (m.request_protocol || 'http');
      const id = { source, destination, protocol, edgeId: edgeId(source.id, destination.id, protocol), requestKey: requestKey(m, srcCluster) };
      bucket.push({
        srcCluster,
        sns: m.source_workload_namespace ?? '',
        scs: m.source_canonical_service ?? '',
        scr: m.source_canonical_revision ?? '',
        dc: m.destination_cluster ?? '',
        dsns: m.destination_service_namespace ?? '',
        dsn: m.destination_service_name ?? '',
        ds: m.destination_service ?? '',
        dwns: m.destination_workload_namespace ?? '',
        dcs: m.destination_canonical_service ?? '',
        dcr: m.destination_canonical_revision ?? '',
        proto: m.request_protocol ?? '',
        id,
      });
      return id;
    },
  };
}
