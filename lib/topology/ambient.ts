import type { GraphNode } from './types';

/** A waypoint by namespace and name (lib/fleet/dataplane.ts WaypointRef). */
export interface WaypointName {
  namespace: string;
  name: string;
}

/**
 * What the graph needs to know about ambient mode, as plain lookups over
 * metric label values (cluster, namespace, workload or service name). The
 * server answers them from the fleet model (server/telemetry/fleet-facts.ts);
 * absent, the graph is built as for sidecars only.
 */
export interface AmbientFacts {
  /** False when the fleet has no ambient workload and no waypoint: the steps skip every lookup. */
  any: boolean;
  /** Whether the workload is a waypoint proxy (its ztunnel hops are parts of an L7 edge). */
  isWaypoint(cluster: string, namespace: string, workload: string): boolean;
  /** Whether the workload's pods are captured by ztunnel (their traffic is carried over HBONE). */
  isAmbient(cluster: string, namespace: string, workload: string): boolean;
  /** The waypoint a Service uses in a cluster (istio.io/use-waypoint on the Service or its namespace). */
  waypointOf(cluster: string, namespace: string, service: string): WaypointName | undefined;
}

/** The id of a waypoint's node: `wp:<cluster>/<namespace>/<name>`. */
export const waypointNodeId = (cluster: string, namespace: string, name: string): string => `wp:${cluster}/${namespace}/${name}`;

/** A waypoint's node (kind 'waypoint'); its Deployment is named after its Gateway. */
export function waypointNode(cluster: string, namespace: string, name: string): GraphNode {
  return { id: waypointNodeId(cluster, namespace, name), kind: 'waypoint', cluster, namespace, name, workload: name };
}
