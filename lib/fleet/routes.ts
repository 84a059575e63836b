import { z } from 'zod';
import { conditionSchema } from './dataplane-schema';

/** One parent of a route in one cluster, with the conditions its controller wrote for it. */
export const routeParentSchema = z.object({
  /** 'Gateway istio-ingress/public:http', 'Service shop/cart:8080' (section or port only when the parentRef names one). */
  parent: z.string(),
  accepted: conditionSchema.optional(),
  resolvedRefs: conditionSchema.optional(),
});
export type RouteParent = z.infer<typeof routeParentSchema>;

/** A route's part in one cluster: its parents there (none for a VirtualService). */
export const routeClusterSchema = z.object({
  cluster: z.string(),
  parents: z.array(routeParentSchema),
});

/** Where a route sends traffic: a Service as 'ns/name' (or a host for a VirtualService), with its weight when set. */
export const routeBackendSchema = z.object({
  service: z.string(),
  weight: z.number().optional(),
});

/**
 * A route that sends traffic to a service: a Gateway API HTTPRoute or
 * GRPCRoute naming it as a backend or a Service parent (GAMMA), or an Istio
 * VirtualService routing to its host, shown side by side.
 */
export const serviceRouteSchema = z.object({
  kind: z.enum(['HTTPRoute', 'GRPCRoute', 'VirtualService']),
  namespace: z.string(),
  name: z.string(),
  clusters: z.array(routeClusterSchema),
  backends: z.array(routeBackendSchema),
});
export type ServiceRoute = z.infer<typeof serviceRouteSchema>;
