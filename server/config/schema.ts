import { z } from 'zod';

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

export const clustersConfigSchema = z.strictObject({
  kubeconfigs: z.array(kubeconfigSource).default([]),
  remoteSecrets: z.array(remoteSecretSource).default([]),
  /** A cluster with no event or bookmark for this long is shown stale. */
  staleAfterSeconds: z.number().int().positive().default(60),
  /** How often each istiod's debug endpoints are read. */
  istiodPollSeconds: z.number().int().positive().default(10),
  /** Time-out of one request to a cluster. */
  requestTimeoutSeconds: z.number().positive().default(10),
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
  }),
});

/** The validated configuration, with defaults filled in and paths still as written. */
export type MeshglassConfig = z.infer<typeof configSchema>;
export type ClustersConfig = z.infer<typeof clustersConfigSchema>;
