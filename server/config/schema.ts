import { z } from 'zod';
import { authConfigSchema, bindingSchema, shareLinksConfigSchema, workspaceSchema } from './access-schema';
import { checkAccessReferences } from './access-references';

/** Per-cluster overrides for what the kubeconfig cannot say. */
const clusterOverride = z.strictObject({
  displayName: z.string().min(1).optional(),
  mesh: z.string().min(1).optional(),
  network: z.string().min(1).optional(),
});

const kubeconfigSource = z.strictObject({
  /** Path of a kubeconfig file, relative to the config file. */
  path: z.string().min(1),
  /** Context names or globs ('*', 'prod-*'); each selected context is one cluster. */
  contexts: z.array(z.string().min(1)).default(['*']),
  /** Context names or globs to leave out. */
  exclude: z.array(z.string().min(1)).default([]),
  /** Keyed by context name. */
  overrides: z.record(z.string(), clusterOverride).default({}),
});

const remoteSecretSource = z.strictObject({
  /** Kubeconfig that reaches the home cluster holding the remote secrets. */
  kubeconfig: z.string().min(1),
  context: z.string().min(1).optional(),
  namespace: z.string().min(1).default('istio-system'),
});

const inClusterSource = clusterOverride.extend({
  /** The home cluster's name in Meshglass: istiod's cluster ID there, so the remote secrets of other clusters name it alike. */
  name: z.string().min(1),
  /** Namespace of the home cluster's Istio remote secrets, whose clusters join the fleet; null: the home cluster only. */
  remoteSecretsNamespace: z.string().min(1).nullable().default('istio-system'),
});

export const clustersConfigSchema = z.strictObject({
  kubeconfigs: z.array(kubeconfigSource).default([]),
  remoteSecrets: z.array(remoteSecretSource).default([]),
  /** Running in a pod: the home cluster through the pod's service account, the others from its remote secrets. */
  inCluster: inClusterSource.optional(),
  /** A cluster with no event or bookmark for this long is shown stale. */
  staleAfterSeconds: z.number().int().positive().default(60),
  /** How often each istiod's debug endpoints are read. */
  istiodPollSeconds: z.number().int().positive().default(10),
  /** Time-out of one request to a cluster. */
  requestTimeoutSeconds: z.number().positive().default(10),
  /** LISTs in flight across the whole fleet (one cluster's kind each): a large fleet syncs in waves. */
  maxConcurrentLists: z.number().int().positive().default(128),
  /**
   * istiod poll rounds in flight across the whole fleet on average: a cluster's istiod is polled every
   * istiodPollSeconds, or less often when the fleet is large enough that polling it would take more.
   */
  istiodPollsInFlight: z.number().positive().max(64).default(0.5),
  /** istiod poll rounds at once across the whole fleet. */
  maxConcurrentIstiodPolls: z.number().int().positive().default(2),
});


const promAuth = z.strictObject({
  /** A bearer token, or the path of a file holding one (read at start). */
  bearerToken: z.string().min(1).optional(),
  bearerTokenFile: z.string().min(1).optional(),
  basicAuth: z.strictObject({ username: z.string().min(1), password: z.string() }).optional(),
  /** PEM file of the CA that signs the server's certificate. */
  caFile: z.string().min(1).optional(),
});

const promEndpoint = promAuth.extend({ url: z.url({ protocol: /^https?$/ }) });

const toleranceSchema = z.strictObject({
  errorClass: z.enum(['http5xx', 'http4xx', 'grpc', 'noResponse']),
  degraded: z.number().min(0).max(100),
  degradedInclusive: z.boolean().default(true),
  failure: z.number().min(0).max(100),
});

export const telemetryConfigSchema = z.strictObject({
  /** Where metrics come from: one Prometheus per cluster, one global (Thanos, Mimir), or none. */
  mode: z.enum(['none', 'per-cluster', 'global']).default('none'),
  /** With mode global: the endpoint and the label that names the cluster. */
  global: promEndpoint.extend({ clusterLabel: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/).default('cluster') }).optional(),
  /** With mode per-cluster: an endpoint per cluster name. */
  perCluster: z.record(z.string(), promEndpoint).default({}),
  /** Default range window of rates and quantiles, e.g. "5m"; short windows suit short scrape intervals. */
  window: z.string().regex(/^\d+(s|m|h)$/).default('5m'),
  timeoutSeconds: z.number().positive().default(10),
  /** Answers are reused for this long (about one scrape interval). */
  cacheSeconds: z.number().min(0).default(5),
  maxConcurrency: z.number().int().positive().max(256).default(16),
  /** What an edge's latency now is compared with: the same edge over `range`, ending `offset` ago (see docs/telemetry.md). */
  latencyBaseline: z
    .strictObject({ range: z.string().regex(/^\d+(s|m|h)$/), offset: z.string().regex(/^\d+(s|m|h)$/) })
    .default({ range: '30m', offset: '5m' }),
  /** Per namespace/service tolerances; the first matching rule wins, Kiali's defaults otherwise. */
  tolerances: z
    .array(z.strictObject({ namespace: z.string().optional(), service: z.string().optional(), tolerances: z.array(toleranceSchema).min(1) }))
    .default([]),
});

export const historyConfigSchema = z.strictObject({
  /** Off: nothing is recorded and /api/v1/changes answers that the history is off. */
  enabled: z.boolean().default(true),
  /** Embedded PGlite's files, relative to the config file; used when no databaseUrl is given. */
  dataDir: z.string().min(1).default('.meshglass/history'),
  /**
   * A PostgreSQL server for several replicas (postgres://user@host:5432/db); the password comes
   * from the MESHGLASS_DATABASE_URL environment variable when this is not set.
   */
  databaseUrl: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  retentionDays: z.number().positive().default(14),
  retentionMegabytes: z.number().positive().default(512),
});

export const configSchema = z.strictObject({
  log: z
    .strictObject({
      level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    })
    .default({ level: 'info' }),
  clusters: clustersConfigSchema.default({
    kubeconfigs: [],
    remoteSecrets: [],
    staleAfterSeconds: 60,
    istiodPollSeconds: 10,
    requestTimeoutSeconds: 10,
    maxConcurrentLists: 128,
    istiodPollsInFlight: 0.5,
    maxConcurrentIstiodPolls: 2,
  }),
  telemetry: telemetryConfigSchema
    .refine((t) => t.mode !== 'global' || t.global, { message: 'mode "global" needs telemetry.global.url', path: ['global'] })
    .default({ mode: 'none', perCluster: {}, window: '5m', timeoutSeconds: 10, cacheSeconds: 5, maxConcurrency: 16, latencyBaseline: { range: '30m', offset: '5m' }, tolerances: [] }),
  /** How callers are identified (docs/access.md). */
  auth: authConfigSchema.default({ mode: 'anonymous', anonymous: { role: 'admin', workspaces: ['*'], allowNonLoopback: false }, cookieSecure: 'auto' }),
  /** Named sets of namespaces, selected by `cluster/namespace` patterns. */
  workspaces: z.array(workspaceSchema).default([]),
  /** Who holds which role in which workspaces. */
  bindings: z.array(bindingSchema).default([]),
  /** Signed, expiring read-only links to one workspace. */
  shareLinks: shareLinksConfigSchema.default({ enabled: true, maxTtlHours: 168, defaultTtlHours: 24 }),
  /** The fleet change history (docs/history.md). */
  history: historyConfigSchema.default({ enabled: true, dataDir: '.meshglass/history', retentionDays: 14, retentionMegabytes: 512 }),
}).superRefine(checkAccessReferences);

/** The validated configuration, with defaults filled in and paths still as written. */
export type MeshglassConfig = z.infer<typeof configSchema>;
export type ClustersConfig = z.infer<typeof clustersConfigSchema>;
export type TelemetryConfig = z.infer<typeof telemetryConfigSchema>;
export type HistoryConfig = z.infer<typeof historyConfigSchema>;
export type { AuthConfig, WorkspaceConfig, BindingConfig, ShareLinksConfig, OidcConfig, HeaderAuthConfig } from './access-schema';
export type PromEndpointConfig = z.infer<typeof promEndpoint>;
