/**
 * The traffic model: per edge a request rate, an outcome mix, a latency
 * distribution and message sizes. Counters are the integral of those rates
 * over wall-clock time since the model started, so Prometheus' rate() over
 * them returns the modelled numbers. Changing parameters (scenarios) re-anchors
 * the integral at that instant, so counters never go backwards.
 */
import type { ErrorSpec, FleetSpec, LatencySpec, TrafficEdgeSpec, WorkloadSpec } from '../fleet/types';
import { BYTE_BUCKETS, DURATION_BUCKETS_MS, LogNormal, pointMassFractions } from './distribution';
import { edgeLabelPairs, renderLabels, workloadSide, type Side } from './labels';

/** The effective parameters of an edge (spec defaults plus the current scenario's adjustment). */
export interface EdgeParams {
  rps: number;
  errors: ErrorSpec[];
  latency: LatencySpec;
  requestBytes: number;
  responseBytes: number;
  tcpSentBytes: number;
  tcpReceivedBytes: number;
}

/** An edge of the model with its rendered label sets. */
export interface ModelEdge {
  id: string;
  spec: TrafficEdgeSpec;
  sourceCluster: string;
  destinationCluster: string;
  /** Rendered labels for reporter="source" and reporter="destination" (without outcome labels). */
  labels: { source: string; destination: string };
  /** Both ends as Istio labels them, for the series ambient reporters (ztunnel, waypoints) render. */
  sides: { source: Side; destination: Side };
  /** The trust domain of the source's mesh (principals of both ends use it). */
  trustDomain: string;
}

/**
 * A failure on the path of an edge that the scenario did not ask for but the
 * cluster state implies: `no-healthy-upstream` when the edge goes through a
 * waypoint with no ready pod (clients get 503 "UH"; tcp connects nowhere).
 */
export type PathFault = 'no-healthy-upstream';

/** Decides an edge's path fault from the cluster state at a scrape. */
export type PathFaultOf = (edge: ModelEdge) => PathFault | undefined;

/** Returns overrides for an edge, or undefined to leave it as specified. */
export type EdgeAdjuster = (edge: ModelEdge) => Partial<EdgeParams> | undefined;

export interface Outcome {
  key: string;
  code: string;
  grpc: string;
  flags: string;
  ratio: number;
}

// Layout of one outcome's float totals: count, sums, then bucket counters.
const D0 = 4;
const R0 = D0 + DURATION_BUCKETS_MS.length;
const S0 = R0 + BYTE_BUCKETS.length;
const WIDTH = S0 + BYTE_BUCKETS.length;
export const SLOT = { count: 0, durationSum: 1, requestBytesSum: 2, responseBytesSum: 3, durationBuckets: D0, requestBuckets: R0, responseBuckets: S0 } as const;

interface EdgeState {
  edge: ModelEdge;
  params: EdgeParams;
  outcomes: Outcome[];
  /** Per outcome key: totals per second (http) ; for tcp one key 'tcp' with [opened, closed, sent, received]. */
  rates: Map<string, Float64Array>;
  anchorMs: number;
  anchor: Map<string, Float64Array>;
  fault: PathFault | undefined;
}

/** Outcome totals of an edge at an instant. */
export interface EdgeTotals {
  edge: ModelEdge;
  outcomes: Array<{ outcome: Outcome; totals: Float64Array }>;
}

function baseParams(spec: TrafficEdgeSpec): EdgeParams {
  return {
    rps: spec.rps,
    errors: spec.errors ?? [],
    latency: spec.latency ?? { p50Ms: 10, p99Ms: 50 },
    requestBytes: spec.requestBytes ?? 400,
    responseBytes: spec.responseBytes ?? 2000,
    tcpSentBytes: spec.tcpSentBytes ?? 1000,
    tcpReceivedBytes: spec.tcpReceivedBytes ?? 1000,
  };
}

function outcomesOf(spec: TrafficEdgeSpec, p: EdgeParams): Outcome[] {
  const grpc = spec.protocol === 'grpc';
  const errors = p.errors.filter((e) => e.ratio > 0);
  const errorShare = Math.min(1, errors.reduce((a, e) => a + e.ratio, 0));
  const mk = (code: string, grpcStatus: string, flags: string, ratio: number): Outcome => ({ key: `${code}|${grpcStatus}|${flags}`, code, grpc: grpcStatus, flags, ratio });
  const out = [mk('200', grpc ? '0' : '', '-', 1 - errorShare)];
  for (const e of errors) {
    const flags = e.responseFlags ?? (e.code === '0' ? 'UF' : '-');
    out.push(mk(e.code, e.grpcStatus ?? (grpc ? (e.code === '200' ? '2' : '14') : ''), flags, e.ratio / Math.max(1, errorShare)));
  }
  return out;
}

/** What clients see on a path with no healthy upstream: every request 503 "UH" (gRPC UNAVAILABLE). */
function faultOutcomes(spec: TrafficEdgeSpec): Outcome[] {
  const grpc = spec.protocol === 'grpc' ? '14' : '';
  return [{ key: `503|${grpc}|UH`, code: '503', grpc, flags: 'UH', ratio: 1 }];
}

function ratesOf(spec: TrafficEdgeSpec, p: EdgeParams, outcomes: Outcome[]): Map<string, Float64Array> {
  const rates = new Map<string, Float64Array>();
  if (spec.protocol === 'tcp') {
    rates.set('tcp', Float64Array.from([p.rps, p.rps, p.rps * p.tcpSentBytes, p.rps * p.tcpReceivedBytes]));
    return rates;
  }
  const dist = new LogNormal(p.latency.p50Ms, p.latency.p99Ms);
  const dur = DURATION_BUCKETS_MS.map((le) => dist.cdf(le));
  const req = pointMassFractions(p.requestBytes, BYTE_BUCKETS);
  const resp = pointMassFractions(p.responseBytes, BYTE_BUCKETS);
  const mean = dist.mean();
  for (const o of outcomes) {
    const r = new Float64Array(WIDTH);
    const n = p.rps * o.ratio;
    r[SLOT.count] = n;
    r[SLOT.durationSum] = n * mean;
    r[SLOT.requestBytesSum] = n * p.requestBytes;
    r[SLOT.responseBytesSum] = n * p.responseBytes;
    dur.forEach((f, i) => (r[D0 + i] = n * f));
    req.forEach((f, i) => (r[R0 + i] = n * f));
    resp.forEach((f, i) => (r[S0 + i] = n * f));
    rates.set(o.key, r);
  }
  return rates;
}

const edgeId = (e: TrafficEdgeSpec) =>
  `${e.source.cluster}/${e.source.namespace}/${e.source.workload}->${e.destination.cluster}/${e.destination.namespace}/${e.destination.workload}`;

/** The fleet's traffic, as counters that advance with wall-clock time. */
export class TrafficModel {
  private readonly states: EdgeState[] = [];
  private readonly byCluster = new Map<string, { source: EdgeState[]; destination: EdgeState[] }>();
  private adjuster: EdgeAdjuster | undefined;

  constructor(fleet: FleetSpec, private readonly clock: () => number = Date.now) {
    const workloads = new Map<string, WorkloadSpec>(fleet.workloads.map((w) => [`${w.cluster}/${w.namespace}/${w.name}`, w]));
    const meshOf = new Map(fleet.clusters.map((c) => [c.name, c.mesh]));
    const trust = new Map(fleet.meshes.map((m) => [m.id, m.trustDomain]));
    const now = this.clock();
    for (const spec of fleet.edges) {
      const src = workloads.get(`${spec.source.cluster}/${spec.source.namespace}/${spec.source.workload}`);
      const dst = workloads.get(`${spec.destination.cluster}/${spec.destination.namespace}/${spec.destination.workload}`);
      const td = trust.get(meshOf.get(spec.source.cluster) ?? '') ?? 'cluster.local';
      const edge: ModelEdge = {
        sides: { source: workloadSide(spec.source, src, td), destination: workloadSide(spec.destination, dst, td) },
        trustDomain: td,
        id: edgeId(spec),
        spec,
        sourceCluster: spec.source.cluster,
        destinationCluster: spec.destination.cluster,
        labels: {
          source: renderLabels(edgeLabelPairs(spec, 'source', src, dst, td)),
          destination: renderLabels(edgeLabelPairs(spec, 'destination', src, dst, td)),
        },
      };
      const params = baseParams(spec);
      const outcomes = outcomesOf(spec, params);
      const state: EdgeState = { edge, params, outcomes, rates: ratesOf(spec, params, outcomes), anchorMs: now, anchor: new Map(), fault: undefined };
      this.states.push(state);
      this.slot(edge.sourceCluster).source.push(state);
      this.slot(edge.destinationCluster).destination.push(state);
    }
  }

  private slot(cluster: string) {
    let s = this.byCluster.get(cluster);
    if (!s) this.byCluster.set(cluster, (s = { source: [], destination: [] }));
    return s;
  }

  get edges(): ModelEdge[] {
    return this.states.map((s) => s.edge);
  }

  /** Installs (or clears) the scenario's adjustment; counters are re-anchored first so history is kept. */
  setAdjuster(adjuster: EdgeAdjuster | undefined): void {
    const now = this.clock();
    this.adjuster = adjuster;
    for (const s of this.states) this.reanchor(s, now);
  }

  /** Freezes an edge's totals at `now` and restarts its rates from the current adjuster and path fault. */
  private reanchor(s: EdgeState, now: number): void {
    s.anchor = this.totalsAt(s, now);
    s.anchorMs = now;
    s.params = { ...baseParams(s.edge.spec), ...(this.adjuster?.(s.edge) ?? {}) };
    s.outcomes = s.fault ? faultOutcomes(s.edge.spec) : outcomesOf(s.edge.spec, s.params);
    s.rates = s.fault && s.edge.spec.protocol === 'tcp' ? new Map() : ratesOf(s.edge.spec, s.params, s.outcomes);
  }

  /** Applies the path fault the cluster state implies for each edge (re-anchoring only edges whose fault changed). */
  private syncFaults(states: EdgeState[], faultOf: PathFaultOf, now: number): void {
    for (const s of states) {
      const fault = faultOf(s.edge);
      if (fault === s.fault) continue;
      s.fault = fault;
      this.reanchor(s, now);
    }
  }

  /** Re-evaluates the current adjuster (for scenarios whose adjustment changes over time). */
  refresh(): void {
    this.setAdjuster(this.adjuster);
  }

  /** The effective parameters of every edge now (what rate() should return). */
  currentParams(): Array<{ edge: ModelEdge; params: EdgeParams; outcomes: Outcome[] }> {
    return this.states.map((s) => ({ edge: s.edge, params: s.params, outcomes: s.outcomes }));
  }

  private totalsAt(s: EdgeState, nowMs: number): Map<string, Float64Array> {
    const dt = Math.max(0, nowMs - s.anchorMs) / 1000;
    const out = new Map<string, Float64Array>();
    for (const [key, a] of s.anchor) out.set(key, Float64Array.from(a));
    for (const [key, r] of s.rates) {
      let t = out.get(key);
      if (!t) out.set(key, (t = new Float64Array(r.length)));
      for (let i = 0; i < r.length; i++) t[i] = (t[i] ?? 0) + (r[i] ?? 0) * dt;
    }
    return out;
  }

  /**
   * Totals of the edges a cluster's proxies report: as source (client side) and as destination (server side).
   * `faultOf` first brings each edge's path fault up to date with the cluster state, so counters of the
   * outcomes it replaces stop at that instant and never go backwards.
   */
  clusterTotals(cluster: string, nowMs = this.clock(), faultOf?: PathFaultOf): { source: EdgeTotals[]; destination: EdgeTotals[] } {
    const slot = this.byCluster.get(cluster) ?? { source: [], destination: [] };
    if (faultOf) {
      this.syncFaults(slot.source, faultOf, nowMs);
      this.syncFaults(slot.destination, faultOf, nowMs);
    }
    const conv = (s: EdgeState): EdgeTotals => {
      const totals = this.totalsAt(s, nowMs);
      const known = new Map<string, Outcome>();
      for (const o of s.outcomes) known.set(o.key, o);
      return {
        edge: s.edge,
        outcomes: [...totals].map(([key, t]) => {
          const [code = '', grpc = '', flags = ''] = key.split('|');
          return { outcome: known.get(key) ?? { key, code, grpc, flags, ratio: 0 }, totals: t };
        }),
      };
    };
    return { source: slot.source.map(conv), destination: slot.destination.map(conv) };
  }

  clusters(): string[] {
    return [...this.byCluster.keys()];
  }
}
