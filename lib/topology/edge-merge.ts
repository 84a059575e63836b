import type { GraphEdge } from './types';

const RATE_KEYS = ['total', 'http5xx', 'http4xx', 'grpc', 'noResponse'] as const;

/** Adds `proto`'s traffic to the hop `e` (gateway and waypoint hops merge the edges that pass through one node). */
export function addHopTraffic(e: GraphEdge, proto: GraphEdge, crossCluster: boolean): GraphEdge {
  for (const k of RATE_KEYS) e.rates[k] += proto.rates[k];
  e.tcpBytes += proto.tcpBytes;
  e.mtlsRate += proto.mtlsRate;
  e.securedBase += proto.securedBase;
  e.mtlsShare = e.securedBase > 0 ? e.mtlsRate / e.securedBase : null;
  // The slower path through a merged hop is its p95 bound.
  e.p95Ms = e.p95Ms === null ? proto.p95Ms : proto.p95Ms === null ? e.p95Ms : Math.max(e.p95Ms, proto.p95Ms);
  e.crossCluster ||= crossCluster;
  return e;
}
