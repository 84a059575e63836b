import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { ServiceSignals, ServiceSignalsQuery } from '@/lib/api/telemetry';
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

/** Joins accumulators with the fleet's readiness into one global-service row. */
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

/** GET /api/v1/signals/services: every visible global service with fleet-wide and per-cluster signals and health. */
export async function getServiceSignals(
  svc: TelemetryService,
  facts: FleetFacts,
  query: ServiceSignalsQuery,
): Promise<FleetResponse<{ items: ServiceSignals[]; telemetry: Record<string, TelemetryClusterState> }>> {
  const clusters = facts.clusters().filter((c) => !query.cluster || c === query.cluster);
  if (seesNoCluster(facts, clusters)) return telemetryEnvelope(facts, { items: [], telemetry: {} }, {});
  const { acc, telemetry } = await serviceAccumulators(svc, clusters, query.window ?? svc.window, { namespace: query.namespace });
  // Services the fleet knows, plus any seen only in metrics (e.g. before the model has synced).
  const services = new Map<string, Set<string>>();
  for (const s of facts.services()) {
    if (query.namespace && s.namespace !== query.namespace) continue;
    const cs = s.clusters.filter((c) => clusters.includes(c));
    if (cs.length) services.set(`${s.namespace}${SEP}${s.name}`, new Set(cs));
  }
  for (const key of acc.keys()) {
    const [cluster = '', ns = '', name = ''] = key.split(SEP);
    if (!facts.allows(cluster, ns)) continue;
    const k = `${ns}${SEP}${name}`;
    services.set(k, (services.get(k) ?? new Set()).add(cluster));
  }
  const items = [...services]
    .map(([k, cs]) => {
      const [ns = '', name = ''] = k.split(SEP);
      return serviceRow(svc, facts, ns, name, [...cs].sort(), acc, telemetry);
    })
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return telemetryEnvelope(facts, { items, telemetry }, telemetry);
}
