import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { MeshServiceSignals, ServiceSignals, ServiceSignalsQuery } from '@/lib/api/telemetry';
import { globalServiceHealth } from '@/lib/health/global-health';
import { serviceInstanceHealth } from '@/lib/health/instance-health';
import { emptyRates } from '@/lib/health/response-class';
import { tolerancesFor } from '@/lib/health/tolerances';
import { telemetryEnvelope } from './envelope';
import { mergeTelemetryStates, type FanOut, type TaggedSample, type TelemetryClusterState } from './fan-out';
import { seesNoCluster, type FleetFacts } from './fleet-facts';
import { AccumulatorMap, clusterOf, SignalAccumulator } from './signal-accumulator';
import { equalityMatchers, goldenSignalQueries, SERVICE_LABELS } from './signal-queries';
import { forEachSliced } from './slices';
import type { TelemetryService } from './telemetry-service';

const SEP = '\u0000';

/** Instant golden signals of service instances, keyed 'cluster\0namespace\0name', and each cluster's telemetry state. */
export async function serviceAccumulators(svc: TelemetryService, clusters: string[], window: string, filters: { namespace?: string; name?: string }) {
  const q = goldenSignalQueries(window, SERVICE_LABELS, equalityMatchers({ destination_service_namespace: filters.namespace, destination_service_name: filters.name }));
  const [requests, buckets, tcp] = await Promise.all([svc.client.instant(q.requests, clusters), svc.client.instant(q.buckets, clusters), svc.client.instant(q.tcp, clusters)]);
  const acc = new AccumulatorMap<string>();
  const visible = new Set(clusters);
  // Sliced: the fleet-wide list reloads tens of thousands of series every cacheSeconds; requests are answered between slices.
  const each = (f: FanOut<TaggedSample>, add: (a: SignalAccumulator, s: TaggedSample) => void) =>
    forEachSliced(f.samples, (s) => {
      const cluster = clusterOf(s.metric.destination_cluster, s.scrapeCluster);
      const ns = s.metric.destination_service_namespace;
      const name = s.metric.destination_service_name;
      if (!cluster || !ns || !name || !visible.has(cluster)) return;
      add(acc.at(cluster + SEP + ns + SEP + name), s);
    });
  await each(requests, (a, s) => a.addRequests(s.metric, s.value));
  await each(buckets, (a, s) => a.addBucket(s.metric.le, s.value));
  await each(tcp, (a, s) => a.addTcp(s.value));
  return { acc: acc.map, telemetry: mergeTelemetryStates(requests.clusters, buckets.clusters, tcp.clusters) };
}

/** Joins accumulators with the fleet's readiness into one service row over `clusters` (one mesh's, for the lists). */
export function serviceRow(
  svc: TelemetryService,
  facts: FleetFacts,
  namespace: string,
  name: string,
  clusters: string[],
  acc: Map<string, SignalAccumulator>,
  telemetry: Record<string, TelemetryClusterState>,
): ServiceSignals {
  const tolerances = tolerancesFor(svc.tolerances, namespace, name);
  const total = new SignalAccumulator();
  const perCluster = clusters.map((cluster) => {
    const a = acc.get([cluster, namespace, name].join(SEP));
    if (a) total.merge(a);
    // No series from a healthy source means no requests; no answer at all means we cannot tell.
    const rates = a?.requestRates() ?? (telemetry[cluster]?.state === 'ok' ? emptyRates() : undefined);
    const health = serviceInstanceHealth(rates, facts.serviceReadiness(cluster, namespace, name), tolerances);
    return { cluster, signals: (a ?? new SignalAccumulator()).toSignals(), health };
  });
  return { namespace, name, signals: total.toSignals(), health: globalServiceHealth(perCluster), clusters: perCluster };
}

// Code-point order, as the services list: '' (clusters without a mesh ID) before named meshes.
const byMesh = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * GET /api/v1/signals/services: every visible service with its signals and health over its
 * mesh's clusters and per cluster. One item per mesh, namespace and name, as the /services
 * rows: namespace sameness holds within a mesh only, so the same name in another mesh is
 * another item, never summed in.
 */
export async function getServiceSignals(
  svc: TelemetryService,
  facts: FleetFacts,
  query: ServiceSignalsQuery,
): Promise<FleetResponse<{ items: MeshServiceSignals[]; telemetry: Record<string, TelemetryClusterState> }>> {
  const clusters = facts.clusters().filter((c) => !query.cluster || c === query.cluster);
  if (seesNoCluster(facts, clusters)) return telemetryEnvelope(facts, { items: [], telemetry: {} }, {});
  const { acc, telemetry } = await serviceAccumulators(svc, clusters, query.window ?? svc.window, { namespace: query.namespace });
  // 'mesh\0namespace\0name' -> clusters. Services the fleet knows, plus any seen only in metrics (e.g. before the model has synced).
  const services = new Map<string, Set<string>>();
  const add = (cluster: string, ns: string, name: string) => {
    const k = [facts.mesh(cluster), ns, name].join(SEP);
    services.set(k, (services.get(k) ?? new Set()).add(cluster));
  };
  for (const s of facts.services()) {
    if (query.namespace && s.namespace !== query.namespace) continue;
    for (const c of s.clusters) if (clusters.includes(c)) add(c, s.namespace, s.name);
  }
  for (const key of acc.keys()) {
    const [cluster = '', ns = '', name = ''] = key.split(SEP);
    if (facts.allows(cluster, ns)) add(cluster, ns, name);
  }
  const items = [...services]
    .map(([k, cs]): MeshServiceSignals => {
      const [mesh = '', ns = '', name = ''] = k.split(SEP);
      return { mesh, ...serviceRow(svc, facts, ns, name, [...cs].sort(), acc, telemetry) };
    })
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name) || byMesh(a.mesh, b.mesh));
  return telemetryEnvelope(facts, { items, telemetry }, telemetry);
}
