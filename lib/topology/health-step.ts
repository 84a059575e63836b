import { requestHealth, type RequestRates } from '../health/request-health';
import type { ReadinessCounts } from '../health/readiness-health';
import { serviceInstanceHealth, workloadHealth } from '../health/instance-health';
import { emptyRates } from '../health/response-class';
import { DEFAULT_TOLERANCES, tolerancesFor, type Tolerance, type ToleranceRule } from '../health/tolerances';
import { edgeRequestHealth } from './edge-health';
import { pauseAfter, runToEnd, type Paced } from './paced';
import type { Graph, GraphNode } from './types';

/** What the health step needs besides the graph. */
export interface HealthOptions {
  tolerances?: readonly ToleranceRule[];
  /** Endpoint/replica counts and proxy sync of a node, from the fleet model. */
  readiness?: (node: GraphNode) => ReadinessCounts | undefined;
  /** Whether the node's cluster had telemetry; without it no traffic means unknown, not idle. */
  telemetryOk?: (cluster: string) => boolean;
}

function sum(into: RequestRates, r: RequestRates): void {
  into.total += r.total;
  into.http5xx += r.http5xx;
  into.http4xx += r.http4xx;
  into.grpc += r.grpc;
  into.noResponse += r.noResponse;
}

/**
 * Step 3: health of every node from its inbound request rates (Kiali's
 * tolerances, per namespace/service rules) combined with readiness and proxy
 * sync; health of every HTTP/gRPC edge from its own rates (reasons written
 * only when read, see edgeRequestHealth).
 */
export function healthStep(g: Graph, opts: HealthOptions = {}): Graph {
  return runToEnd(healthStepPaced(g, opts));
}

/** healthStep with pause points (lib/topology/paced.ts). */
export function* healthStepPaced(g: Graph, opts: HealthOptions = {}): Paced<Graph> {
  let i = 0;
  const inbound = new Map<string, RequestRates>();
  for (const e of g.edges.values()) {
    let r = inbound.get(e.target);
    if (!r) inbound.set(e.target, (r = emptyRates()));
    sum(r, e.rates);
    if (pauseAfter(i++)) yield;
  }
  // Tolerances are per node (namespace and service); an edge is judged by its target's, looked up rather than matched again.
  const tolerancesOf = new Map<string, readonly Tolerance[]>();
  for (const n of g.nodes.values()) {
    const tolerances = n.namespace ? tolerancesFor(opts.tolerances ?? [], n.namespace, n.service ?? n.app ?? n.name) : DEFAULT_TOLERANCES;
    tolerancesOf.set(n.id, tolerances);
    const rates = inbound.get(n.id) ?? (opts.telemetryOk?.(n.cluster) === false ? undefined : emptyRates());
    const readiness = opts.readiness?.(n);
    if (n.kind === 'service') n.health = serviceInstanceHealth(rates, readiness, tolerances);
    else if (n.kind === 'workload' || n.kind === 'app' || n.kind === 'versionedApp' || n.kind === 'waypoint') n.health = workloadHealth(rates, readiness, tolerances);
    else n.health = requestHealth(rates, tolerances);
    if (pauseAfter(i++)) yield;
  }
  for (const e of g.edges.values()) {
    e.health = e.protocol === 'tcp' ? { status: e.tcpBytes > 0 ? 'healthy' : 'idle', reasons: [] } : edgeRequestHealth(e.rates, tolerancesOf.get(e.target) ?? DEFAULT_TOLERANCES);
    if (pauseAfter(i++)) yield;
  }
  return g;
}
