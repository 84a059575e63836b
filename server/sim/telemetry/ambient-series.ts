/**
 * The series ambient mode adds for an edge: a waypoint's L7 report of the
 * requests through it (reporter="waypoint"), and ztunnel's L4 reports of the
 * connections it carries (istio_tcp_*), one hop per ztunnel end, two hops
 * (client → waypoint, waypoint → backend) through a waypoint.
 */
import type { DataplaneResolver, EdgeDataplane } from './dataplane-resolver';
import { edgeService, renderLabels, standardLabelPairs, type ServiceLabels, type Side } from './labels';
import { SLOT, type EdgeTotals } from './traffic-model';

/** One rendered series: its labels and the totals its samples read. */
export interface Series {
  labels: string;
  totals: Float64Array;
}

/** HTTP and gRPC over HBONE: ztunnel opens one connection per this many requests. */
export const REQUESTS_PER_CONNECTION = 10;

const tcpLabels = (reporter: 'source' | 'destination', s: Side, d: Side, svc: ServiceLabels): string =>
  `${renderLabels(standardLabelPairs(reporter, s, d, svc, 'tcp', 'mutual_tls'))},response_flags="-"`;

interface EdgeLabels {
  waypoint?: string;
  ztunnelSource?: string;
  ztunnelDestination?: string;
}

// Rendered once per decision, i.e. once per edge and store resourceVersion.
const labelCache = new WeakMap<EdgeDataplane, EdgeLabels>();

function labelsOf(e: EdgeTotals, d: EdgeDataplane): EdgeLabels {
  const hit = labelCache.get(d);
  if (hit) return hit;
  const { spec, sides } = e.edge;
  const svc = edgeService(spec);
  const wp = d.waypoint;
  const out: EdgeLabels = {};
  if (wp?.ready) out.waypoint = renderLabels(standardLabelPairs('waypoint', sides.source, sides.destination, svc, spec.protocol, 'mutual_tls'));
  // Through a waypoint each ztunnel sees its own hop; a binding to a missing waypoint carries nothing.
  if (d.clientAmbient && (!wp || wp.present)) out.ztunnelSource = wp ? tcpLabels('source', sides.source, wp.side, wp.service) : tcpLabels('source', sides.source, sides.destination, svc);
  if (d.serverAmbient && (!wp || wp.present)) out.ztunnelDestination = wp ? tcpLabels('destination', wp.side, sides.destination, svc) : tcpLabels('destination', sides.source, sides.destination, svc);
  labelCache.set(d, out);
  return out;
}

/** Connections and bytes ztunnel carried for an edge: tcp edges as modelled, HTTP/gRPC from the requests that reached a peer. */
function l4Totals(e: EdgeTotals): Float64Array | undefined {
  if (e.edge.spec.protocol === 'tcp') return e.outcomes[0]?.totals;
  let requests = 0;
  let requestBytes = 0;
  let responseBytes = 0;
  for (const { outcome, totals } of e.outcomes) {
    if (outcome.flags === 'UH') continue;
    requests += totals[SLOT.count] ?? 0;
    requestBytes += totals[SLOT.requestBytesSum] ?? 0;
    responseBytes += totals[SLOT.responseBytesSum] ?? 0;
  }
  const conns = requests / REQUESTS_PER_CONNECTION;
  // Laid out as tcp totals: opened, closed, sent (response direction), received.
  return Float64Array.from([conns, conns, responseBytes, requestBytes]);
}

/** Sums series with the same labels: every call a client makes through one waypoint is one client → waypoint hop to ztunnel. */
class L4Sums {
  private readonly byLabels = new Map<string, Float64Array>();
  add(labels: string, totals: Float64Array): void {
    const sum = this.byLabels.get(labels);
    if (!sum) this.byLabels.set(labels, Float64Array.from(totals));
    else for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) + (totals[i] ?? 0);
  }
  into(tcp: Series[]): void {
    for (const [labels, totals] of this.byLabels) tcp.push({ labels, totals });
  }
}

/**
 * Appends the ambient reporters' series of a cluster: `clientSide` are the non-plain edges whose
 * client runs here (waypoints and client ztunnels of this cluster), `serverSide` those whose server does.
 */
export function ambientSeries(resolver: DataplaneResolver, clientSide: EdgeTotals[], serverSide: EdgeTotals[], http: Series[], tcp: Series[]): void {
  const l4 = new L4Sums();
  for (const e of clientSide) {
    const labels = labelsOf(e, resolver.resolve(e.edge));
    if (labels.waypoint) {
      const isTcp = e.edge.spec.protocol === 'tcp';
      for (const { outcome, totals } of e.outcomes) {
        if (isTcp) tcp.push({ labels: `${labels.waypoint},response_flags="-"`, totals });
        else if (outcome.flags !== 'UH') http.push({ labels: `${labels.waypoint},response_code="${outcome.code}",grpc_response_status="${outcome.grpc}",response_flags="${outcome.flags}"`, totals });
      }
    }
    const totals = labels.ztunnelSource && l4Totals(e);
    if (labels.ztunnelSource && totals) l4.add(labels.ztunnelSource, totals);
  }
  for (const e of serverSide) {
    const labels = labelsOf(e, resolver.resolve(e.edge));
    const totals = labels.ztunnelDestination && l4Totals(e);
    if (labels.ztunnelDestination && totals) l4.add(labels.ztunnelDestination, totals);
  }
  l4.into(tcp);
}
