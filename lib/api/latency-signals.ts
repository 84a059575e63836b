import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qs } from './query-params';
import { qk } from './query-keys';
import { telemetryClusterStateSchema } from './telemetry';
import { telemetryWindowSchema } from './signals-schema';

/** One quantile of an edge now (the short window) and over its baseline, in ms. */
export const quantileNowBaselineSchema = z.object({ nowMs: z.number(), baselineMs: z.number() });

/**
 * An edge whose latency moved well beyond its own recent baseline: the calling
 * workload, the destination service and workload, in the destination's cluster.
 */
export const edgeLatencyRegressionSchema = z.object({
  /** The destination's cluster (destination_cluster of the sidecar's or waypoint's report). */
  cluster: z.string(),
  /** The destination service's namespace and name. */
  namespace: z.string(),
  service: z.string(),
  workloadNamespace: z.string(),
  workload: z.string(),
  /** The calling workload; null when it lies outside what the caller may see. */
  source: z.object({ cluster: z.string(), namespace: z.string(), workload: z.string() }).nullable(),
  /** The quantile that regressed (p99 when both did), with its values and factor below. */
  quantile: z.enum(['p99', 'p95']),
  nowMs: z.number(),
  baselineMs: z.number(),
  /** nowMs / baselineMs. */
  factor: z.number(),
  /** Both quantiles where known (null: not slow enough to be judged, or no baseline). */
  p99: quantileNowBaselineSchema.nullable(),
  p95: quantileNowBaselineSchema.nullable(),
});
export type EdgeLatencyRegression = z.infer<typeof edgeLatencyRegressionSchema>;

/** Data of GET /api/v1/signals/latency: the regressed edges (worst factor first), what they were compared with, and each cluster's telemetry state. */
export const latencyRegressionListSchema = z.object({
  items: z.array(edgeLatencyRegressionSchema),
  /** The short window "now" is measured over, e.g. '1m'. */
  window: z.string(),
  /** The baseline range and how long ago it ends, e.g. 30m ending 5m ago. */
  baseline: z.object({ range: z.string(), offset: z.string(), rangeSeconds: z.number() }),
  thresholds: z.object({ factor: z.number(), minExtraMs: z.number(), minRps: z.number() }),
  telemetry: z.record(z.string(), telemetryClusterStateSchema),
});
export type LatencyRegressionList = z.infer<typeof latencyRegressionListSchema>;

/** GET /api/v1/signals/latency: ?namespace (of the destination service) &cluster &window */
export const latencyRegressionQuerySchema = z.strictObject({ namespace: z.string().min(1).optional(), cluster: z.string().min(1).optional(), window: telemetryWindowSchema });
export type LatencyRegressionQuery = z.infer<typeof latencyRegressionQuerySchema>;

export const latencyRegressionResponseSchema = fleetResponseSchema(latencyRegressionListSchema);

export const fetchLatencyRegressions = (q: LatencyRegressionQuery = {}) => fetchJson(`/api/v1/signals/latency${qs(q)}`, latencyRegressionResponseSchema);

/** Edges slower than their own recent baseline. Refreshed on a timer, like the other signals: Prometheus has no change stream. */
export function useLatencyRegressions(q: LatencyRegressionQuery = {}) {
  return useQuery({ queryKey: qk.telemetry.latency(q), queryFn: () => fetchLatencyRegressions(q), refetchInterval: 15_000 });
}
