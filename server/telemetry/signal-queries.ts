import 'server-only';
import type { QueryBuilder, QueryContext } from './fan-out';
import type { Matcher } from './promql/escape';
import { durationBucketsQuery, INBOUND_REPORTERS, latencyQuantileQuery, requestRatesQuery, tcpBytesQuery, type IstioQueryOptions, type Reporter } from './promql/istio-queries';

/** Labels that identify a service instance in inbound (destination-reported) metrics. */
export const SERVICE_LABELS = ['destination_cluster', 'destination_service_namespace', 'destination_service_name'];
/** Labels that identify a workload in inbound metrics. */
export const WORKLOAD_LABELS = ['destination_cluster', 'destination_workload_namespace', 'destination_workload', 'destination_canonical_service', 'destination_canonical_revision'];

/** Optional equality filters turned into escaped matchers (undefined values are skipped). */
export function equalityMatchers(filters: Record<string, string | undefined>): Matcher[] {
  return Object.entries(filters).flatMap(([label, value]) => (value === undefined ? [] : [{ label, op: '=' as const, value }]));
}

function options(ctx: QueryContext, window: string, groupBy: string[], matchers: Matcher[], reporter: Reporter | readonly Reporter[]): IstioQueryOptions {
  const groups = ctx.clusterLabel ? [...groupBy, ctx.clusterLabel] : groupBy;
  return { reporter, window, groupBy: groups, matchers: [...ctx.clusterMatchers, ...matchers] };
}

/**
 * The three instant queries behind golden signals: request rates by response, duration buckets, TCP bytes.
 * Requests and latency count destination and waypoint reports (INBOUND_REPORTERS: an ambient service
 * behind a waypoint has no destination report); TCP bytes are the server side's (sidecar or ztunnel).
 */
export function goldenSignalQueries(window: string, groupBy: string[], matchers: Matcher[]): { requests: QueryBuilder; buckets: QueryBuilder; tcp: QueryBuilder } {
  return {
    requests: (ctx) => requestRatesQuery(options(ctx, window, groupBy, matchers, INBOUND_REPORTERS)),
    buckets: (ctx) => durationBucketsQuery(options(ctx, window, groupBy, matchers, INBOUND_REPORTERS)),
    tcp: (ctx) => tcpBytesQuery(options(ctx, window, groupBy, matchers, 'destination')),
  };
}

/** Range queries for charts: rates by response and p95 per cluster (exact: one cluster's histogram lives in one place), from the same reporters. */
export function seriesQueries(window: string, matchers: Matcher[]): { requests: QueryBuilder; p95: QueryBuilder } {
  return {
    requests: (ctx) => requestRatesQuery(options(ctx, window, ['destination_cluster'], matchers, INBOUND_REPORTERS)),
    p95: (ctx) => latencyQuantileQuery(0.95, options(ctx, window, ['destination_cluster'], matchers, INBOUND_REPORTERS)),
  };
}

/** A chart step for a range: about 120 points, never finer than 5 s. */
export function stepFor(rangeSeconds: number): number {
  return Math.max(5, Math.ceil(rangeSeconds / 120));
}

/** Seconds of a duration such as '30m', '6h', '1d'. */
export function durationSeconds(d: string): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(d);
  if (!m) throw new Error(`invalid duration ${JSON.stringify(d)}`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
