import { z } from 'zod';
import { dataplaneModeSchema } from './dataplane-schema';
import { pagingQuerySchema } from './paging';
import { meshParam } from './services';

/** One workload (Deployment or other owner of pods) in one cluster. */
export const workloadSchema = z.object({
  cluster: z.string(),
  namespace: z.string(),
  kind: z.string(),
  name: z.string(),
  canonicalService: z.string(),
  canonicalRevision: z.string(),
  istioRevision: z.string().optional(),
  desiredReplicas: z.number().int().optional(),
  pods: z.number().int(),
  readyPods: z.number().int(),
  proxies: z.number().int(),
  proxyVersions: z.array(z.string()),
  identity: z.string().optional(),
  /** How its pods' traffic is captured: the majority of its pods, else what its namespace asks for. */
  dataplane: dataplaneModeSchema,
});
export type Workload = z.infer<typeof workloadSchema>;

/**
 * Workloads grouped by mesh, namespace, canonical service and canonical revision,
 * across that mesh's clusters: namespace sameness holds within a mesh only, so the
 * same canonical service in another mesh is another group.
 */
export const workloadGroupSchema = z.object({
  /** The clusters' mesh ID; '' for clusters without one (they form one group, as for services). */
  mesh: z.string(),
  namespace: z.string(),
  canonicalService: z.string(),
  canonicalRevision: z.string(),
  clusters: z.array(z.string()),
  workloads: z.array(workloadSchema),
});
export type WorkloadGroup = z.infer<typeof workloadGroupSchema>;

export const workloadsQuerySchema = pagingQuerySchema.extend({
  cluster: z.string().min(1).optional(),
  /** Groups of this mesh only ('' : clusters without a mesh ID). */
  mesh: meshParam.optional(),
  namespace: z.string().min(1).optional(),
  q: z.string().max(200).optional(),
  /** Workloads in this data-plane mode only (a group keeps just those). */
  dataplane: dataplaneModeSchema.optional(),
});
export type WorkloadsQuery = z.infer<typeof workloadsQuerySchema>;
