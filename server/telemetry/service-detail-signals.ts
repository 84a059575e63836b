import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { ServiceSignals, ServiceSignalsDetailQuery } from '@/lib/api/telemetry';
import { classifyResponse } from '@/lib/health/response-class';
import { telemetryEnvelope } from './envelope';
import { mergeTelemetryStates, type TaggedSeries, type TelemetryClusterState } from './fan-out';
import type { FleetFacts } from './fleet-facts';
import { serviceAccumulators, serviceRow } from './service-signals';
import { clusterOf } from './signal-accumulator';
import { durationSeconds, equalityMatchers, seriesQueries, stepFor } from './signal-queries';
import type { TelemetryService } from './telemetry-service';

type Points = Array<[number, number]>;
interface Series {
  cluster: string;
  points: Points;
}

/** Per cluster and timestamp: total rate and error rate (every non-ok class), from series grouped by response. */
export function rateSeries(series: TaggedSeries[], visible: Set<string>): { rps: Series[]; errorPercent: Series[] } {
  const byCluster = new Map<string, Map<number, { total: number; errors: number }>>();
  for (const s of series) {
    const cluster = clusterOf(s.metric.destination_cluster, s.scrapeCluster);
    if (!cluster || !visible.has(cluster)) continue;
    const bad = classifyResponse(s.metric.request_protocol, s.metric.response_code, s.metric.grpc_response_status) !== 'ok';
    let m = byCluster.get(cluster);
    if (!m) byCluster.set(cluster, (m = new Map()));
    for (const [t, v] of s.values) {
      const p = m.get(t) ?? { total: 0, errors: 0 };
      p.total += v;
      if (bad) p.errors += v;
      m.set(t, p);
    }
  }
  const rps: Series[] = [];
  const errorPercent: Series[] = [];
  for (const [cluster, m] of [...byCluster].sort((a, b) => a[0].localeCompare(b[0]))) {
    const ts = [...m.keys()].sort((a, b) => a - b);
    rps.push({ cluster, points: ts.map((t) => [t, m.get(t)!.total]) });
    errorPercent.push({ cluster, points: ts.map((t) => [t, m.get(t)!.total > 0 ? (m.get(t)!.errors / m.get(t)!.total) * 100 : 0]) });
  }
  return { rps, errorPercent };
}

/** GET /api/v1/signals/services/{namespace}/{name}: the service's instant signals per cluster and range series for charts; undefined when nothing knows it. */
export async function getServiceSignalDetail(
  svc: TelemetryService,
  facts: FleetFacts,
  namespace: string,
  name: string,
  query: ServiceSignalsDetailQuery,
): Promise<FleetResponse<{ service: ServiceSignals; series: { stepSeconds: number; rps: Series[]; errorPercent: Series[]; p95Ms: Series[] }; telemetry: Record<string, TelemetryClusterState> }> | undefined> {
  const clusters = facts.clusters().filter((c) => facts.allows(c, namespace));
  // Out of scope answers 404 like an unknown service; never fan out to every cluster.
  if (clusters.length === 0) return undefined;
  const window = query.window ?? svc.window;
  const rangeSeconds = durationSeconds(query.range ?? '30m');
  const step = stepFor(rangeSeconds);
  const sq = seriesQueries(window, equalityMatchers({ destination_service_namespace: namespace, destination_service_name: name }));
  const [instant, requests, p95] = await Promise.all([
    serviceAccumulators(svc, clusters, window, { namespace, name }),
    svc.client.range(sq.requests, clusters, rangeSeconds, step),
    svc.client.range(sq.p95, clusters, rangeSeconds, step),
  ]);
  const known = facts.services().find((s) => s.namespace === namespace && s.name === name);
  const withData = new Set([...(known?.clusters ?? [])]);
  for (const key of instant.acc.keys()) withData.add(key.split('\u0000')[0] ?? '');
  const serving = clusters.filter((c) => withData.has(c));
  if (serving.length === 0) return undefined;
  const telemetry = mergeTelemetryStates(instant.telemetry, requests.clusters, p95.clusters);
  const visible = new Set(clusters);
  const service = serviceRow(svc, facts, namespace, name, serving, instant.acc, telemetry);
  const p95Ms = p95.samples
    .map((s) => ({ cluster: clusterOf(s.metric.destination_cluster, s.scrapeCluster) ?? '', points: s.values }))
    .filter((s) => visible.has(s.cluster))
    .sort((a, b) => a.cluster.localeCompare(b.cluster));
  return telemetryEnvelope(facts, { service, series: { stepSeconds: step, ...rateSeries(requests.samples, visible), p95Ms }, telemetry }, telemetry);
}
