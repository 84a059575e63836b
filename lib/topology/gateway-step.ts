import { addHopTraffic } from './edge-merge';
import { requestHealth, type RequestRates } from '../health/request-health';
import { emptyRates } from '../health/response-class';
import { edgeRequestHealth } from './edge-health';
import { edgeId } from './node-identity';
import { pauseAfter, runToEnd, type Paced } from './paced';
import type { Graph, GraphEdge, GraphNode } from './types';

/** The east-west gateway node of a cluster (Istio's standard name and namespace). */
export function gatewayNode(cluster: string): GraphNode {
  return { id: `gw:${cluster}/istio-system/istio-eastwestgateway`, kind: 'gateway', cluster, namespace: 'istio-system', name: 'istio-eastwestgateway', workload: 'istio-eastwestgateway' };
}

/** Adds a hop to the graph, or merges it into the hop already there (returned, so its health is judged once at the end). */
function mergeInto(g: Graph, proto: GraphEdge, source: string, target: string, via: string, crossCluster: boolean): GraphEdge | undefined {
  const id = edgeId(source, target, proto.protocol);
  const e = g.edges.get(id);
  if (!e) {
    // Written out rather than spread: one of these per hop of every cross-network edge.
    const r = proto.rates;
    const rates = { total: r.total, http5xx: r.http5xx, http4xx: r.http4xx, grpc: r.grpc, noResponse: r.noResponse };
    const hop: GraphEdge = { id, source, target, protocol: proto.protocol, rates, tcpBytes: proto.tcpBytes, mtlsRate: proto.mtlsRate, securedBase: proto.securedBase, mtlsShare: proto.mtlsShare, p95Ms: proto.p95Ms, crossCluster, crossNetwork: true, via, health: proto.health };
    // Ambient marks only where set, so sidecar edges keep their shape.
    if (proto.hbone) hop.hbone = true;
    if (proto.waypoint !== undefined) hop.waypoint = proto.waypoint;
    g.edges.set(id, hop);
    return undefined;
  }
  if (proto.hbone) e.hbone = true;
  return addHopTraffic(e, proto, crossCluster);
}

/**
 * Step 6: an edge between clusters on different networks goes through the
 * destination cluster's east-west gateway, so it is split in two hops through
 * a gateway node; hops into one gateway are merged. Same-network edges stay direct.
 */
export function gatewayStep(g: Graph, networkOf: (cluster: string) => string | undefined): Graph {
  return runToEnd(gatewayStepPaced(g, networkOf));
}

/** gatewayStep with pause points (lib/topology/paced.ts). */
export function* gatewayStepPaced(g: Graph, networkOf: (cluster: string) => string | undefined): Paced<Graph> {
  let i = 0;
  const networks = new Map<string, string | undefined>();
  const network = (c: string) => {
    if (!networks.has(c)) networks.set(c, networkOf(c));
    return networks.get(c);
  };
  const gateways = new Map<string, GraphNode>();
  const merged = new Set<GraphEdge>();
  for (const e of [...g.edges.values()]) {
    if (pauseAfter(i++)) yield;
    const src = g.nodes.get(e.source);
    const dst = g.nodes.get(e.target);
    if (!src || !dst || src.cluster === dst.cluster || src.kind === 'unknown') continue;
    const a = network(src.cluster);
    const b = network(dst.cluster);
    if (!a || !b || a === b) continue;
    let gw = gateways.get(dst.cluster);
    if (!gw) {
      gw = gatewayNode(dst.cluster);
      gateways.set(dst.cluster, gw);
      if (!g.nodes.has(gw.id)) g.nodes.set(gw.id, gw);
    }
    g.edges.delete(e.id);
    const into = mergeInto(g, e, src.id, gw.id, gw.id, e.crossCluster);
    if (into) merged.add(into);
    const out = mergeInto(g, e, gw.id, dst.id, gw.id, false);
    if (out) merged.add(out);
  }
  // A merged hop's health is that of its summed rates (judged with the default tolerances, as a hop has no service of its own).
  for (const e of merged) if (e.protocol !== 'tcp') e.health = edgeRequestHealth(e.rates);
  const inbound = new Map<string, { rates: RequestRates; count: number }>();
  for (const n of g.nodes.values()) if (n.kind === 'gateway') inbound.set(n.id, { rates: emptyRates(), count: 0 });
  for (const e of g.edges.values()) {
    if (pauseAfter(i++)) yield;
    const acc = e.protocol === 'tcp' ? undefined : inbound.get(e.target);
    if (!acc) continue;
    acc.count++;
    for (const k of ['total', 'http5xx', 'http4xx', 'grpc', 'noResponse'] as const) acc.rates[k] += e.rates[k];
  }
  for (const n of g.nodes.values()) {
    const acc = inbound.get(n.id);
    if (acc) n.health = acc.count ? requestHealth(acc.rates) : { status: 'healthy', reasons: ['TCP only'] };
  }
  return g;
}
