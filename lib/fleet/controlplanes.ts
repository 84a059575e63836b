import { z } from 'zod';
import { pageSchema, pagingQuerySchema } from './paging';

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

/** Whether a cluster's proxy sync state is known: 'ok' when one of its istiods answered, 'error' when none could be polled (with why), 'pending' before the first poll. */
export const proxySyncKnowledgeSchema = z.object({ state: z.enum(['ok', 'pending', 'error']), reason: z.string().optional() });
export type ProxySyncKnowledge = z.infer<typeof proxySyncKnowledgeSchema>;

/**
 * GET /api/v1/proxies: the page of proxies istiod reports, plus what is known without istiod. `total` counts
 * reported proxies only; `sync` says, per cluster running an istiod, whether that count means anything.
 */
export const proxyPageSchema = pageSchema(proxyStatusSchema).extend({
  /** Pods with an istio-proxy container (sidecars and gateways) matching the cluster/namespace/q filters, from the pods themselves. */
  sidecars: z.number().int(),
  sync: z.record(z.string(), proxySyncKnowledgeSchema),
});
export type ProxyPage = z.infer<typeof proxyPageSchema>;

/** The sync count as the UI should show it: unknown when no istiod in view answered and one failed (or none was polled yet). */
export function proxySyncUnknown(sync: Record<string, ProxySyncKnowledge>): { unknown: boolean; reason?: string } {
  const states = Object.entries(sync);
  if (states.length === 0 || states.some(([, s]) => s.state === 'ok')) return { unknown: false };
  const failed = states.filter(([, s]) => s.state === 'error');
  if (failed.length === 0) return { unknown: true, reason: 'istiod not polled yet' };
  return { unknown: true, reason: failed.map(([c, s]) => `${c}: ${s.reason ?? 'istiod could not be polled'}`).join('; ') };
}

export const proxiesQuerySchema = pagingQuerySchema.extend({
  cluster: z.string().min(1).optional(),
  namespace: z.string().min(1).optional(),
  state: xdsSyncStateSchema.optional(),
  q: z.string().max(200).optional(),
});
export type ProxiesQuery = z.infer<typeof proxiesQuerySchema>;

export const controlPlanesQuerySchema = z.strictObject({ cluster: z.string().min(1).optional() });
