/**
 * The per-series implementation of the steps that were optimised (as of commit
 * 9e60242), kept as the oracle for equivalence tests: it builds node objects and
 * ids for every series, as the code read before memoising. The unchanged steps
 * (dead nodes, mTLS, filter, scope, focus) and node-identity functions are shared.
 */
import { requestHealth, type RequestRates } from '../../health/request-health';
import { serviceInstanceHealth, workloadHealth } from '../../health/instance-health';
import { addRate, classifyResponse, emptyRates } from '../../health/response-class';
import { DEFAULT_TOLERANCES, tolerancesFor } from '../../health/tolerances';
import type { TopologyInput, TopologyStats } from '../build-topology';
import { deadNodesStep } from '../dead-nodes-step';
import type { TopologyElements, TopologyNodeData } from '../elements';
import { filterStep } from '../filter-step';
import { focusStep } from '../focus-step';
import { gatewayNode } from '../gateway-step';
import type { HealthOptions } from '../health-step';
import { mtlsStep } from '../mtls-step';
import { destinationCluster, destinationNode, edgeId, sourceCluster, sourceNode } from '../node-identity';
import { scopeStep } from '../scope-step';
import { emptyGraph, type Graph, type GraphEdge, type GraphNode, type GraphType, type TrafficSample } from '../types';

function requestKey(s: TrafficSample): string {
  const m = s.metric;
  const src = sourceCluster(m, m.reporter === 'source' ? s.scrapeCluster : undefined);
  return [src, m.source_workload_namespace, m.source_workload, destinationCluster(m, src), m.destination_service_namespace, m.destination_service_name, m.destination_workload_namespace, m.destination_workload, m.request_protocol].join('\u0000');
}

export function referenceDedup(samples: readonly TrafficSample[]): TrafficSample[] {
  const withDestination = new Set<string>();
  for (const s of samples) if (s.metric.reporter === 'destination' && Number.isFinite(s.value)) withDestination.add(requestKey(s));
  return samples.filter((s) => Number.isFinite(s.value) && (s.metric.reporter === 'destination' || (s.metric.reporter === 'source' && !withDestination.has(requestKey(s)))));
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

function trafficStep(input: { requests: readonly TrafficSample[]; tcp: readonly TrafficSample[]; graphType: GraphType }): Graph {
  const g = emptyGraph();
  for (const s of referenceDedup(input.requests)) {
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
  for (const s of referenceDedup(input.tcp)) {
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

function healthStep(g: Graph, opts: HealthOptions = {}): Graph {
  const inbound = new Map<string, RequestRates>();
  for (const e of g.edges.values()) {
    let r = inbound.get(e.target);
    if (!r) inbound.set(e.target, (r = emptyRates()));
    r.total += e.rates.total;
    r.http5xx += e.rates.http5xx;
    r.http4xx += e.rates.http4xx;
    r.grpc += e.rates.grpc;
    r.noResponse += e.rates.noResponse;
  }
  for (const n of g.nodes.values()) {
    const tolerances = n.namespace ? tolerancesFor(opts.tolerances ?? [], n.namespace, n.service ?? n.app ?? n.name) : DEFAULT_TOLERANCES;
    const rates = inbound.get(n.id) ?? (opts.telemetryOk?.(n.cluster) === false ? undefined : emptyRates());
    const readiness = opts.readiness?.(n);
    if (n.kind === 'service') n.health = serviceInstanceHealth(rates, readiness, tolerances);
    else if (n.kind === 'workload' || n.kind === 'app' || n.kind === 'versionedApp') n.health = workloadHealth(rates, readiness, tolerances);
    else n.health = requestHealth(rates, tolerances);
  }
  for (const e of g.edges.values()) {
    const target = g.nodes.get(e.target);
    const tolerances = target?.namespace ? tolerancesFor(opts.tolerances ?? [], target.namespace, target.service ?? target.app ?? target.name) : DEFAULT_TOLERANCES;
    e.health = e.protocol === 'tcp' ? { status: e.tcpBytes > 0 ? 'healthy' : 'idle', reasons: [] } : requestHealth(e.rates, tolerances);
  }
  return g;
}

function responseTimeStep(g: Graph, p95: readonly TrafficSample[], graphType: GraphType): Graph {
  const best = new Map<string, { destination?: number; source?: number }>();
  for (const s of p95) {
    if (!Number.isFinite(s.value)) continue;
    const m = s.metric;
    const reporter = m.reporter === 'source' ? 'source' : 'destination';
    const scrape = reporter === 'source' ? s.scrapeCluster : undefined;
    const src = sourceNode(m, graphType, scrape);
    const dst = destinationNode(m, graphType, sourceCluster(m, scrape));
    const id = edgeId(src.id, dst.id, m.request_protocol || 'http');
    const b = best.get(id) ?? {};
    b[reporter] = Math.max(b[reporter] ?? -Infinity, s.value);
    best.set(id, b);
  }
  for (const e of g.edges.values()) {
    const b = best.get(e.id);
    const v = b?.destination ?? b?.source;
    e.p95Ms = v === undefined ? null : Math.round(v * 100) / 100;
  }
  return g;
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

function gatewayStep(g: Graph, networkOf: (cluster: string) => string | undefined): Graph {
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

const r3 = (n: number) => Math.round(n * 1000) / 1000;

function toElements(g: Graph, networkOf: (cluster: string) => string | undefined = () => undefined): TopologyElements {
  const boxes = new Map<string, TopologyNodeData>();
  const nodes: Array<{ data: TopologyNodeData }> = [];
  for (const n of g.nodes.values()) {
    if (n.kind === 'outside') {
      nodes.push({ data: { id: n.id, kind: n.kind, cluster: n.cluster, name: n.name } });
      continue;
    }
    const clusterBox = `cluster:${n.cluster}`;
    if (!boxes.has(clusterBox)) {
      const network = networkOf(n.cluster);
      boxes.set(clusterBox, { id: clusterBox, kind: 'cluster', cluster: n.cluster, name: n.cluster, ...(network ? { network } : {}) });
    }
    let parent = clusterBox;
    if (n.namespace !== undefined) {
      parent = `ns:${n.cluster}/${n.namespace}`;
      if (!boxes.has(parent)) boxes.set(parent, { id: parent, parent: clusterBox, kind: 'namespace', cluster: n.cluster, namespace: n.namespace, name: n.namespace });
      if (n.kind === 'versionedApp' && n.app) {
        const appBox = `appbox:${n.cluster}/${n.namespace}/${n.app}`;
        if (!boxes.has(appBox)) boxes.set(appBox, { id: appBox, parent, kind: 'appBox', cluster: n.cluster, namespace: n.namespace, name: n.app, app: n.app });
        parent = appBox;
      }
    }
    const { health, ...rest } = n;
    nodes.push({ data: { ...rest, parent, ...(health ? { health: health.status, healthReasons: health.reasons } : {}) } });
  }
  const edges = [...g.edges.values()].map((e) => {
    const pct = (v: number) => (e.rates.total > 0 ? r3((v / e.rates.total) * 100) : 0);
    const errors = e.rates.http5xx + e.rates.grpc + e.rates.noResponse;
    return {
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        protocol: e.protocol,
        rps: r3(e.rates.total),
        errorPercent: pct(errors),
        errorRates: { http5xx: pct(e.rates.http5xx), http4xx: pct(e.rates.http4xx), grpc: pct(e.rates.grpc), noResponse: pct(e.rates.noResponse) },
        tcpBytesPerSecond: r3(e.tcpBytes),
        p95Ms: e.p95Ms,
        mtlsShare: e.mtlsShare === null ? null : r3(e.mtlsShare),
        crossCluster: e.crossCluster,
        crossNetwork: e.crossNetwork,
        ...(e.via ? { via: e.via } : {}),
        ...(e.health ? { health: e.health.status, healthReasons: e.health.reasons } : {}),
      },
    };
  });
  const byId = <T extends { data: { id: string } }>(a: T, b: T) => (a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0);
  return { nodes: [...[...boxes.values()].map((data) => ({ data })), ...nodes].sort(byId), edges: edges.sort(byId) };
}

/** buildTopology as it read at 9e60242. */
export function referenceBuildTopology(input: TopologyInput): { elements: TopologyElements; stats: TopologyStats } {
  let g = trafficStep(input);
  g = deadNodesStep(g, { inventory: input.inventory, hideIdle: input.hideIdle });
  g = healthStep(g, input);
  g = mtlsStep(g);
  g = responseTimeStep(g, input.p95, input.graphType);
  g = gatewayStep(g, input.networkOf ?? (() => undefined));
  g = filterStep(g, input);
  g = scopeStep(g, input.allows);
  g = focusStep(g, input.focus, input.hops ?? 1);
  const elements = toElements(g, input.networkOf);
  const nodes = [...g.nodes.values()].filter((n) => n.kind !== 'outside');
  const edges = [...g.edges.values()];
  return {
    elements,
    stats: {
      nodes: g.nodes.size,
      edges: edges.length,
      clusters: new Set(nodes.map((n) => n.cluster)).size,
      namespaces: new Set(nodes.filter((n) => n.namespace !== undefined).map((n) => `${n.cluster}/${n.namespace}`)).size,
      totalRps: Math.round(edges.filter((e) => !e.source.startsWith('gw:')).reduce((a, e) => a + e.rates.total, 0) * 1000) / 1000,
      crossClusterEdges: edges.filter((e) => e.crossCluster).length,
    },
  };
}
