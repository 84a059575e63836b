import { z } from 'zod';
import { pagingQuerySchema } from './paging';

export const xdsSyncStateSchema = z.enum(['SYNCED', 'STALE', 'NOT SENT']);

/** One istiod revision in one cluster. */
export const controlPlaneSchema = z.object({
  cluster: z.string(),
  revision: z.string(),
  namespace: z.string(),
  version: z.string().optional(),
  pods: z.array(z.object({ name: z.string(), ready: z.boolean() })),
  rootCert: z.object({ fingerprint: z.string().optional(), notAfter: z.string().optional(), error: z.string().optional() }).optional(),
  /** Whether every namespace's istio-ca-root-cert in this cluster has the same fingerprint. */
  rootCertConsistent: z.boolean(),
  discoveredClusters: z.array(z.object({ id: z.string(), secretName: z.string().optional(), syncStatus: z.string() })),
  networkGateways: z.array(z.object({ network: z.string(), cluster: z.string(), address: z.string(), port: z.number() })),
  proxies: z.object({ total: z.number().int(), synced: z.number().int(), stale: z.number().int(), notSent: z.number().int() }),
  /** How the last poll of istiod's debug endpoints went. */
  poll: z.object({ state: z.enum(['pending', 'ok', 'error']), error: z.string().optional(), lastPolledAt: z.string().optional() }),
});
export type ControlPlane = z.infer<typeof controlPlaneSchema>;

/** One proxy's xDS sync as istioctl proxy-status shows it. */
export const proxyStatusSchema = z.object({
  proxy: z.string(),
  pod: z.string(),
  namespace: z.string(),
  cluster: z.string(),
  controlPlane: z.object({ cluster: z.string(), revision: z.string() }),
  proxyType: z.string().optional(),
  proxyVersion: z.string().optional(),
  istioVersion: z.string().optional(),
  cds: xdsSyncStateSchema,
  lds: xdsSyncStateSchema,
  eds: xdsSyncStateSchema,
  rds: xdsSyncStateSchema,
  ecds: xdsSyncStateSchema,
  overall: xdsSyncStateSchema,
});
export type ProxyStatus = z.infer<typeof proxyStatusSchema>;

export const proxiesQuerySchema = pagingQuerySchema.extend({
  cluster: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  state: xdsSyncStateSchema.optional(),
  q: z.string().max(200).optional(),
});
export type ProxiesQuery = z.infer<typeof proxiesQuerySchema>;

export const controlPlanesQuerySchema = z.strictObject({ cluster: z.string().min(1).optional() });
