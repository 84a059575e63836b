import { requestHealth } from '../health/request-health';
import { edgeId } from './node-identity';
import type { Graph, GraphEdge, GraphNode } from './types';

/** The east-west gateway node of a cluster (Istio's standard name and namespace). */
export function gatewayNode(cluster: string): GraphNode {
  return { id: `gw:${cluster}/istio-system/istio-eastwestgateway`, kind: 'gateway', cluster, namespace: 'istio-system', name: 'istio-eastwestgateway', workload: 'istio-eastwestgateway' };
}

function mergeInto(g: Graph, proto: GraphEdge, source: string, target: string, via: string): void {
  const id = edgeId(source, target, proto.protocol);
  const e = g.edges.get(id);
  if (!e) {
    g.edges.set(id, { ...proto, id, source, target, rates: { ...proto.rates }, crossNetwork: true, via });
    return;
  }
  for (const k of ['total', 'http5xx', 'http4xx', 'grpc', 'noResponse'] as const) e.rates[k] += proto.rates[k];
  e.tcpBytes += proto.tcpBytes;
  e.mtlsRate += proto.mtlsRate;
  e.securedBase += proto.securedBase;
  e.mtlsShare = e.securedBase > 0 ? e.mtlsRate / e.securedBase : null;
  e.p95Ms = e.p95Ms === null ? proto.p95Ms : proto.p95Ms === null ? e.p95Ms : Math.max(e.p95Ms, proto.p95Ms);
  e.crossCluster ||= proto.crossCluster;
  e.health = e.protocol === 'tcp' ? e.health : requestHealth(e.rates);
}

/**
 * Step 6: an edge between clusters on different networks goes through the
 * destination cluster's east-west gateway, so it is split in two hops through
 * a gateway node; hops into one gateway are merged. Same-network edges stay direct.
 */
export function gatewayStep(g: Graph, networkOf: (cluster: string) => string | undefined): Graph {
  for (const e of [...g.edges.values()]) {
    const src = g.nodes.get(e.source);
    const dst = g.nodes.get(e.target);
    if (!src || !dst || src.cluster === dst.cluster || src.kind === 'unknown') continue;
    const a = networkOf(src.cluster);
    const b = networkOf(dst.cluster);
    if (!a || !b || a === b) continue;
    const gw = gatewayNode(dst.cluster);
    if (!g.nodes.has(gw.id)) g.nodes.set(gw.id, gw);
    g.edges.delete(e.id);
    mergeInto(g, e, src.id, gw.id, gw.id);
    mergeInto(g, { ...e, crossCluster: false }, gw.id, dst.id, gw.id);
  }
  for (const n of g.nodes.values()) {
    if (n.kind !== 'gateway') continue;
    const inbound = [...g.edges.values()].filter((e) => e.target === n.id && e.protocol !== 'tcp');
    const total = inbound.reduce((acc, e) => ({ total: acc.total + e.rates.total, http5xx: acc.http5xx + e.rates.http5xx, http4xx: acc.http4xx + e.rates.http4xx, grpc: acc.grpc + e.rates.grpc, noResponse: acc.noResponse + e.rates.noResponse }), { total: 0, http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0 });
    n.health = inbound.length ? requestHealth(total) : { status: 'healthy', reasons: ['TCP only'] };
  }
  return g;
}
