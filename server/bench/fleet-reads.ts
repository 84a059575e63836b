/**
 * Micro-benchmark of the fleet model's read paths at benchmark size M: the
 * simulator's generated fleet (50 clusters x 200 services x 5 pods, seed 1)
 * turned into slim records in-process and loaded as the initial LISTs would,
 * with one istiod poll per cluster. Times per call (min / median / max over
 * repetitions), JSON.stringify of the answer included, since a route pays it:
 * getClusters, getCluster, getServices (page, filtered), the same joined with
 * a fake telemetry service (cached fleet signals, as between two fan-outs),
 * getService (detail), model.workloads() of every cluster, telemetry's
 * fleetFacts().workloads() (what each topology request reads), and the reads
 * right after a write into one cluster.
 *
 *   npx tsx --conditions=react-server server/bench/fleet-reads.ts [clusters] [services] [pods] [reps]
 */
import os from 'node:os';
import { builtinKinds, configKind, recordKey, type AnyRecord, type KindSpec } from '../clusters/kinds';
import type { ProxySyncSummary } from '../istiod/syncz';
import { buildCluster, FleetIndex } from '../sim/fleet/build-cluster';
import { generatedFleet } from '../sim/fleet/generated-fleet';
import { remoteSecret } from '../sim/fleet/istio-system';
import { createCa } from '../sim/pki';
import type { KubeObject } from '../sim/kube/types';
import { getCluster, getClusters } from '../fleet/clusters';
import { FleetModel, type ClusterLiveView } from '../fleet/model';
import { getService, getServices } from '../fleet/services';
import { ALL, type VisibilityScope } from '../fleet/scope';
import { parseSelector } from '@/lib/access/selector';
import { fleetFacts } from '../telemetry/fleet-facts';
import { getServicesWithSignals } from '../telemetry/service-list-signals';
import type { TelemetryService } from '../telemetry/telemetry-service';
import type { ServicesQuery } from '@/lib/fleet/services';

const CLUSTERS = Number(process.argv[2] ?? 50);
const SERVICES = Number(process.argv[3] ?? 200);
const PODS = Number(process.argv[4] ?? 5);
const REPS = Number(process.argv[5] ?? 31);

const kinds = builtinKinds();
const spec = (role: string) => kinds.find((k) => k.role === role)!;
const BY_KIND: Record<string, KindSpec> = {
  Namespace: spec('namespaces'), Service: spec('services'), EndpointSlice: spec('endpointslices'), Pod: spec('pods'), Deployment: spec('deployments'), Node: spec('nodes'),
};
const configSpecs = new Map<string, KindSpec>();

/** The kind specs a connection would file this object under (a ConfigMap may be both a root cert and a mesh config). */
function specsFor(o: KubeObject): KindSpec[] {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
  if (group && /(\.istio\.io|^admiral\.io)$/.test(group)) {
    const id = `${group}/${version}/${o.kind}`;
    if (!configSpecs.has(id)) configSpecs.set(id, configKind(group, version!, o.kind, `${o.kind.toLowerCase()}s`, o.metadata.namespace !== undefined));
    return [configSpecs.get(id)!];
  }
  if (o.kind === 'ConfigMap') {
    const out: KindSpec[] = [];
    if (o.metadata.name === 'istio-ca-root-cert') out.push(spec('rootcerts'));
    if (o.metadata.namespace === 'istio-system') out.push(spec('meshconfigs'));
    return out;
  }
  if (o.kind === 'Secret') return o.metadata.namespace === 'istio-system' ? [spec('secrets')] : [];
  const s = BY_KIND[o.kind];
  return s ? [s] : [];
}

const okView = (): ClusterLiveView => {
  const startedAt = Date.now();
  return {
    condition: (now) => ({ phase: 'ok', syncedKinds: 20, totalKinds: 20, forbiddenKinds: [], dataAgeSeconds: Math.round((now - startedAt) / 1000) }),
    skipped: () => ({ count: 0, oversized: 0 }),
    kubernetesVersion: () => 'v1.30.4',
  };
};

/** The M-size model (or the sizes given), loaded as the initial LISTs and istiod polls would load it. */
export function build(): { model: FleetModel; podKeys: Map<string, string[]> } {
  const fleet = generatedFleet({ clusters: CLUSTERS, namespaces: 10, services: SERVICES, pods: PODS, seed: 1 });
  const roots: Record<string, string> = {};
  for (const m of fleet.meshes) roots[m.rootId] ??= createCa(`${m.id} root CA`).certPem;
  const apiCa = createCa('bench-kube-ca').certPem;
  const index = new FleetIndex(fleet);
  const model = new FleetModel();
  const podKeys = new Map<string, string[]>();
  for (const c of fleet.clusters) {
    model.upsertCluster({ name: c.name, displayName: c.name, source: `kubeconfig:bench#${c.name}` }, okView());
    const objects = buildCluster(index, c.name, { roots, apiCaPem: apiCa }).objects;
    for (const peer of fleet.clusters) if (peer !== c && peer.mesh === c.mesh) objects.push(remoteSecret({ cluster: peer.name, url: 'https://127.0.0.1:1', token: 't' }, apiCa));
    const lists = new Map<KindSpec, Map<string, AnyRecord>>();
    for (const o of objects) {
      for (const s of specsFor(o)) {
        const r = s.slim(o);
        if (!r.ok) continue;
        if (!lists.has(s)) lists.set(s, new Map());
        lists.get(s)!.set(recordKey(s.namespaced ? o.metadata.namespace : undefined, o.metadata.name), r.record);
      }
    }
    for (const [s, records] of lists) model.replaceKind(c.name, s, records);
    const pods = [...(lists.get(spec('pods'))?.keys() ?? [])];
    podKeys.set(c.name, pods);
    // One istiod poll per cluster reporting its own proxies, all SYNCED.
    const proxies: ProxySyncSummary[] = pods.map((k) => {
      const [namespace = '', pod = ''] = k.split('/');
      return { proxy: `${pod}.${namespace}`, pod, namespace, cluster: c.name, cds: 'SYNCED', lds: 'SYNCED', eds: 'SYNCED', rds: 'SYNCED', ecds: 'SYNCED', overall: 'SYNCED' } as ProxySyncSummary;
    });
    model.setControlPlanes(c.name, [{ revision: 'default', namespace: 'istio-system', pod: 'istiod-0', state: 'ok', version: c.revisions[0]?.version, proxies, clusters: [], gateways: [] }]);
  }
  return { model, podKeys };
}

/** A telemetry service whose Prometheus answers 1 request-rate and 3 bucket samples per service instance of the first 4 clusters (as the benchmark's global Prometheus scrapes 4). */
export function fakeTelemetry(model: FleetModel): TelemetryService {
  const scraped = model.clusterNames().slice(0, 4);
  // serviceAccumulators asks requests, buckets, tcp in this order.
  let call = 0;
  const instant = async () => {
    const which = call++ % 3;
    const samples: Array<{ metric: Record<string, string>; value: number }> = [];
    for (const [key, clusters] of model.services) {
      const [ns = '', name = ''] = key.split('/');
      for (const c of clusters) {
        if (!scraped.includes(c)) continue;
        const base = { destination_cluster: c, destination_service_namespace: ns, destination_service_name: name };
        if (which === 1) for (const le of ['10', '100', '+Inf']) samples.push({ metric: { ...base, le }, value: 5 });
        else if (which === 2) samples.push({ metric: base, value: 100 });
        else samples.push({ metric: { ...base, response_code: '200', request_protocol: 'http', grpc_response_status: '' }, value: 5 });
      }
    }
    return { samples, clusters: Object.fromEntries(model.clusterNames().map((c) => [c, { state: 'ok' }])) };
  };
  return { client: { mode: 'global', instant } as unknown as TelemetryService['client'], window: '1m', tolerances: [], cacheSeconds: 3600 };
}

interface Timing { min: number; median: number; max: number }

function time(fn: () => unknown, reps = REPS): Timing {
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { min: t[0]!, median: t[Math.floor(reps / 2)]!, max: t[reps - 1]! };
}

async function timeAsync(fn: () => Promise<unknown>, reps = REPS): Promise<Timing> {
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { min: t[0]!, median: t[Math.floor(reps / 2)]!, max: t[reps - 1]! };
}

const f = (n: number) => n.toFixed(2).padStart(9);
const row = (label: string, t: Timing, extra = '') => console.log(`${label.padEnd(52)} ${f(t.min)} ${f(t.median)} ${f(t.max)}  ${extra}`);
const kib = (v: unknown) => `${Math.round(JSON.stringify(v).length / 1024)} KiB`;
const q = (over: Partial<ServicesQuery>): ServicesQuery => ({ page: 1, pageSize: 50, sort: 'name', ...over });

async function main() {
  let s = performance.now();
  const { model, podKeys } = build();
  const clusters = model.clusterNames();
  let pods = 0;
  let svcs = 0;
  for (const c of clusters) {
    pods += model.cluster(c)!.store.pods.size;
    svcs += model.cluster(c)!.store.services.size;
  }
  console.log(`fleet: ${clusters.length} clusters, ${svcs} Services, ${pods} pods, ${model.services.size} global services; built in ${Math.round(performance.now() - s)} ms, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);
  console.log(`node ${process.version}, ${os.cpus().length} cpus, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, ${REPS} reps`);
  console.log(`${'ms per call (answer JSON.stringify included)'.padEnd(52)} ${'min'.padStart(9)} ${'median'.padStart(9)} ${'max'.padStart(9)}`);

  const svc = fakeTelemetry(model);
  const detail = model.services.has('team-000/cart-0000') ? ['team-000', 'cart-0000'] as const : (() => { const [k] = model.services.keys(); return k!.split('/') as [string, string]; })();
  const filtered = q({ q: 'auth-', namespace: 'team-005', cluster: clusters[5], sort: '-endpoints' });
  // First calls build indexes and memos lazily.
  s = performance.now();
  getClusters(model, ALL);
  getServices(model, ALL, q({}));
  row('first getClusters + getServices (lazy builds)', { min: 0, median: performance.now() - s, max: 0 });
  await getServicesWithSignals(model, ALL, q({ page: 2 }), svc);
  await getServicesWithSignals(model, ALL, filtered, svc);

  row('getClusters', time(() => JSON.stringify(getClusters(model, ALL))), kib(getClusters(model, ALL)));
  row(`getCluster ${clusters[0]}`, time(() => JSON.stringify(getCluster(model, ALL, clusters[0]!))), kib(getCluster(model, ALL, clusters[0]!)));
  row('getServices page 2, sort name', time(() => JSON.stringify(getServices(model, ALL, q({ page: 2 })))), kib(getServices(model, ALL, q({ page: 2 }))));
  row('getServices filtered (q, namespace, cluster, -endpoints)', time(() => JSON.stringify(getServices(model, ALL, filtered))), `total ${getServices(model, ALL, filtered).data.total}`);
  const joinedPage = await getServicesWithSignals(model, ALL, q({ page: 2 }), svc);
  row('  + telemetry join, page 2 (signals cached)', await timeAsync(async () => JSON.stringify(await getServicesWithSignals(model, ALL, q({ page: 2 }), svc))), kib(joinedPage));
  row('  + telemetry join, filtered (signals cached)', await timeAsync(async () => JSON.stringify(await getServicesWithSignals(model, ALL, filtered, svc))));
  // A fresh service per call: its signal cache is empty, so this is the fan-out, accumulation and join paid once per cacheSeconds.
  row('  + telemetry join, page 2 (signals refetched)', await timeAsync(async () => JSON.stringify(await getServicesWithSignals(model, ALL, q({ page: 2 }), fakeTelemetry(model))), 11));
  const scoped: VisibilityScope = { kind: 'grants', grants: [{ workspace: 'teams', role: 'viewer', selectors: [parseSelector('*/team-00*')] }] };
  row('getServices page 2, workspace scope */team-00*', time(() => JSON.stringify(getServices(model, scoped, q({ page: 2 })))), `total ${getServices(model, scoped, q({ page: 2 })).data.total}`);
  row(`getService ${detail.join('/')} (detail)`, time(() => JSON.stringify(getService(model, ALL, detail[0], detail[1]))), kib(getService(model, ALL, detail[0], detail[1])));
  row('model.workloads() of every cluster', time(() => { for (const c of clusters) model.workloads(c); }), `${clusters.reduce((n, c) => n + model.workloads(c).length, 0)} workloads`);

  row('fleetFacts(ALL).workloads() (topology, per request)', time(() => fleetFacts(model, ALL).workloads(), 15));

  // A write into one cluster (a pod's readiness flips), then the reads: only that cluster's derived data should be recomputed.
  const [c0] = clusters;
  const podSpec = spec('pods');
  let n = 0;
  const writePod = () => {
    const key = podKeys.get(c0!)![n++ % podKeys.get(c0!)!.length]!;
    const p = model.cluster(c0!)!.store.pods.get(key)!;
    model.apply(c0!, podSpec, key, { ...p, ready: !p.ready } as AnyRecord);
  };
  row('1 pod write + getClusters', time(() => { writePod(); JSON.stringify(getClusters(model, ALL)); }));
  row('1 pod write + model.workloads() of every cluster', time(() => { writePod(); for (const c of clusters) model.workloads(c); }));
  row('1 pod write + getService (detail)', time(() => { writePod(); JSON.stringify(getService(model, ALL, detail[0], detail[1])); }));
  process.exit(0);
}

// Importable (for profiling one read) without running the benchmark.
if (process.argv[1]?.endsWith('fleet-reads.ts')) void main();
