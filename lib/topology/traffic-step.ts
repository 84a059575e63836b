import { addRate, classifyResponse, emptyRates } from '../health/response-class';
import { waypointNodeId, type AmbientFacts } from './ambient';
import { forEachKeptReportPaced } from './dedup';
import { ambientLookups, foldParallelTcp, type AmbientMarks } from './hbone';
import { edgeIdentities, type EdgeIdentities, type EdgeIdentity } from './node-identity';
import { pauseAfter, runToEnd, type Paced } from './paced';
import { emptyGraph, type Graph, type GraphEdge, type GraphNode, type GraphType, type TrafficSample } from './types';

/** Input of the traffic step: request-rate and TCP byte series from every reporter. */
export interface TrafficInput {
  requests: readonly TrafficSample[];
  tcp: readonly TrafficSample[];
  graphType: GraphType;
  /** Ambient facts of the fleet; absent, every edge is read as sidecar traffic. */
  ambient?: AmbientFacts;
}

function node(g: Graph, n: GraphNode): GraphNode {
  const have = g.nodes.get(n.id);
  if (have) return have;
  g.nodes.set(n.id, n);
  return n;
}

function edge(g: Graph, id: EdgeIdentity): GraphEdge {
  let e = g.edges.get(id.edgeId);
  if (!e) {
    // A new edge: its ends may be new too (an existing edge implies existing ends).
    const src = node(g, id.source);
    const dst = node(g, id.destination);
    e = { id: id.edgeId, source: src.id, target: dst.id, protocol: id.protocol, rates: emptyRates(), tcpBytes: 0, mtlsRate: 0, securedBase: 0, mtlsShare: null, p95Ms: null, crossCluster: src.cluster !== dst.cluster && src.kind !== 'unknown', crossNetwork: false };
    g.edges.set(id.edgeId, e);
  }
  return e;
}

type Marks = ((id: EdgeIdentity, m: Record<string, string>) => AmbientMarks) | undefined;

/**
 * Adds the de-duplicated series with a positive value to the graph; `add` puts one series' value on its edge.
 * With ambient marks, `dropHops` leaves out ztunnel's hops into and out of waypoints (TCP).
 */
function* addSeries(g: Graph, samples: readonly TrafficSample[], ids: EdgeIdentities, add: (e: GraphEdge, s: TrafficSample, id: EdgeIdentity) => void, marks: Marks, dropHops: boolean): Paced<void> {
  // Each series is resolved once; de-duplication and the edge share the result.
  const resolved: EdgeIdentity[] = new Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    resolved[i] = ids.of(samples[i]!);
    if (pauseAfter(i)) yield;
  }
  yield* forEachKeptReportPaced(samples, (i) => resolved[i]!.requestKey, (i) => {
    const s = samples[i]!;
    if (!(s.value > 0)) return;
    const id = resolved[i]!;
    const mk = marks?.(id, s.metric);
    if (dropHops && mk?.waypointHop) return;
    const e = edge(g, id);
    add(e, s, id);
    if (mk?.hbone) e.hbone = true;
    // A waypoint terminates the client's mTLS and knows it, like a destination proxy.
    const r = s.metric.reporter;
    if (r === 'destination' || r === 'waypoint') {
      e.securedBase += s.value;
      if (s.metric.connection_security_policy === 'mutual_tls') e.mtlsRate += s.value;
    }
  });
}

/**
 * The waypoint node a waypoint-reported request went through: the one its
 * destination Service uses in the cluster whose waypoint reported it (the
 * scraped cluster, else the client's). Unknown to the fleet: no node, and the
 * edge stays direct (still HBONE).
 */
function markWaypoint(e: GraphEdge, s: TrafficSample, id: EdgeIdentity, ambient: AmbientFacts | undefined): void {
  e.hbone = true;
  if (e.waypoint !== undefined || !ambient) return;
  const m = s.metric;
  const cluster = s.scrapeCluster ?? id.source.cluster;
  const ns = m.destination_service_namespace;
  const name = m.destination_service_name;
  if (!ns || !name) return;
  const wp = ambient.waypointOf(cluster, ns, name) ?? (cluster !== id.destination.cluster ? ambient.waypointOf(id.destination.cluster, ns, name) : undefined);
  if (wp) e.waypoint = waypointNodeId(cluster, wp.namespace, wp.name);
}

/**
 * Step 1: nodes and edges from de-duplicated request and TCP series. Request
 * rates are kept per response class; destination- and waypoint-reported
 * rates also feed the mTLS accumulators (the source proxy cannot see the
 * server's TLS mode). In ambient mode: waypoint-reported edges are HBONE and
 * name their waypoint; ztunnel's TCP hops into and out of a waypoint are
 * dropped (they are the L7 edge's); edges touching an ambient workload are
 * HBONE; an HBONE TCP edge parallel to an L7 edge is folded into it.
 * `identities` resolves request series; pass the same one to
 * responseTimeStep so p95 series reuse the edges' identities.
 */
export function trafficStep(input: TrafficInput, identities: EdgeIdentities = edgeIdentities(input.graphType)): Graph {
  return runToEnd(trafficStepPaced(input, identities));
}

/** trafficStep with pause points (lib/topology/paced.ts). */
export function* trafficStepPaced(input: TrafficInput, identities: EdgeIdentities = edgeIdentities(input.graphType)): Paced<Graph> {
  const g = emptyGraph();
  const marks = ambientLookups(input.ambient);
  yield* addSeries(g, input.requests, identities, (e, s, id) => {
    addRate(e.rates, classifyResponse(s.metric.request_protocol, s.metric.response_code, s.metric.grpc_response_status), s.value);
    if (s.metric.reporter === 'waypoint') markWaypoint(e, s, id, input.ambient);
  }, marks, false);
  yield* addSeries(g, input.tcp, edgeIdentities(input.graphType, 'tcp'), (e, s) => {
    e.tcpBytes += s.value;
  }, marks, true);
  return marks ? foldParallelTcp(g) : g;
}
