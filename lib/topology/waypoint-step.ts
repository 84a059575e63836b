import { addHopTraffic } from './edge-merge';
import { workloadHealth } from '../health/instance-health';
import type { ReadinessCounts } from '../health/readiness-health';
import type { RequestRates } from '../health/request-health';
import { emptyRates } from '../health/response-class';
import { waypointNode } from './ambient';
import { edgeRequestHealth } from './edge-health';
import { edgeId } from './node-identity';
import { pauseAfter, runToEnd, type Paced } from './paced';
import type { Graph, GraphEdge, GraphNode } from './types';

const RATE_KEYS = ['total', 'http5xx', 'http4xx', 'grpc', 'noResponse'] as const;

/** The waypoint node of an id `wp:<cluster>/<namespace>/<name>`, read from the right: a cluster name may hold a '/'. */
function nodeOfId(id: string): GraphNode | undefined {
  const parts = id.slice('wp:'.length).split('/');
  if (!id.startsWith('wp:') || parts.length < 3) return undefined;
  const name = parts.pop()!;
  const namespace = parts.pop()!;
  return waypointNode(parts.join('/'), namespace, name);
}

/** Adds a hop, or merges it into the hop already there (returned, so its health is judged once at the end). */
function mergeInto(g: Graph, proto: GraphEdge, source: string, target: string, crossCluster: boolean): GraphEdge | undefined {
  const id = edgeId(source, target, proto.protocol);
  const e = g.edges.get(id);
  if (!e) {
    const r = proto.rates;
    const rates = { total: r.total, http5xx: r.http5xx, http4xx: r.http4xx, grpc: r.grpc, noResponse: r.noResponse };
    g.edges.set(id, { id, source, target, protocol: proto.protocol, rates, tcpBytes: proto.tcpBytes, mtlsRate: proto.mtlsRate, securedBase: proto.securedBase, mtlsShare: proto.mtlsShare, p95Ms: proto.p95Ms, crossCluster, crossNetwork: false, hbone: true, waypoint: proto.waypoint, health: proto.health });
    return undefined;
  }
  return addHopTraffic(e, proto, crossCluster);
}

/**
 * Step 6a (before the east-west gateway step): an L7 edge that a waypoint
 * reported is drawn through the waypoint's node, client -> waypoint ->
 * backend, as a cross-network edge is drawn through a gateway; hops into or
 * out of one waypoint are merged. Both hops keep `waypoint` and `hbone`.
 * Stats count a request once, at the hop out of a waypoint's client.
 * A waypoint's health is that of the requests into it, with its readiness
 * (a waypoint with no ready pod fails every request sent through it).
 */
export function waypointStep(g: Graph, readiness?: (n: GraphNode) => ReadinessCounts | undefined): Graph {
  return runToEnd(waypointStepPaced(g, readiness));
}

/** waypointStep with pause points (lib/topology/paced.ts). */
export function* waypointStepPaced(g: Graph, readiness?: (n: GraphNode) => ReadinessCounts | undefined): Paced<Graph> {
  let i = 0;
  const through: GraphEdge[] = [];
  for (const e of g.edges.values()) if (e.waypoint !== undefined && e.protocol !== 'tcp') through.push(e);
  if (through.length === 0) return g;
  const merged = new Set<GraphEdge>();
  for (const e of through) {
    if (pauseAfter(i++)) yield;
    const wpId = e.waypoint!;
    const src = g.nodes.get(e.source);
    const dst = g.nodes.get(e.target);
    let wp = g.nodes.get(wpId);
    if (!wp) {
      wp = nodeOfId(wpId);
      if (!wp) continue;
      g.nodes.set(wp.id, wp);
    }
    g.edges.delete(e.id);
    const into = mergeInto(g, e, e.source, wp.id, !!src && src.kind !== 'unknown' && src.cluster !== wp.cluster);
    if (into) merged.add(into);
    const out = mergeInto(g, e, wp.id, e.target, !!dst && dst.cluster !== wp.cluster);
    if (out) merged.add(out);
  }
  // A merged hop's health is that of its summed rates (default tolerances: a hop has no service of its own).
  for (const e of merged) e.health = edgeRequestHealth(e.rates);
  const inbound = new Map<string, RequestRates>();
  for (const n of g.nodes.values()) if (n.kind === 'waypoint') inbound.set(n.id, emptyRates());
  for (const e of g.edges.values()) {
    if (pauseAfter(i++)) yield;
    const acc = e.protocol === 'tcp' ? undefined : inbound.get(e.target);
    if (acc) for (const k of RATE_KEYS) acc[k] += e.rates[k];
  }
  for (const n of g.nodes.values()) {
    const acc = inbound.get(n.id);
    if (acc) n.health = workloadHealth(acc, readiness?.(n));
  }
  return g;
}
