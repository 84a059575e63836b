import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { EdgeLatencyRegression, LatencyRegressionList, LatencyRegressionQuery } from '@/lib/api/latency-signals';
import { telemetryEnvelope } from './envelope';
import { mergeTelemetryStates, type FanOut, type TaggedSample } from './fan-out';
import { seesNoCluster, type FleetFacts } from './fleet-facts';
import { DEFAULT_LATENCY_BASELINE, EDGE_LATENCY_LABELS, judgeLatency, LATENCY_THRESHOLDS, latencyRegressionQueries } from './latency-regression-queries';
import { clusterOf } from './signal-accumulator';
import { durationSeconds, equalityMatchers } from './signal-queries';
import type { TelemetryService } from './telemetry-service';

const SEP = '\u0000';
type Quantile = 'p99' | 'p95';

/** Now and baseline of one quantile per edge, keyed by the edge's labels (cluster resolved). */
interface EdgeValues {
  metric: Record<string, string>;
  cluster: string;
  p99?: { nowMs?: number; baselineMs?: number };
  p95?: { nowMs?: number; baselineMs?: number };
}

/**
 * GET /api/v1/signals/latency: edges whose p99 (or p95) over the short window
 * is at least 3x and 200 ms above their own baseline (30m ending 5m ago), with
 * at least 1 rps now and history covering the baseline; worst factor first.
 * Four fleet-wide queries (now and baseline, per quantile), cached and fanned
 * out like every telemetry read. Edges into namespaces the caller may not see
 * are left out; a caller who may not see the calling workload gets source null.
 */
export async function getLatencyRegressions(svc: TelemetryService, facts: FleetFacts, query: LatencyRegressionQuery): Promise<FleetResponse<LatencyRegressionList>> {
  const window = query.window ?? svc.window;
  const baseline = svc.latencyBaseline ?? DEFAULT_LATENCY_BASELINE;
  const head = { window, baseline: { ...baseline, rangeSeconds: durationSeconds(baseline.range) }, thresholds: LATENCY_THRESHOLDS };
  const clusters = facts.clusters().filter((c) => !query.cluster || c === query.cluster);
  if (seesNoCluster(facts, clusters)) return telemetryEnvelope(facts, { ...head, items: [], telemetry: {} }, {});
  const matchers = equalityMatchers({ destination_service_namespace: query.namespace });
  const q99 = latencyRegressionQueries(0.99, window, baseline, LATENCY_THRESHOLDS, matchers);
  const q95 = latencyRegressionQueries(0.95, window, baseline, LATENCY_THRESHOLDS, matchers);
  const [now99, base99, now95, base95] = await Promise.all([q99.now, q99.baseline, q95.now, q95.baseline].map((b) => svc.client.instant(b, clusters)));
  const telemetry = mergeTelemetryStates(now99!.clusters, base99!.clusters, now95!.clusters, base95!.clusters);

  const visible = new Set(clusters);
  const edges = new Map<string, EdgeValues>();
  const each = (f: FanOut<TaggedSample>, quantile: Quantile, field: 'nowMs' | 'baselineMs') => {
    for (const s of f.samples) {
      const cluster = clusterOf(s.metric.destination_cluster, s.scrapeCluster);
      const ns = s.metric.destination_service_namespace;
      if (!cluster || !ns || !s.metric.destination_service_name || !visible.has(cluster) || !facts.allows(cluster, ns)) continue;
      if (!facts.allows(cluster, s.metric.destination_workload_namespace || ns)) continue;
      const key = [cluster, ...EDGE_LATENCY_LABELS.slice(1).map((l) => s.metric[l] ?? '')].join(SEP);
      let e = edges.get(key);
      if (!e) edges.set(key, (e = { metric: s.metric, cluster }));
      (e[quantile] ??= {})[field] = s.value;
    }
  };
  each(now99!, 'p99', 'nowMs');
  each(base99!, 'p99', 'baselineMs');
  each(now95!, 'p95', 'nowMs');
  each(base95!, 'p95', 'baselineMs');

  const items = [...edges.values()].flatMap((e) => regression(e, facts) ?? []);
  items.sort((a, b) => b.factor - a.factor || a.cluster.localeCompare(b.cluster) || a.namespace.localeCompare(b.namespace) || a.service.localeCompare(b.service));
  return telemetryEnvelope(facts, { ...head, items, telemetry }, telemetry);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The edge as an answer item when p99 (else p95) regressed; undefined otherwise or without a baseline. */
function regression(e: EdgeValues, facts: FleetFacts): EdgeLatencyRegression | undefined {
  const pair = (v: EdgeValues[Quantile]) => (v?.nowMs !== undefined && v.baselineMs !== undefined ? { nowMs: round(v.nowMs), baselineMs: round(v.baselineMs) } : null);
  const p99 = pair(e.p99);
  const p95 = pair(e.p95);
  const f99 = p99 && judgeLatency(p99.nowMs, p99.baselineMs);
  const f95 = p95 && judgeLatency(p95.nowMs, p95.baselineMs);
  const [quantile, values, factor] = f99 ? (['p99', p99!, f99] as const) : f95 ? (['p95', p95!, f95] as const) : [];
  if (!quantile) return undefined;
  const m = e.metric;
  const srcCluster = clusterOf(m.source_cluster, e.cluster) ?? e.cluster;
  const srcNs = m.source_workload_namespace ?? '';
  // An unmeshed caller has no namespace: nothing of another workspace to hide.
  const source = !srcNs || facts.allows(srcCluster, srcNs) ? { cluster: srcCluster, namespace: srcNs, workload: m.source_workload ?? 'unknown' } : null;
  return {
    cluster: e.cluster,
    namespace: m.destination_service_namespace ?? '',
    service: m.destination_service_name ?? '',
    workloadNamespace: m.destination_workload_namespace ?? m.destination_service_namespace ?? '',
    workload: m.destination_workload ?? 'unknown',
    source,
    quantile,
    nowMs: values.nowMs,
    baselineMs: values.baselineMs,
    factor: round(factor),
    p99,
    p95,
  };
}
