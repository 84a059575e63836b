import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { WorkloadSignals, WorkloadSignalsQuery } from '@/lib/api/telemetry';
import { workloadHealth } from '@/lib/health/instance-health';
import { emptyRates } from '@/lib/health/response-class';
import { tolerancesFor } from '@/lib/health/tolerances';
import { telemetryEnvelope } from './envelope';
import { mergeTelemetryStates, type FanOut, type TaggedSample, type TelemetryClusterState } from './fan-out';
import { seesNoCluster, type FleetFacts, type WorkloadFact } from './fleet-facts';
import { AccumulatorMap, clusterOf, SignalAccumulator } from './signal-accumulator';
import { equalityMatchers, goldenSignalQueries, WORKLOAD_LABELS } from './signal-queries';
import type { TelemetryService } from './telemetry-service';

const SEP = '\u0000';

/** GET /api/v1/signals/workloads: inbound signals and health of every visible workload (fleet workloads, plus any seen only in metrics). */
export async function getWorkloadSignals(
  svc: TelemetryService,
  facts: FleetFacts,
  query: WorkloadSignalsQuery,
): Promise<FleetResponse<{ items: WorkloadSignals[]; telemetry: Record<string, TelemetryClusterState> }>> {
  const clusters = facts.clusters().filter((c) => !query.cluster || c === query.cluster);
  if (seesNoCluster(facts, clusters)) return telemetryEnvelope(facts, { items: [], telemetry: {} }, {});
  const q = goldenSignalQueries(query.window ?? svc.window, WORKLOAD_LABELS, equalityMatchers({ destination_workload_namespace: query.namespace }));
  const [requests, buckets, tcp] = await Promise.all([svc.client.instant(q.requests, clusters), svc.client.instant(q.buckets, clusters), svc.client.instant(q.tcp, clusters)]);
  const telemetry = mergeTelemetryStates(requests.clusters, buckets.clusters, tcp.clusters);
  const acc = new AccumulatorMap<string>();
  const meta = new Map<string, { app?: string; version?: string }>();
  const visible = new Set(clusters);
  const each = (f: FanOut<TaggedSample>, add: (a: SignalAccumulator, s: TaggedSample) => void) => {
    for (const s of f.samples) {
      const cluster = clusterOf(s.metric.destination_cluster, s.scrapeCluster);
      const ns = s.metric.destination_workload_namespace;
      const name = s.metric.destination_workload;
      if (!cluster || !ns || !name || name === 'unknown' || !visible.has(cluster) || !facts.allows(cluster, ns)) continue;
      const key = [cluster, ns, name].join(SEP);
      if (!meta.has(key)) meta.set(key, { app: s.metric.destination_canonical_service, version: s.metric.destination_canonical_revision });
      add(acc.at(key), s);
    }
  };
  each(requests, (a, s) => a.addRequests(s.metric, s.value));
  each(buckets, (a, s) => a.addBucket(s.metric.le, s.value));
  each(tcp, (a, s) => a.addTcp(s.value));

  const facts_ = new Map<string, WorkloadFact>();
  for (const w of facts.workloads()) {
    if ((query.namespace && w.namespace !== query.namespace) || !visible.has(w.cluster)) continue;
    facts_.set([w.cluster, w.namespace, w.name].join(SEP), w);
  }
  const keys = new Set([...facts_.keys(), ...acc.map.keys()]);
  const items: WorkloadSignals[] = [...keys].map((key) => {
    const [cluster = '', namespace = '', name = ''] = key.split(SEP);
    const f = facts_.get(key);
    const a = acc.map.get(key);
    const app = f?.app ?? meta.get(key)?.app;
    const rates = a?.requestRates() ?? (telemetry[cluster]?.state === 'ok' ? emptyRates() : undefined);
    const health = workloadHealth(rates, f?.readiness, tolerancesFor(svc.tolerances, namespace, app ?? name));
    return { cluster, namespace, name, app, version: f?.version ?? meta.get(key)?.version, signals: (a ?? new SignalAccumulator()).toSignals(), health };
  });
  items.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name) || a.cluster.localeCompare(b.cluster));
  return telemetryEnvelope(facts, { items, telemetry }, telemetry);
}
