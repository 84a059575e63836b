import 'server-only';
import { labelName, renderSelector, type Matcher } from './escape';
import { promWindow } from './window';

/**
 * Which proxy reported: the destination sees every inbound request, the source sees calls that never
 * arrived, a waypoint (ambient) reports the L7 requests of the services bound to it in place of the destination.
 */
export type Reporter = 'source' | 'destination' | 'waypoint';

/**
 * The reporters whose reports count a service's inbound requests: ambient servers have no L7 proxy
 * of their own, so their waypoint reports what a sidecar's destination report would; Istio
 * reports each request once between the two.
 */
export const INBOUND_REPORTERS: readonly Reporter[] = ['destination', 'waypoint'];

export interface IstioQueryOptions {
  /** One reporter (`reporter="x"`), or several (`reporter=~"x|y"`: one query instead of one per reporter). */
  reporter: Reporter | readonly Reporter[];
  window: string;
  groupBy: string[];
  matchers?: Matcher[];
  /** Moves the range back in time (`[30m] offset 5m`): a baseline that ends before the present. */
  offset?: string;
}

function by(labels: string[]): string {
  return labels.length ? ` by (${labels.map(labelName).join(',')})` : '';
}

/** `[5m]`, or `[30m] offset 5m` with an offset. */
function range(o: IstioQueryOptions): string {
  return `[${promWindow(o.window)}]${o.offset ? ` offset ${promWindow(o.offset)}` : ''}`;
}

/** The reporter matcher: equality for one reporter, an exact alternation for several. */
export function reporterMatcher(reporter: Reporter | readonly Reporter[]): Matcher {
  if (typeof reporter === 'string') return { label: 'reporter', op: '=', value: reporter };
  return reporter.length === 1 ? { label: 'reporter', op: '=', value: reporter[0]! } : { label: 'reporter', op: '=~', values: [...reporter] };
}

function selector(reporter: Reporter | readonly Reporter[], matchers: Matcher[] = []): string {
  return renderSelector([reporterMatcher(reporter), ...matchers]);
}

/**
 * Request rate per group and per response: protocol, code and gRPC status are
 * always in the grouping, so one query yields totals and every error class.
 */
export function requestRatesQuery(o: IstioQueryOptions): string {
  const groups = [...new Set([...o.groupBy, 'request_protocol', 'response_code', 'grpc_response_status'])];
  return `sum${by(groups)} (rate(istio_requests_total${selector(o.reporter, o.matchers)}[${promWindow(o.window)}])) > 0`;
}

/** A latency quantile (0 < q < 1) in milliseconds per group, from the duration histogram. */
export function latencyQuantileQuery(q: number, o: IstioQueryOptions): string {
  if (!(q > 0 && q < 1)) throw new Error(`quantile must be between 0 and 1, got ${q}`);
  const groups = [...new Set(['le', ...o.groupBy])];
  return `histogram_quantile(${q}, sum${by(groups)} (rate(istio_request_duration_milliseconds_bucket${selector(o.reporter, o.matchers)}${range(o)})))`;
}

/** TCP bytes per second per group, sent plus received. */
export function tcpBytesQuery(o: IstioQueryOptions): string {
  const sel = selector(o.reporter, o.matchers);
  const w = promWindow(o.window);
  return `sum${by(o.groupBy)} (rate(istio_tcp_sent_bytes_total${sel}[${w}])) + sum${by(o.groupBy)} (rate(istio_tcp_received_bytes_total${sel}[${w}]))`;
}

/** Share of requests carried over mutual TLS per group (0..1). */
export function mtlsShareQuery(o: IstioQueryOptions): string {
  const w = promWindow(o.window);
  const tls = selector(o.reporter, [...(o.matchers ?? []), { label: 'connection_security_policy', op: '=', value: 'mutual_tls' }]);
  const all = selector(o.reporter, o.matchers);
  return `sum${by(o.groupBy)} (rate(istio_requests_total${tls}[${w}])) / sum${by(o.groupBy)} (rate(istio_requests_total${all}[${w}]))`;
}

/** Rates of the duration histogram's buckets per group (le added), so quantiles can be computed after merging groups or clusters. */
export function durationBucketsQuery(o: IstioQueryOptions): string {
  const groups = [...new Set(['le', ...o.groupBy])];
  return `sum${by(groups)} (rate(istio_request_duration_milliseconds_bucket${selector(o.reporter, o.matchers)}[${promWindow(o.window)}]))`;
}

/** Which label values occur on istio_requests_total within the window (e.g. cluster names), one series per combination. */
export function labelPresenceQuery(labels: string[], window: string, matchers: Matcher[] = []): string {
  if (labels.length === 0) throw new Error('labelPresenceQuery needs at least one label');
  return `group${by(labels)} (last_over_time(istio_requests_total${renderSelector(matchers)}[${promWindow(window)}]))`;
}

/** Requests per second per group from the duration histogram's count (the series a quantile is computed from). */
export function durationCountRateQuery(o: IstioQueryOptions): string {
  return `sum${by(o.groupBy)} (rate(istio_request_duration_milliseconds_count${selector(o.reporter, o.matchers)}${range(o)}))`;
}

/**
 * The groups whose duration histogram already had a sample `at` ago (one
 * instant selector, no range): proof that a baseline ending that long ago
 * is covered by history rather than extrapolated from a fresh Prometheus.
 */
export function histogramPresentQuery(o: Omit<IstioQueryOptions, 'window' | 'offset'>, at: string): string {
  return `group${by(o.groupBy)} (istio_request_duration_milliseconds_count${selector(o.reporter, o.matchers)} offset ${promWindow(at)})`;
}
