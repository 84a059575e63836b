import { z } from 'zod';

/** Ambient mode in one cluster, as counts for the cluster list. */
export const ambientCountsSchema = z.object({
  /** Nodes that run a ztunnel pod. */
  ztunnelNodes: z.number().int(),
  /** Of those, nodes whose ztunnel pod is ready. */
  ztunnelReady: z.number().int(),
  /** Namespaces labelled istio.io/dataplane-mode=ambient (of those the caller may see). */
  ambientNamespaces: z.number().int(),
  /** Waypoint Gateways (of those the caller may see). */
  waypoints: z.number().int(),
});
export type AmbientCounts = z.infer<typeof ambientCountsSchema>;

/** The ztunnel of one Node: its pod and whether it is ready, or `missing` when the node has none. */
export const ztunnelSchema = z.object({
  node: z.string(),
  pod: z.string().optional(),
  state: z.enum(['ready', 'not-ready', 'missing']),
  /** The ztunnel image tag. */
  version: z.string().optional(),
  /** Ambient pods scheduled on this node (their traffic goes through this ztunnel). */
  ambientPods: z.number().int(),
});
export type Ztunnel = z.infer<typeof ztunnelSchema>;

/** A waypoint Gateway in one cluster, its pods, and what is bound to it. */
export const waypointSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  /** istio.io/waypoint-for: the traffic it takes. */
  for: z.enum(['service', 'workload', 'all', 'none']),
  /** Ready pods labelled gateway.networking.k8s.io/gateway-name=<name>. */
  ready: z.number().int(),
  /** The pods its Deployment asks for (or, without one, the pods found). */
  desired: z.number().int(),
  /** The Gateway's Programmed condition, when its controller wrote one. */
  programmed: z.boolean().optional(),
  /** Services that use it, as 'ns/name'. */
  services: z.array(z.string()),
  /** Namespaces whose istio.io/use-waypoint names it. */
  namespaces: z.array(z.string()),
});
export type Waypoint = z.infer<typeof waypointSchema>;
