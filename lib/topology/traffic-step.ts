import { addRate, classifyResponse, emptyRates } from '../health/response-class';
import { forEachKeptReportPaced } from './dedup';
import { edgeIdentities, type EdgeIdentities, type EdgeIdentity } from './node-identity';
import { pauseAfter, runToEnd, type Paced } from './paced';
import { emptyGraph, type Graph, type GraphEdge, type GraphNode, type GraphType, type TrafficSample } from './types';

/** Input of the traffic step: request-rate and TCP byte series from both reporters. */
export interface TrafficInput {
  requests: readonly TrafficSample[];
  tcp: readonly TrafficSample[];
  graphType: GraphType;
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

/** Adds the de-duplicated series with a positive value to the graph; `add` puts one series' value on its edge. */
function* addSeries(g: Graph, samples: readonly TrafficSample[], ids: EdgeIdentities, add: (e: GraphEdge, s: TrafficSample) => void): Paced<void> {
  // Each series is resolved once; de-duplication and the edge share the result.
  const resolved: EdgeIdentity[] = new Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    resolved[i] = ids.of(samples[i]!);
    if (pauseAfter(i)) yield;
  }
  yield* forEachKeptReportPaced(samples, (i) => resolved[i]!.requestKey, (i) => {
    const s = samples[i]!;
    if (!(s.value > 0)) return;
    const e = edge(g, resolved[i]!);
    add(e, s);
    if (s.metric.reporter === 'destination') {
      e.securedBase += s.value;
      if (s.metric.connection_security_policy === 'mutual_tls') e.mtlsRate += s.value;
    }
  });
}

/**
 * Step 1: nodes and edges from de-duplicated request and TCP series. Request
 * rates are kept per response class; destination-reported rates also feed the
 * mTLS accumulators (the source proxy cannot see the server's TLS mode).
 * `identities` resolves request series; pass the same one to responseTimeStep
 * so p95 series reuse the edges' identities.
 */
export function trafficStep(input: TrafficInput, identities: EdgeIdentities = edgeIdentities(input.graphType)): Graph {
  return runToEnd(trafficStepPaced(input, identities));
}

/** trafficStep with pause points (lib/topology/paced.ts). */
export function* trafficStepPaced(input: TrafficInput, identities: EdgeIdentities = edgeIdentities(input.graphType)): Paced<Graph> {
  const g = emptyGraph();
  yield* addSeries(g, input.requests, identities, (e, s) => addRate(e.rates, classifyResponse(s.metric.request_protocol, s.metric.response_code, s.metric.grpc_response_status), s.value));
  yield* addSeries(g, input.tcp, edgeIdentities(input.graphType, 'tcp'), (e, s) => {
    e.tcpBytes += s.value;
  });
  return g;
}
