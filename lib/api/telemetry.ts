import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { clusterSignalsSchema, healthSchema, inBounds, signalsSchema, telemetryWindowSchema } from './signals-schema';
import { qk } from './query-keys';

export { clusterSignalsSchema, healthSchema, signalsSchema, telemetryWindowSchema, type Signals } from './signals-schema';

/** How telemetry stands for one cluster of an answer. */
export const telemetryClusterStateSchema = z.object({
  state: z.enum(['ok', 'unavailable', 'not-configured', 'disabled']),
  reason: z.string().optional(),
  source: z.string().optional(),
});

/** A service (namespace sameness) with its signals over the given clusters and each cluster's. */
export const serviceSignalsSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  signals: signalsSchema,
  health: healthSchema,
  clusters: z.array(clusterSignalsSchema),
});
export type ServiceSignals = z.infer<typeof serviceSignalsSchema>;

/** A workload in one cluster with its inbound signals and health. */
export const workloadSignalsSchema = z.object({
  cluster: z.string(),
  namespace: z.string(),
  name: z.string(),
  app: z.string().optional(),
  version: z.string().optional(),
  signals: signalsSchema,
  health: healthSchema,
});
export type WorkloadSignals = z.infer<typeof workloadSignalsSchema>;

/** A time series for charts: [unix seconds, value] points. */
export const seriesSchema = z.object({ cluster: z.string(), points: z.array(z.tuple([z.number(), z.number()])) });

/** Range series of one service per cluster. */
export const serviceSeriesSchema = z.object({
  stepSeconds: z.number(),
  rps: z.array(seriesSchema),
  errorPercent: z.array(seriesSchema),
  p95Ms: z.array(seriesSchema),
});

/** Data of the signal answers; `telemetry` holds each cluster's telemetry state. */
/**
 * A service of the list: one per mesh, namespace and name (namespace sameness holds within a mesh
 * only), its totals and clusters that mesh's. `mesh` is '' for clusters without a mesh ID.
 */
export const meshServiceSignalsSchema = serviceSignalsSchema.extend({ mesh: z.string() });
export type MeshServiceSignals = z.infer<typeof meshServiceSignalsSchema>;
/** The key of a list item, as the services list matches its rows to them. */
export const meshServiceKey = (s: { mesh: string; namespace: string; name: string }) => `${s.mesh}\u0000${s.namespace}/${s.name}`;

export const serviceSignalsListSchema = z.object({ items: z.array(meshServiceSignalsSchema), telemetry: z.record(z.string(), telemetryClusterStateSchema) });
export const serviceSignalsDetailSchema = z.object({ service: serviceSignalsSchema, series: serviceSeriesSchema, telemetry: z.record(z.string(), telemetryClusterStateSchema) });
export const workloadSignalsListSchema = z.object({ items: z.array(workloadSignalsSchema), telemetry: z.record(z.string(), telemetryClusterStateSchema) });

/** Per-source state and cluster-name checks (metrics labelled with names the fleet does not use, and the reverse). */
export const telemetryStatusSchema = z.object({
  mode: z.enum(['none', 'per-cluster', 'global']),
  clusterLabel: z.string().optional(),
  sources: z.array(z.object({ id: z.string(), url: z.string(), clusters: z.array(z.string()), state: z.enum(['ok', 'unavailable']), reason: z.string().optional(), latencyMs: z.number().optional() })),
  clusters: z.record(z.string(), telemetryClusterStateSchema),
  mismatch: z.object({
    /** Fleet clusters that no metric names. */
    clustersWithoutMetrics: z.array(z.string()),
    /** Cluster names found in metrics that are not fleet clusters. */
    labelValuesWithoutCluster: z.array(z.object({ label: z.string(), value: z.string(), source: z.string() })),
    /** Words for the UI banner, empty when names match. */
    messages: z.array(z.string()),
  }),
});
export type TelemetryStatus = z.infer<typeof telemetryStatusSchema>;

const window = telemetryWindowSchema;
const range = z.string().regex(/^\d{1,6}(m|h|d)$/, 'a duration such as 30m, 6h or 1d').refine((v) => inBounds(v), 'must be between 1m and 7d').optional();

/** GET /api/v1/signals/services */
export const serviceSignalsQuerySchema = z.strictObject({ namespace: z.string().min(1).optional(), cluster: z.string().min(1).optional(), window });
export type ServiceSignalsQuery = z.infer<typeof serviceSignalsQuerySchema>;

/** GET /api/v1/signals/services/{namespace}/{name} */
export const serviceSignalsDetailQuerySchema = z.strictObject({ window, range });
export type ServiceSignalsDetailQuery = z.infer<typeof serviceSignalsDetailQuerySchema>;

/** GET /api/v1/signals/workloads */
export const workloadSignalsQuerySchema = z.strictObject({ namespace: z.string().min(1).optional(), cluster: z.string().min(1).optional(), window });
export type WorkloadSignalsQuery = z.infer<typeof workloadSignalsQuerySchema>;

// Fetchers and hooks. Signals refresh on a timer: Prometheus has no change stream.

function search(p: Record<string, string | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined) s.set(k, v);
  const q = s.toString();
  return q ? `?${q}` : '';
}

export const serviceSignalsResponseSchema = fleetResponseSchema(serviceSignalsListSchema);
export const serviceSignalsDetailResponseSchema = fleetResponseSchema(serviceSignalsDetailSchema);
export const workloadSignalsResponseSchema = fleetResponseSchema(workloadSignalsListSchema);

export const fetchServiceSignals = (q: ServiceSignalsQuery = {}) => fetchJson(`/api/v1/signals/services${search(q)}`, serviceSignalsResponseSchema);
export const fetchServiceSignalDetail = (namespace: string, name: string, q: ServiceSignalsDetailQuery = {}) =>
  fetchJson(`/api/v1/signals/services/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}${search(q)}`, serviceSignalsDetailResponseSchema);

/** Golden signals of every global service (to join with the fleet's service rows by namespace/name). */
export function useServiceSignals(q: ServiceSignalsQuery = {}) {
  return useQuery({ queryKey: qk.telemetry.services(q), queryFn: () => fetchServiceSignals(q), refetchInterval: 15_000 });
}

/** One service's signals per cluster and its chart series. */
export function useServiceSignalDetail(namespace: string, name: string, q: ServiceSignalsDetailQuery = {}) {
  return useQuery({ queryKey: qk.telemetry.service(namespace, name, q), queryFn: () => fetchServiceSignalDetail(namespace, name, q), refetchInterval: 15_000 });
}
