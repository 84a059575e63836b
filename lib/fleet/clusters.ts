import { z } from 'zod';
import { clusterStateSchema } from '../api/envelope';
import { ambientCountsSchema, waypointSchema, ztunnelSchema } from './ambient';

/** An east-west gateway Service (istio=eastwestgateway) and where it can be reached. */
export const eastWestGatewaySchema = z.object({
  cluster: z.string(),
  namespace: z.string(),
  name: z.string(),
  network: z.string().optional(),
  addresses: z.array(z.string()),
  ports: z.array(z.number()),
});
export type EastWestGateway = z.infer<typeof eastWestGatewaySchema>;

/** One cluster as the clusters page shows it. */
export const clusterSummarySchema = z.object({
  name: z.string(),
  displayName: z.string(),
  /** Where the cluster came from ('kubeconfig:<file>#<context>', 'remote-secret:<home>/<secret>'). */
  source: z.string(),
  mesh: z.string().optional(),
  network: z.string().optional(),
  state: clusterStateSchema,
  reason: z.string().optional(),
  dataAgeSeconds: z.number(),
  syncedKinds: z.number().int(),
  totalKinds: z.number().int(),
  forbiddenKinds: z.array(z.string()),
  /** Kinds the API server answered 404 for (a CRD deleted since discovery): dropped from the model, not an error. */
  notServedKinds: z.array(z.string()).optional(),
  /** Objects skipped on ingest (missing fields, unexpected shape, absurd size). */
  skippedObjects: z.object({ count: z.number().int(), oversized: z.number().int(), lastReason: z.string().optional() }),
  kubernetesVersion: z.string().optional(),
  /** The last timed GET /version: open watches hide a slow API server, new lists and istiod polls wait on it. */
  apiLatency: z.object({ ms: z.number(), timedOut: z.boolean(), measuredAt: z.string() }).optional(),
  /** Watches the API server ended with 410 Gone in the last 5 minutes, over every kind: each costs a full LIST. */
  watchExpiries: z.number().int().optional(),
  regions: z.array(z.string()),
  zones: z.array(z.string()),
  counts: z.object({ namespaces: z.number().int(), services: z.number().int(), pods: z.number().int(), nodes: z.number().int(), configObjects: z.number().int() }),
  controlPlanes: z.array(z.object({ revision: z.string(), version: z.string().optional() })),
  eastWestGateways: z.array(eastWestGatewaySchema),
  /** How many Istio remote secrets (istio/multiCluster=true) this cluster's istio-system holds; the list is on the detail. */
  remoteSecretCount: z.number().int(),
  /** Ambient mode in this cluster, when it runs ztunnel or has ambient namespaces. */
  ambient: ambientCountsSchema.optional(),
});
export type ClusterSummary = z.infer<typeof clusterSummarySchema>;

/** One cluster as GET /api/v1/clusters/{name} answers: the summary plus its remote secrets (a fleet of N clusters has N x (N-1) of them, so the list answer has only the count). */
export const clusterDetailSchema = clusterSummarySchema.extend({
  /** The Istio remote secrets in this cluster's istio-system, each with the clusters it reads. */
  remoteSecrets: z.array(z.object({ name: z.string(), clusters: z.array(z.string()) })),
  /** ztunnel per Node (empty when the cluster neither runs ztunnel nor has ambient pods). */
  ztunnels: z.array(ztunnelSchema),
  /** Waypoint Gateways (class istio-waypoint) in the namespaces the caller may see. */
  waypoints: z.array(waypointSchema),
});
export type ClusterDetail = z.infer<typeof clusterDetailSchema>;

/** One configured cluster source (a kubeconfig file, or the remote secrets of a home cluster) and how reading it goes. */
export const sourceStatusSchema = z.object({
  /** 'kubeconfig:<file>', 'remote-secrets:<home context>/<namespace>' or 'in-cluster:<name>'. */
  id: z.string(),
  kind: z.enum(['kubeconfig', 'remote-secrets', 'in-cluster']),
  state: z.enum(['ok', 'syncing', 'error', 'unreachable', 'unauthorized', 'forbidden']),
  /** Why the source is not ok: the file cannot be read, the home cluster refuses the token, ... */
  reason: z.string().optional(),
  /** Clusters the source currently offers. */
  clusters: z.array(z.string()),
});
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

/** The config file as last (re)loaded: an invalid edit keeps the running config and shows its error here. */
export const configStatusSchema = z.object({
  file: z.string().optional(),
  state: z.enum(['ok', 'error']),
  error: z.string().optional(),
  /** When the running config was loaded. */
  loadedAt: z.string(),
  /** When a change was last looked at. */
  checkedAt: z.string().optional(),
});
export type ConfigStatus = z.infer<typeof configStatusSchema>;

/** Meshes and networks derived from the clusters, with the sources and the config file they come from. */
export const clusterListSchema = z.object({
  items: z.array(clusterSummarySchema),
  meshes: z.array(z.object({ id: z.string(), clusters: z.array(z.string()) })),
  networks: z.array(z.object({ id: z.string(), clusters: z.array(z.string()), gateways: z.array(eastWestGatewaySchema) })),
  sources: z.array(sourceStatusSchema),
  config: configStatusSchema.optional(),
});
export type ClusterList = z.infer<typeof clusterListSchema>;
