/**
 * A generated fleet for scale tests: N clusters, M namespaces per cluster, K
 * services per cluster (spread over the namespaces, same names in every
 * cluster), P pods per service. Deterministic from the seed.
 */
import { seededRandom } from './ids';
import type { ClusterSpec, FleetSpec, MeshSpec, NamespaceSpec, ServiceSpec, TrafficEdgeSpec, WorkloadSpec } from './types';

export interface GeneratedFleetOptions {
  clusters: number;
  /** Namespaces per cluster. */
  namespaces: number;
  /** Services per cluster (each also deployed in every cluster). */
  services: number;
  /** Pods per service per cluster. */
  pods: number;
  seed: number;
  /** Meshes the clusters are split into round-robin (default 1). */
  meshes?: number;
}

const REGIONS = ['us-east-1', 'us-west-2', 'eu-central-1', 'eu-west-1', 'ap-southeast-1', 'ap-northeast-1', 'sa-east-1', 'ca-central-1'];
const WORDS = ['cart', 'orders', 'users', 'search', 'catalog', 'auth', 'billing', 'inventory', 'shipping', 'pricing', 'reviews', 'media', 'notify', 'ledger', 'quotes', 'profile'];
const VERSIONS = ['1.29.6', '1.30.3', '1.30.3', '1.30.3', '1.31.0'];
const KUBE = ['v1.32.9', 'v1.33.5', 'v1.33.5', 'v1.34.1'];
const TEST_NETS = ['192.0.2', '198.51.100', '203.0.113'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Rejects sizes the simulator cannot represent, naming the bad option. */
export function checkGeneratedOptions(o: GeneratedFleetOptions): void {
  const ints: Array<[keyof GeneratedFleetOptions, number, number]> = [['clusters', 1, 700], ['namespaces', 1, 500], ['services', 1, 20_000], ['pods', 0, 200], ['meshes', 1, 100]];
  for (const [key, min, max] of ints) {
    const v = o[key];
    if (v === undefined && key === 'meshes') continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Error(`--${key} must be an integer from ${min} to ${max} (got ${String(v)})`);
  }
  if (!Number.isInteger(o.seed)) throw new Error(`--seed must be an integer (got ${o.seed})`);
}

/** The FleetSpec for the options; the same options always give the same fleet. */
export function generatedFleet(o: GeneratedFleetOptions): FleetSpec {
  checkGeneratedOptions(o);
  const rand = seededRandom(o.seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
  const meshCount = Math.min(o.meshes ?? 1, o.clusters);
  const meshes: MeshSpec[] = Array.from({ length: meshCount }, (_, k) => ({ id: `mesh-${pad(k, 2)}`, trustDomain: 'cluster.local', rootId: `mesh-${pad(k, 2)}` }));
  const clusters: ClusterSpec[] = [];
  for (let i = 0; i < o.clusters; i++) {
    const region = REGIONS[i % REGIONS.length] ?? 'us-east-1';
    const name = `${region}-${pad(i, 3)}`;
    const version = pick(VERSIONS);
    clusters.push({
      name,
      mesh: meshes[i % meshCount]?.id ?? 'mesh-00',
      network: `network-${name}`,
      region,
      zones: ['a', 'b', 'c'].map((z) => `${region}${z}`),
      kubeVersion: pick(KUBE),
      revisions: [{ revision: 'default', version, replicas: 1 }],
      eastWestAddress: `${TEST_NETS[Math.floor(i / 250) % TEST_NETS.length]}.${(i % 250) + 1}`,
      index: i,
      nodes: Math.min(50, Math.max(3, Math.ceil((o.services * o.pods) / 100))),
    });
  }
  const nsNames = Array.from({ length: o.namespaces }, (_, j) => `team-${pad(j, 3)}`);
  const svcNames = Array.from({ length: o.services }, (_, k) => ({
    name: `${WORDS[k % WORDS.length]}-${pad(k, 4)}`,
    namespace: nsNames[k % nsNames.length] ?? 'team-000',
  }));
  const clusterNames = clusters.map((c) => c.name);
  const namespaces: NamespaceSpec[] = clusters.flatMap((c) => nsNames.map((name) => ({ cluster: c.name, name, revision: 'default' })));
  const services: ServiceSpec[] = svcNames.map((s) => ({
    name: s.name,
    namespace: s.namespace,
    clusters: clusterNames,
    labels: { app: s.name },
    selector: { app: s.name },
    ports: [{ name: 'http', port: 8080 }],
  }));
  const workloads: WorkloadSpec[] = [];
  const edges: TrafficEdgeSpec[] = [];
  for (const c of clusters) {
    for (const s of svcNames) {
      workloads.push({ cluster: c.name, namespace: s.namespace, name: `${s.name}-v1`, labels: { app: s.name, version: 'v1' }, replicas: o.pods, serviceAccount: s.name, image: `ghcr.io/meshglass/${s.name.replace(/-\d+$/, '')}:1.0.${Math.floor(rand() * 9)}`, containerPorts: [8080] });
    }
  }
  if (o.pods > 0) {
    // Each service calls the next one in its namespace, locally; every tenth call also crosses to the next cluster of its mesh.
    for (const [ci, c] of clusters.entries()) {
      const peers = clusters.filter((p) => p.mesh === c.mesh);
      const next = peers[(peers.indexOf(c) + 1) % peers.length] ?? c;
      for (let k = 0; k + o.namespaces < svcNames.length; k++) {
        const from = svcNames[k];
        const to = svcNames[k + o.namespaces];
        if (!from || !to) continue;
        const rps = Math.round((1 + rand() * 19) * 10) / 10;
        const p50 = Math.round(2 + rand() * 40);
        const errors = rand() < 0.1 ? [{ code: '503', ratio: Math.round(rand() * 50) / 1000 }] : undefined;
        const base = { source: { cluster: c.name, namespace: from.namespace, workload: `${from.name}-v1` }, protocol: 'http' as const, latency: { p50Ms: p50, p99Ms: p50 * 4 }, requestBytes: 300, responseBytes: 2000, ...(errors ? { errors } : {}) };
        edges.push({ ...base, destination: { cluster: c.name, namespace: to.namespace, workload: `${to.name}-v1`, service: to.name }, rps });
        if (next !== c && (k + ci) % 10 === 0) {
          edges.push({ ...base, destination: { cluster: next.name, namespace: to.namespace, workload: `${to.name}-v1`, service: to.name }, rps: Math.max(1, Math.round(rps * 0.2)), latency: { p50Ms: p50 + 60, p99Ms: p50 * 4 + 90 } });
        }
      }
    }
  }
  return { name: `generated-${o.clusters}x${o.services}x${o.pods}-seed${o.seed}`, meshes, clusters, namespaces, services, workloads, edges, extraObjects: [] };
}
