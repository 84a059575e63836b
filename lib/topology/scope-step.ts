import { collapseOutside, OUTSIDE_NODE_ID, OUTSIDE_NODE_LABEL } from '../access/topology-collapse';
import { emptyRates } from '../health/response-class';
import { requestHealth } from '../health/request-health';
import { edgeId } from './node-identity';
import type { Graph, GraphEdge, GraphNode } from './types';

/** Visibility of the caller (server-side access control); absent for callers who see the whole fleet. */
export type ScopeAllows = (cluster: string, namespace: string | undefined) => boolean;

/** Nodes that belong to no workspace: traffic from outside the mesh, external hosts, passthrough, east-west gateways. */
const shared = (n: GraphNode) => n.namespace === undefined || n.kind === 'gateway';

/** The single node standing for everything outside the caller's workspaces; built from constants only. */
function outsideNode(): GraphNode {
  return { id: OUTSIDE_NODE_ID, kind: 'outside', cluster: '', name: OUTSIDE_NODE_LABEL };
}

/**
 * One edge between a visible node and the outside. It carries only sums
 * (rates, bytes, mTLS share) of the visible node's own traffic, which its
 * signals already show; no latency, cluster-crossing or gateway detail that
 * would say something about the peers.
 */
function mergeEdges(source: string, target: string, edges: readonly GraphEdge[]): GraphEdge {
  const protocols = new Set(edges.map((e) => e.protocol));
  const protocol = protocols.size === 1 ? [...protocols][0]! : 'mixed';
  const rates = emptyRates();
  let tcpBytes = 0;
  let mtlsRate = 0;
  let securedBase = 0;
  for (const e of edges) {
    for (const k of ['total', 'http5xx', 'http4xx', 'grpc', 'noResponse'] as const) rates[k] += e.rates[k];
    tcpBytes += e.tcpBytes;
    mtlsRate += e.mtlsRate;
    securedBase += e.securedBase;
  }
  const health = protocol === 'tcp' ? undefined : requestHealth(rates);
  return {
    id: edgeId(source, target, protocol),
    source,
    target,
    protocol,
    rates,
    tcpBytes,
    mtlsRate,
    securedBase,
    mtlsShare: securedBase > 0 ? mtlsRate / securedBase : null,
    p95Ms: null,
    crossCluster: false,
    crossNetwork: false,
    ...(health ? { health } : {}),
  };
}

/**
 * Applies the caller's scope: nodes in its workspaces stay; every other node
 * collapses into one "outside your workspaces" node (lib/access/topology-collapse),
 * with one merged edge per visible node and direction. Shared nodes (no
 * namespace, or a cluster's east-west gateway) stay only when their cluster
 * is visible and they touch a node in scope, and their edges to the outside
 * are dropped rather than merged: those are other workspaces' traffic.
 */
export function scopeStep(g: Graph, allows: ScopeAllows | undefined): Graph {
  if (!allows) return g;
  const inScope = (n: GraphNode) => !shared(n) && allows(n.cluster, n.namespace);
  const touched = new Set<string>();
  for (const e of g.edges.values()) {
    const s = g.nodes.get(e.source);
    const t = g.nodes.get(e.target);
    if (s && inScope(s)) touched.add(e.target);
    if (t && inScope(t)) touched.add(e.source);
  }
  const visible = (n: GraphNode) => inScope(n) || (shared(n) && touched.has(n.id) && allows(n.cluster, undefined));
  const isSharedVisible = (id: string) => {
    const n = g.nodes.get(id);
    return !!n && shared(n) && visible(n);
  };
  const isVisible = (id: string) => {
    const n = g.nodes.get(id);
    return !!n && visible(n);
  };
  // A visible shared node's edges to the outside describe other workspaces' traffic: drop them.
  const edges = [...g.edges.values()].filter((e) => !((isSharedVisible(e.source) && !isVisible(e.target)) || (isSharedVisible(e.target) && !isVisible(e.source))));
  const r = collapseOutside([...g.nodes.values()], edges, { nodeId: (n) => n.id, visible, outsideNode, mergeEdges });
  return { nodes: new Map(r.nodes.map((n) => [n.id, n])), edges: new Map(r.edges.map((e) => [e.id, e])) };
}
