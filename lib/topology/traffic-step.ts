import { addRate, classifyResponse, emptyRates } from '../health/response-class';
import { dedupReports } from './dedup';
import { destinationNode, edgeId, sourceNode, sourceCluster } from './node-identity';
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

function edge(g: Graph, src: GraphNode, dst: GraphNode, protocol: string): GraphEdge {
  const id = edgeId(src.id, dst.id, protocol);
  let e = g.edges.get(id);
  if (!e) {
    e = { id, source: src.id, target: dst.id, protocol, rates: emptyRates(), tcpBytes: 0, mtlsRate: 0, securedBase: 0, mtlsShare: null, p95Ms: null, crossCluster: src.cluster !== dst.cluster && src.kind !== 'unknown', crossNetwork: false };
    g.edges.set(id, e);
  }
  return e;
}

/**
 * Step 1: nodes and edges from de-duplicated request and TCP series. Request
 * rates are kept per response class; destination-reported rates also feed the
 * mTLS accumulators (the source proxy cannot see the server's TLS mode).
 */
export function trafficStep(input: TrafficInput): Graph {
  const g = emptyGraph();
  for (const s of dedupReports(input.requests)) {
    if (!(s.value > 0)) continue;
    const m = s.metric;
    const src = node(g, sourceNode(m, input.graphType, m.reporter === 'source' ? s.scrapeCluster : undefined));
    const dst = node(g, destinationNode(m, input.graphType, sourceCluster(m, m.reporter === 'source' ? s.scrapeCluster : undefined)));
    const e = edge(g, src, dst, m.request_protocol || 'http');
    addRate(e.rates, classifyResponse(m.request_protocol, m.response_code, m.grpc_response_status), s.value);
    if (m.reporter === 'destination') {
      e.securedBase += s.value;
      if (m.connection_security_policy === 'mutual_tls') e.mtlsRate += s.value;
    }
  }
  for (const s of dedupReports(input.tcp)) {
    if (!(s.value > 0)) continue;
    const m = s.metric;
    const src = node(g, sourceNode(m, input.graphType, m.reporter === 'source' ? s.scrapeCluster : undefined));
    const dst = node(g, destinationNode(m, input.graphType, sourceCluster(m, m.reporter === 'source' ? s.scrapeCluster : undefined)));
    const e = edge(g, src, dst, 'tcp');
    e.tcpBytes += s.value;
    if (m.reporter === 'destination') {
      e.securedBase += s.value;
      if (m.connection_security_policy === 'mutual_tls') e.mtlsRate += s.value;
    }
  }
  return g;
}
