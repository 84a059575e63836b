import type { Health } from '../health/health-status';
import type { RequestRates } from '../health/request-health';

/** Kiali's graph types: one node per workload, per app, per app version, or per service. */
export const GRAPH_TYPES = ['workload', 'app', 'versionedApp', 'service'] as const;
export type GraphType = (typeof GRAPH_TYPES)[number];

/**
 * What a node stands for; unknown sources, ServiceEntry hosts, PassthroughCluster
 * and east-west gateways get their own; `outside` is the one node standing for
 * everything outside a scoped caller's workspaces (no cluster, no namespace).
 */
export type NodeKind = 'workload' | 'app' | 'versionedApp' | 'service' | 'serviceEntry' | 'unknown' | 'passthrough' | 'gateway' | 'waypoint' | 'outside';

/** One Prometheus series as the topology reads it (labels, value, the cluster whose source answered). */
export interface TrafficSample {
  metric: Record<string, string>;
  value: number;
  scrapeCluster?: string;
}

/** A node of the graph before it is shaped into elements. Ids include the cluster. */
export interface GraphNode {
  id: string;
  kind: NodeKind;
  cluster: string;
  namespace?: string;
  name: string;
  app?: string;
  version?: string;
  workload?: string;
  service?: string;
  health?: Health;
  /** Known from the fleet model but carrying no traffic in the window. */
  idle?: boolean;
}

/** An edge with the accumulators steps need; ids are `<source>-><target>:<protocol>`. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  protocol: string;
  rates: RequestRates;
  tcpBytes: number;
  /** Destination-reported rate over mutual TLS, and the destination-reported total it is a share of. */
  mtlsRate: number;
  securedBase: number;
  mtlsShare: number | null;
  p95Ms: number | null;
  crossCluster: boolean;
  crossNetwork: boolean;
  /** The east-west gateway node this hop passes through. */
  via?: string;
  /** Carried over HBONE (ambient: ztunnel or a waypoint on the path), mutual TLS by construction. */
  hbone?: boolean;
  /** The waypoint node (kind 'waypoint') an ambient L7 edge passes through. */
  waypoint?: string;
  health?: Health;
}

export interface Graph {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
}

export const emptyGraph = (): Graph => ({ nodes: new Map(), edges: new Map() });
