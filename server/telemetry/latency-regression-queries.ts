import 'server-only';
import type { QueryBuilder, QueryContext } from './fan-out';
import type { Matcher } from './promql/escape';
import { durationCountRateQuery, histogramPresentQuery, INBOUND_REPORTERS, latencyQuantileQuery, type IstioQueryOptions } from './promql/istio-queries';
import { durationSeconds } from './signal-queries';

/**
 * Labels of an edge as its destination reports it: the destination service
 * and workload in their cluster, and the calling workload in its own.
 * Inbound-reported, like the golden signals: the server's sidecar, or for an
 * ambient service the waypoint in front of it, measures the time the service
 * took (INBOUND_REPORTERS).
 */
export const EDGE_LATENCY_LABELS = [
  'destination_cluster',
  'destination_service_namespace',
  'destination_service_name',
  'destination_workload_namespace',
  'destination_workload',
  'source_cluster',
  'source_workload_namespace',
  'source_workload',
];

/** The baseline an edge is compared with: a range that ends `offset` ago (so a regression in progress is not its own baseline). */
export interface LatencyBaseline {
  range: string;
  offset: string;
}

/** What makes an edge's latency a regression (see docs/telemetry.md, "Latency regressions"). */
export interface LatencyThresholds {
  /** Now at least this many times the baseline... */
  factor: number;
  /** ...and at least this many milliseconds above it (a p99 of 5 ms tripling is not a problem). */
  minExtraMs: number;
  /** Requests per second over the short window below which an edge is not judged (a p99 of a dozen requests is noise). */
  minRps: number;
}

export const DEFAULT_LATENCY_BASELINE: LatencyBaseline = { range: '30m', offset: '5m' };
export const LATENCY_THRESHOLDS: LatencyThresholds = { factor: 3, minExtraMs: 200, minRps: 1 };

function options(ctx: QueryContext, window: string, matchers: Matcher[], offset?: string): IstioQueryOptions {
  const groupBy = ctx.clusterLabel ? [...EDGE_LATENCY_LABELS, ctx.clusterLabel] : EDGE_LATENCY_LABELS;
  return { reporter: INBOUND_REPORTERS, window, groupBy, matchers: [...ctx.clusterMatchers, ...matchers], ...(offset ? { offset } : {}) };
}

/**
 * The two fleet-wide queries per quantile (0.99, 0.95). `now` answers only the
 * edges worth judging, so answers stay small at fleet scale: busy (at least
 * minRps), already at least minExtraMs slow (now - baseline >= minExtraMs
 * implies it), and with history reaching back to the start of the baseline.
 * `baseline` answers the same edges' quantile over the baseline range. The
 * factor is judged in TypeScript (judgeLatency), where it is tested.
 * Every side is aggregated to the same labels, so plain `and` matches them.
 */
export function latencyRegressionQueries(
  q: number,
  window: string,
  baseline: LatencyBaseline,
  thresholds: LatencyThresholds,
  matchers: Matcher[],
): { now: QueryBuilder; baseline: QueryBuilder } {
  // The baseline's start: a histogram sample there means the whole baseline range has data.
  const start = `${durationSeconds(baseline.offset) + durationSeconds(baseline.range)}s`;
  const now = (ctx: QueryContext) => {
    const o = options(ctx, window, matchers);
    return `(${latencyQuantileQuery(q, o)} >= ${thresholds.minExtraMs}) and (${durationCountRateQuery(o)} >= ${thresholds.minRps}) and ${histogramPresentQuery(o, start)}`;
  };
  return {
    now,
    baseline: (ctx) => `${latencyQuantileQuery(q, options(ctx, baseline.range, matchers, baseline.offset))} and (${now(ctx)})`,
  };
}

/** The factor by which `nowMs` exceeds `baselineMs` when that is a regression by the thresholds, else undefined. */
export function judgeLatency(nowMs: number, baselineMs: number, t: LatencyThresholds = LATENCY_THRESHOLDS): number | undefined {
  if (!Number.isFinite(nowMs) || !Number.isFinite(baselineMs) || baselineMs < 0) return undefined;
  if (nowMs - baselineMs < t.minExtraMs || nowMs < baselineMs * t.factor) return undefined;
  // A baseline under 1 ms (every request in the first bucket) would make the factor meaningless.
  return nowMs / Math.max(baselineMs, 1);
}
