import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { ClusterList, ClusterSummary, EastWestGateway } from '@/lib/fleet/clusters';
import type { ClusterEntry, FleetModel } from './model';
import { envelope } from './envelope';
import { allows, type VisibilityScope } from './scope';

/** The network of a cluster: the configured override, else the istio-system namespace's topology label. */
export function clusterNetwork(e: ClusterEntry): string | undefined {
  return e.info.network ?? e.store.namespaces.get('istio-system')?.labels['topology.istio.io/network'];
}

/** The mesh ID of a cluster: the configured override, else the default revision's mesh config. */
export function clusterMesh(e: ClusterEntry): string | undefined {
  if (e.info.mesh) return e.info.mesh;
  const configs = [...e.store.meshConfigs.values()].filter((m) => m.meshId);
  return (configs.find((m) => m.revision === 'default') ?? configs[0])?.meshId;
}

function gateways(e: ClusterEntry): EastWestGateway[] {
  const out: EastWestGateway[] = [];
  for (const s of e.store.services.values()) {
    if (s.labels.istio !== 'eastwestgateway') continue;
    out.push({ cluster: e.info.name, namespace: s.namespace, name: s.name, network: s.labels['topology.istio.io/network'] ?? clusterNetwork(e), addresses: s.externalAddresses, ports: s.ports.map((p) => p.port) });
  }
  return out;
}

/** One cluster's row: state, counts, topology, control planes, gateways and remote secrets. */
export function clusterSummary(e: ClusterEntry, now = Date.now()): ClusterSummary {
  const c = e.view.condition(now);
  const st = e.store;
  let configObjects = 0;
  for (const t of st.config.values()) configObjects += t.size;
  const regions = new Set<string>();
  const zones = new Set<string>();
  for (const n of st.nodes.values()) {
    if (n.region) regions.add(n.region);
    if (n.zone) zones.add(n.zone);
  }
  const controlPlanes = new Map<string, string | undefined>();
  for (const p of st.pods.values()) if (p.labels.app === 'istiod' || p.labels.istio === 'pilot') controlPlanes.set(p.labels['istio.io/rev'] ?? 'default', p.proxyVersion);
  for (const [rev, poll] of e.controlPlanes) controlPlanes.set(rev, poll.version ?? controlPlanes.get(rev));
  return {
    name: e.info.name,
    displayName: e.info.displayName,
    source: e.info.source,
    mesh: clusterMesh(e),
    network: clusterNetwork(e),
    state: c.phase === 'connecting' ? 'syncing' : c.phase,
    reason: c.reason,
    dataAgeSeconds: c.dataAgeSeconds,
    syncedKinds: c.syncedKinds,
    totalKinds: c.totalKinds,
    forbiddenKinds: c.forbiddenKinds,
    skippedObjects: e.view.skipped(),
    kubernetesVersion: e.view.kubernetesVersion(),
    regions: [...regions].sort(),
    zones: [...zones].sort(),
    counts: { namespaces: st.namespaces.size, services: st.services.size, pods: st.pods.size, nodes: st.nodes.size, configObjects },
    controlPlanes: [...controlPlanes].sort(([a], [b]) => a.localeCompare(b)).map(([revision, version]) => ({ revision, version })),
    eastWestGateways: gateways(e),
    remoteSecrets: [...st.secrets.values()].filter((s) => s.labels['istio/multiCluster'] === 'true').map((s) => ({ name: s.name, clusters: s.dataKeys })),
  };
}

/** GET /api/v1/clusters: every visible cluster, and the meshes and networks they form. */
export function getClusters(model: FleetModel, scope: VisibilityScope): FleetResponse<ClusterList> {
  const items = model.clusters().filter((e) => allows(scope, e.info.name)).map((e) => clusterSummary(e));
  const meshes = new Map<string, string[]>();
  const networks = new Map<string, { clusters: string[]; gateways: EastWestGateway[] }>();
  for (const c of items) {
    if (c.mesh) meshes.set(c.mesh, [...(meshes.get(c.mesh) ?? []), c.name]);
    if (c.network) {
      const n = networks.get(c.network) ?? { clusters: [], gateways: [] };
      n.clusters.push(c.name);
      n.gateways.push(...c.eastWestGateways.filter((g) => (g.network ?? c.network) === c.network));
      networks.set(c.network, n);
    }
  }
  return envelope(model, scope, {
    items,
    meshes: [...meshes].map(([id, clusters]) => ({ id, clusters })),
    networks: [...networks].map(([id, n]) => ({ id, ...n })),
    sources: model.sources(),
    config: model.configStatus(),
  });
}

/** GET /api/v1/clusters/{name}, or undefined (404). */
export function getCluster(model: FleetModel, scope: VisibilityScope, name: string): FleetResponse<ClusterSummary> | undefined {
  const e = model.cluster(name);
  return e && allows(scope, name) ? envelope(model, scope, clusterSummary(e)) : undefined;
}
