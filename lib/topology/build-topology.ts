import type { AmbientFacts } from './ambient';
import { deadNodesStep } from './dead-nodes-step';
import { toElementsPaced, type TopologyElements } from './elements';
import { filterStep, type FilterOptions } from './filter-step';
import { focusStep } from './focus-step';
import { gatewayStepPaced } from './gateway-step';
import { healthStepPaced, type HealthOptions } from './health-step';
import { mtlsStep } from './mtls-step';
import { edgeIdentities } from './node-identity';
import { runToEnd, type Paced } from './paced';
import { responseTimeStepPaced } from './response-time-step';
import { scopeStep, type ScopeAllows } from './scope-step';
import { trafficStepPaced } from './traffic-step';
import type { GraphNode, GraphType, TrafficSample } from './types';
import { waypointStepPaced } from './waypoint-step';

/** Everything a topology is built from: series, fleet facts as plain functions, and the caller's parameters. */
export interface TopologyInput extends HealthOptions, FilterOptions {
  graphType: GraphType;
  requests: readonly TrafficSample[];
  tcp: readonly TrafficSample[];
  p95: readonly TrafficSample[];
  inventory?: readonly GraphNode[];
  hideIdle: boolean;
  networkOf?: (cluster: string) => string | undefined;
  /** Ambient facts of the fleet (waypoints, ambient workloads); absent, the graph is read as sidecars only. */
  ambient?: AmbientFacts;
  focus?: string;
  hops?: number;
  /** The caller's visibility; absent for callers who see the whole fleet. */
  allows?: ScopeAllows;
  /** Also write each edge's errorRates, healthReasons and via (GET /api/v1/topology?detail=edges); the page reads none of them. */
  edgeDetail?: boolean;
}

/** Counts for the UI's legend and for logs. */
export interface TopologyStats {
  nodes: number;
  edges: number;
  clusters: number;
  namespaces: number;
  totalRps: number;
  crossClusterEdges: number;
}

/**
 * Builds the graph by Kiali's ordered steps, each a pure function:
 * traffic -> dead nodes -> health -> mTLS -> response time, then the
 * waypoint hop and the east-west gateway hop, the caller's filters, the caller's scope (everything
 * outside collapsed into one node), focus, and elements.
 */
export function buildTopology(input: TopologyInput): BuiltTopology {
  return runToEnd(buildTopologyPaced(input));
}

/** What buildTopology returns. */
export interface BuiltTopology {
  elements: TopologyElements;
  stats: TopologyStats;
}

/**
 * buildTopology with pause points (lib/topology/paced.ts): the heavy steps
 * pause every few hundred series, nodes or edges, the light ones (one pass
 * each, nothing allocated per item) between steps.
 */
export function* buildTopologyPaced(input: TopologyInput): Paced<BuiltTopology> {
  // One memo of edge identities for the request and p95 series: both group by the same edge labels.
  const identities = edgeIdentities(input.graphType);
  let g = yield* trafficStepPaced(input, identities);
  g = deadNodesStep(g, { inventory: input.inventory, hideIdle: input.hideIdle });
  yield;
  g = yield* healthStepPaced(g, input);
  g = mtlsStep(g);
  g = yield* responseTimeStepPaced(g, input.p95, input.graphType, identities);
  // Before the gateway step: a waypoint runs in the client's cluster, so its hop out may cross networks.
  if (input.ambient?.any) g = yield* waypointStepPaced(g, input.readiness);
  g = yield* gatewayStepPaced(g, input.networkOf ?? (() => undefined));
  g = filterStep(g, input);
  yield;
  g = scopeStep(g, input.allows);
  yield;
  g = focusStep(g, input.focus, input.hops ?? 1);
  yield;
  const elements = yield* toElementsPaced(g, input.networkOf, { edgeDetail: input.edgeDetail });
  // The outside node stands for many clusters and namespaces: it counts as a node, not as a place.
  const clusters = new Set<string>();
  const namespaces = new Set<string>();
  for (const n of g.nodes.values()) {
    if (n.kind === 'outside') continue;
    clusters.add(n.cluster);
    if (n.namespace !== undefined) namespaces.add(`${n.cluster}/${n.namespace}`);
  }
  let totalRps = 0;
  let crossClusterEdges = 0;
  for (const e of g.edges.values()) {
    // Hops through a gateway or a waypoint would count twice; count each request once, at the hop out of its client.
    if (!e.source.startsWith('gw:') && !e.source.startsWith('wp:')) totalRps += e.rates.total;
    if (e.crossCluster) crossClusterEdges++;
  }
  return {
    elements,
    stats: { nodes: g.nodes.size, edges: g.edges.size, clusters: clusters.size, namespaces: namespaces.size, totalRps: Math.round(totalRps * 1000) / 1000, crossClusterEdges },
  };
}
