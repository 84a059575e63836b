import 'server-only';
import type { QueryBuilder, QueryContext } from './fan-out';
import type { Matcher } from './promql/escape';
import { INBOUND_REPORTERS, latencyQuantileQuery, requestRatesQuery, tcpBytesQuery, type Reporter } from './promql/istio-queries';

/** Labels that identify both ends of an edge (Kiali's graph grouping), plus the reporter for de-duplication. */
export const EDGE_LABELS = [
  'reporter',
  'source_cluster',
  'source_workload_namespace',
  'source_workload',
  'source_canonical_service',
  'source_canonical_revision',
  'destination_cluster',
  'destination_service_namespace',
  'destination_service_name',
  'destination_service',
  'destination_workload_namespace',
  'destination_workload',
  'destination_canonical_service',
  'destination_canonical_revision',
];

/** One variant of the graph queries: a reporter (or several in one query), and optionally the side whose namespace must match. */
export interface EdgeQueryVariant {
  reporter: Reporter | readonly Reporter[];
  namespaceLabel?: 'destination_service_namespace' | 'source_workload_namespace';
}

function groups(ctx: QueryContext, extra: string[]): string[] {
  return ctx.clusterLabel ? [...EDGE_LABELS, ...extra, ctx.clusterLabel] : [...EDGE_LABELS, ...extra];
}

function matchers(ctx: QueryContext, v: EdgeQueryVariant, namespaces: string[]): Matcher[] {
  const m: Matcher[] = [...ctx.clusterMatchers];
  if (v.namespaceLabel && namespaces.length) m.push({ label: v.namespaceLabel, op: '=~', values: namespaces });
  return m;
}

/**
 * The graph's queries for one variant: request rates by response and TLS mode,
 * TCP bytes, and p95 per edge (server-side: an edge's histogram lives in one place).
 */
export function edgeQueries(window: string, v: EdgeQueryVariant, namespaces: string[]): { requests: QueryBuilder; tcp: QueryBuilder; p95: QueryBuilder } {
  return {
    requests: (ctx) => requestRatesQuery({ reporter: v.reporter, window, groupBy: groups(ctx, ['connection_security_policy', 'response_flags']), matchers: matchers(ctx, v, namespaces) }),
    tcp: (ctx) => tcpBytesQuery({ reporter: v.reporter, window, groupBy: groups(ctx, ['connection_security_policy']), matchers: matchers(ctx, v, namespaces) }),
    p95: (ctx) => latencyQuantileQuery(0.95, { reporter: v.reporter, window, groupBy: groups(ctx, ['request_protocol']), matchers: matchers(ctx, v, namespaces) }),
  };
}

/**
 * The server side's reporters (destination and waypoint, in one query: `reporter=~"destination|waypoint"`
 * costs Prometheus a look-up of two of the label's few values, and the series are the ones two queries
 * would return, for one query's overhead per source instead of two) and the source's; with a namespace
 * filter, both sides (requests into and out of the namespaces).
 */
export function edgeVariants(namespaces: string[]): EdgeQueryVariant[] {
  const reporters: Array<Reporter | readonly Reporter[]> = [INBOUND_REPORTERS, 'source'];
  if (!namespaces.length) return reporters.map((reporter) => ({ reporter }));
  return reporters.flatMap((reporter) => [
    { reporter, namespaceLabel: 'destination_service_namespace' as const },
    { reporter, namespaceLabel: 'source_workload_namespace' as const },
  ]);
}
