/** Renders a cluster's Istio standard metrics in the Prometheus text format 0.0.4. */
import type { DataplaneResolver } from './dataplane-resolver';
import { BYTE_BUCKETS, DURATION_BUCKETS_MS } from './distribution';
import { ambientSeries, type Series } from './ambient-series';
import { SLOT, type EdgeTotals, type TrafficModel } from './traffic-model';

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(3));
const leLabel = (le: number): string => (le >= 1e21 ? le.toExponential() : String(le));

/** The series of one edge as a sidecar or gateway proxy reports it (reporter source or destination). */
function proxySeries(e: EdgeTotals, reporter: 'source' | 'destination', http: Series[], tcp: Series[], skipNoUpstream = false): void {
  const isTcp = e.edge.spec.protocol === 'tcp';
  const base = e.edge.labels[reporter];
  for (const { outcome, totals } of e.outcomes) {
    if (isTcp) tcp.push({ labels: `${base},response_flags="-"`, totals });
    // A server never sees the requests a missing upstream turned away.
    else if (!(skipNoUpstream && outcome.flags === 'UH')) http.push({ labels: `${base},response_code="${outcome.code}",grpc_response_status="${outcome.grpc}",response_flags="${outcome.flags}"`, totals });
  }
}

function histogram(lines: string[], name: string, help: string, series: Series[], buckets: number[], bucket0: number, sumSlot: number): void {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
  for (const s of series) {
    const count = Math.floor(s.totals[SLOT.count] ?? 0);
    for (let i = 0; i < buckets.length; i++) {
      lines.push(`${name}_bucket{${s.labels},le="${leLabel(buckets[i] ?? 0)}"} ${Math.min(count, Math.floor(s.totals[bucket0 + i] ?? 0))}`);
    }
    lines.push(`${name}_bucket{${s.labels},le="+Inf"} ${count}`, `${name}_sum{${s.labels}} ${fmt(s.totals[sumSlot] ?? 0)}`, `${name}_count{${s.labels}} ${count}`);
  }
}

function counter(lines: string[], name: string, help: string, series: Series[], slot: number): void {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
  for (const s of series) lines.push(`${name}{${s.labels}} ${Math.floor(s.totals[slot] ?? 0)}`);
}

export interface RenderOptions {
  /** Emit _bucket series for istio_request_bytes/istio_response_bytes (default true); false keeps only _sum/_count, a third fewer lines at fleet scale. */
  sizeBuckets?: boolean;
  /**
   * Decides from the cluster stores who reports each edge (sidecars, ztunnel, waypoints).
   * Without it every edge is reported by sidecars on both ends.
   */
  dataplane?: DataplaneResolver;
}

function summaryOnly(lines: string[], name: string, help: string, series: Series[], sumSlot: number): void {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
  for (const s of series) {
    const count = Math.floor(s.totals[SLOT.count] ?? 0);
    lines.push(`${name}_bucket{${s.labels},le="+Inf"} ${count}`, `${name}_sum{${s.labels}} ${fmt(s.totals[sumSlot] ?? 0)}`, `${name}_count{${s.labels}} ${count}`);
  }
}

/**
 * The text a cluster's data plane would expose together: sidecar and gateway proxies report client-side
 * series as source and server-side as destination; with a resolver, ztunnel reports L4 series for ambient
 * ends and the waypoints of this cluster report the L7 requests through them.
 */
export function renderClusterMetrics(model: TrafficModel, cluster: string, nowMs?: number, opts: RenderOptions = {}): string {
  const resolver = opts.dataplane;
  const totals = model.clusterTotals(cluster, nowMs, resolver?.faultOf);
  const http: Series[] = [];
  const tcp: Series[] = [];
  const ambient: EdgeTotals[][] = [[], []];
  for (const e of totals.source) {
    const d = resolver?.resolve(e.edge);
    if (!d || d.plain) proxySeries(e, 'source', http, tcp);
    else {
      if (!d.clientAmbient) proxySeries(e, 'source', http, tcp);
      ambient[0]?.push(e);
    }
  }
  for (const e of totals.destination) {
    const d = resolver?.resolve(e.edge);
    if (!d || d.plain) proxySeries(e, 'destination', http, tcp);
    else {
      if (!d.serverAmbient) proxySeries(e, 'destination', http, tcp, true);
      ambient[1]?.push(e);
    }
  }
  if (resolver) {
    const [clientSide = [], serverSide = []] = ambient;
    ambientSeries(resolver, clientSide, serverSide, http, tcp);
  }
  const lines: string[] = [];
  counter(lines, 'istio_requests_total', 'Total requests.', http, SLOT.count);
  histogram(lines, 'istio_request_duration_milliseconds', 'Request duration in milliseconds.', http, DURATION_BUCKETS_MS, SLOT.durationBuckets, SLOT.durationSum);
  if (opts.sizeBuckets === false) {
    summaryOnly(lines, 'istio_request_bytes', 'Request size in bytes.', http, SLOT.requestBytesSum);
    summaryOnly(lines, 'istio_response_bytes', 'Response size in bytes.', http, SLOT.responseBytesSum);
  } else {
    histogram(lines, 'istio_request_bytes', 'Request size in bytes.', http, BYTE_BUCKETS, SLOT.requestBuckets, SLOT.requestBytesSum);
    histogram(lines, 'istio_response_bytes', 'Response size in bytes.', http, BYTE_BUCKETS, SLOT.responseBuckets, SLOT.responseBytesSum);
  }
  counter(lines, 'istio_tcp_sent_bytes_total', 'Bytes sent during response over a TCP connection.', tcp, 2);
  counter(lines, 'istio_tcp_received_bytes_total', 'Bytes received during request over a TCP connection.', tcp, 3);
  counter(lines, 'istio_tcp_connections_opened_total', 'TCP connections opened.', tcp, 0);
  counter(lines, 'istio_tcp_connections_closed_total', 'TCP connections closed.', tcp, 1);
  lines.push('');
  return lines.join('\n');
}
