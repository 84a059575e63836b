import type { AmbientFacts } from './ambient';
import type { EdgeIdentity } from './node-identity';
import type { Graph, GraphEdge } from './types';

const known = (v: string | undefined): v is string => v !== undefined && v !== '' && v !== 'unknown';

/** How one series' edge is carried in ambient mode (see ambientLookups). */
export interface AmbientMarks {
  /** A ztunnel hop into or out of a waypoint: part of an L7 edge the waypoint reported. */
  waypointHop: boolean;
  /** An end is an ambient workload: ztunnel carries it over HBONE. */
  hbone: boolean;
}

const NONE: AmbientMarks = { waypointHop: false, hbone: false };

/**
 * The ambient marks of series, looked up once per edge identity (the series
 * of one edge share it: response codes, reporters, TLS modes). Workloads are
 * read from the series' labels, so app and service graphs see the same marks
 * as the workload graph.
 */
export function ambientLookups(ambient: AmbientFacts | undefined): ((id: EdgeIdentity, m: Record<string, string>) => AmbientMarks) | undefined {
  if (!ambient?.any) return undefined;
  const memo = new Map<EdgeIdentity, AmbientMarks>();
  return (id, m) => {
    let marks = memo.get(id);
    if (marks) return marks;
    const src = known(m.source_workload) && known(m.source_workload_namespace) ? [id.source.cluster, m.source_workload_namespace, m.source_workload] as const : undefined;
    const dst = known(m.destination_workload) && known(m.destination_workload_namespace) ? [id.destination.cluster, m.destination_workload_namespace, m.destination_workload] as const : undefined;
    const waypointHop = (!!src && ambient.isWaypoint(...src)) || (!!dst && ambient.isWaypoint(...dst));
    const hbone = waypointHop || (!!src && ambient.isAmbient(...src)) || (!!dst && ambient.isAmbient(...dst));
    marks = waypointHop || hbone ? { waypointHop, hbone } : NONE;
    memo.set(id, marks);
    return marks;
  };
}

/**
 * ztunnel reports every connection at L4, also those a proxy reports at L7:
 * an HBONE TCP edge between the same two nodes as an HTTP or gRPC edge is
 * the same traffic, so its bytes are folded into the L7 edge (the first by id
 * when there are several) instead of being drawn twice. TCP edges of
 * sidecars are left alone: there a TCP edge is another port's traffic.
 */
export function foldParallelTcp(g: Graph): Graph {
  const tcp: GraphEdge[] = [];
  for (const e of g.edges.values()) if (e.protocol === 'tcp' && e.hbone) tcp.push(e);
  if (tcp.length === 0) return g;
  const l7 = new Map<string, GraphEdge>();
  for (const e of g.edges.values()) {
    if (e.protocol === 'tcp') continue;
    const k = `${e.source}\u0000${e.target}`;
    const have = l7.get(k);
    if (!have || e.id < have.id) l7.set(k, e);
  }
  for (const t of tcp) {
    const into = l7.get(`${t.source}\u0000${t.target}`);
    if (!into) continue;
    into.tcpBytes += t.tcpBytes;
    into.hbone = true;
    g.edges.delete(t.id);
  }
  return g;
}
