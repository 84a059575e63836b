import { z } from 'zod';
import { pagingQuerySchema } from './paging';

/** Where an Admiral identity runs in one cluster: a workload, its pods, and how remote clusters reach it. */
export const identityEndpointSchema = z.object({
  cluster: z.string(),
  namespace: z.string(),
  workload: z.object({ kind: z.string(), name: z.string() }),
  pods: z.number().int(),
  readyPods: z.number().int(),
  /** Regions of the cluster's nodes (the locality GTP targets name). */
  regions: z.array(z.string()),
  network: z.string().optional(),
  /** The cluster's east-west gateway on 15443, the address other clusters' ServiceEntries point at. */
  gateway: z.object({ address: z.string(), port: z.number().int() }).optional(),
});
export type IdentityEndpoint = z.infer<typeof identityEndpointSchema>;

/** One `spec.policy[]` entry of a GlobalTrafficPolicy that selects the identity. */
export const identityTrafficPolicySchema = z.object({
  /** The GlobalTrafficPolicy object it comes from. */
  source: z.object({ cluster: z.string(), namespace: z.string(), name: z.string() }),
  dnsPrefix: z.string(),
  host: z.string(),
  lbType: z.enum(['topology', 'failover', 'unknown']),
  lbTypeCode: z.number().int(),
  /** Weights by region, with the clusters of the identity in that region. */
  targets: z.array(z.object({ region: z.string(), weight: z.number(), clusters: z.array(z.string()) })),
});
export type IdentityTrafficPolicy = z.infer<typeof identityTrafficPolicySchema>;

/** An Admiral identity as a global name: `<env>.<identity>.global`. */
export const identitySchema = z.object({
  name: z.string(),
  identity: z.string(),
  env: z.string(),
  clusters: z.array(z.string()),
  endpoints: z.array(identityEndpointSchema),
  trafficPolicies: z.array(identityTrafficPolicySchema),
  /** From Dependency objects: identities this one calls, identities calling it, and the clusters where its callers run (where Admiral puts its config). */
  dependencies: z.object({ dependsOn: z.array(z.string()), dependents: z.array(z.string()), dependentClusters: z.array(z.string()) }),
});
export type Identity = z.infer<typeof identitySchema>;

/** Query of GET /api/v1/identities. */
export const identitiesQuerySchema = pagingQuerySchema.extend({
  q: z.string().max(200).optional(),
  env: z.string().min(1).max(63).optional(),
});
export type IdentitiesQuery = z.infer<typeof identitiesQuerySchema>;
