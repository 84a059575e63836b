import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { ClusterDetail, ClusterList, ClusterSummary, EastWestGateway } from '@/lib/fleet/clusters';
import type { ClusterEntry, FleetModel } from './model';
import { envelope } from './envelope';
import { ALL, allows, type VisibilityScope } from './scope';
import { ambientCounts } from './ambient';
import { clusterWaypoints } from './waypoints';
import { clusterZtunnels } from './ztunnels';

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
  for (const key of e.store.eastWestGateways) {
    const s = e.store.services.get(key);
    if (!s) continue;
    out.push({ cluster: e.info.name, namespace: s.namespace, name: s.name, network: s.labels['topology.istio.io/network'] ?? clusterNetwork(e), addresses: s.externalAddresses, ports: s.ports.map((p) => p.port) });
  }
  return out.sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The fields that move with time or the connection rather than with the cluster's records. */
type LiveFields = 'state' | 'reason' | 'dataAgeSeconds' | 'syncedKinds' | 'totalKinds' | 'forbiddenKinds' | 'notServedKinds' | 'skippedObjects' | 'kubernetesVersion' | 'apiLatency' | 'watchExpiries';
/** The detail without its per-node and per-waypoint lists, which only GET /clusters/{name} works out. */
type ClusterBase = Omit<ClusterDetail, 'ztunnels' | 'waypoints'>;
type StoreDerived = Omit<ClusterBase, LiveFields>;

interface Memo {
  revision: number;
  info: ClusterEntry['info'];
  controlPlanes: ClusterEntry['controlPlanes'];
  derived: StoreDerived;
}

/**
 * Per cluster: the part of its summary derived from its records, its info
 * and its istiod polls, reused until one of them changes (the store's
 * revision moves on every write; upsertCluster and setControlPlanes replace
 * info and controlPlanes). A WeakMap, so a removed cluster's memo goes with it.
 */
const memos = new WeakMap<ClusterEntry, Memo>();

function storeDerived(e: ClusterEntry): StoreDerived {
  const st = e.store;
  const m = memos.get(e);
  if (m && m.revision === st.revision && m.info === e.info && m.controlPlanes === e.controlPlanes) return m.derived;
  let configObjects = 0;
  for (const t of st.config.values()) configObjects += t.size;
  const regions = new Set<string>();
  const zones = new Set<string>();
  for (const n of st.nodes.values()) {
    if (n.region) regions.add(n.region);
    if (n.zone) zones.add(n.zone);
  }
  const controlPlanes = new Map<string, string | undefined>();
  for (const k of st.istiodPods) {
    const p = st.pods.get(k);
    if (p) controlPlanes.set(p.labels['istio.io/rev'] ?? 'default', p.proxyVersion);
  }
  for (const [rev, poll] of e.controlPlanes) controlPlanes.set(rev, poll.version ?? controlPlanes.get(rev));
  const derived: StoreDerived = {
    name: e.info.name,
    displayName: e.info.displayName,
    source: e.info.source,
    mesh: clusterMesh(e),
    network: clusterNetwork(e),
    regions: [...regions].sort(),
    zones: [...zones].sort(),
    counts: { namespaces: st.namespaces.size, services: st.services.size, pods: st.pods.size, nodes: st.nodes.size, configObjects },
    controlPlanes: [...controlPlanes].sort(([a], [b]) => a.localeCompare(b)).map(([revision, version]) => ({ revision, version })),
    eastWestGateways: gateways(e),
    remoteSecretCount: 0,
    remoteSecrets: [...st.secrets.values()].filter((s) => s.labels['istio/multiCluster'] === 'true').map((s) => ({ name: s.name, clusters: s.dataKeys })),
    ambient: ambientCounts(st, ALL),
  };
  derived.remoteSecretCount = derived.remoteSecrets.length;
  memos.set(e, { revision: st.revision, info: e.info, controlPlanes: e.controlPlanes, derived });
  return derived;
}

function apiLatencyOf(e: ClusterEntry): ClusterDetail['apiLatency'] {
  const l = e.view.apiLatency?.();
  return l && { ms: l.ms, timedOut: l.timedOut, measuredAt: new Date(l.at).toISOString() };
}

/** One cluster with its remote secrets: state, counts, topology, control planes, gateways, ambient counts. Only the state part is derived per call. */
function clusterBase(e: ClusterEntry, now = Date.now()): ClusterBase {
  const d = storeDerived(e);
  const c = e.view.condition(now);
  return {
    name: d.name,
    displayName: d.displayName,
    source: d.source,
    mesh: d.mesh,
    network: d.network,
    state: c.phase === 'connecting' ? 'syncing' : c.phase,
    reason: c.reason,
    dataAgeSeconds: c.dataAgeSeconds,
    syncedKinds: c.syncedKinds,
    totalKinds: c.totalKinds,
    forbiddenKinds: c.forbiddenKinds,
    notServedKinds: c.notServedKinds ?? [],
    skippedObjects: e.view.skipped(),
    kubernetesVersion: e.view.kubernetesVersion(),
    apiLatency: apiLatencyOf(e),
    watchExpiries: e.view.watchExpiries?.(now),
    regions: d.regions,
    zones: d.zones,
    counts: d.counts,
    controlPlanes: d.controlPlanes,
    eastWestGateways: d.eastWestGateways,
    remoteSecretCount: d.remoteSecretCount,
    remoteSecrets: d.remoteSecrets,
    ...(d.ambient ? { ambient: d.ambient } : {}),
  };
}

/** Objects of the scope's namespaces only: a scoped caller learns nothing of the rest of a cluster by counting. */
function scopedCounts(e: ClusterEntry, scope: VisibilityScope): ClusterDetail['counts'] {
  const inScope = (o: { namespace: string }) => allows(scope, e.info.name, o.namespace);
  const count = (xs: Iterable<{ namespace: string }>) => {
    let n = 0;
    for (const x of xs) if (inScope(x)) n++;
    return n;
  };
  let configObjects = 0;
  for (const t of e.store.config.values()) configObjects += count(t.values());
  return {
    namespaces: count([...e.store.namespaces.values()].map((ns) => ({ namespace: ns.name }))),
    services: count(e.store.services.values()),
    pods: count(e.store.pods.values()),
    nodes: e.store.nodes.size,
    configObjects,
  };
}

/** 'kubeconfig:/etc/fleet.yaml#prod' -> 'kubeconfig': the kind of source, without file paths or home clusters. */
function sourceKind(source: string): string {
  const i = source.indexOf(':');
  return i > 0 ? source.slice(0, i) : 'unknown';
}

/**
 * What a caller who sees only some namespaces may know of a cluster: counts of
 * those namespaces (ambient namespaces and waypoints too), the kind of source
 * without its path, and only remote secrets whose every peer it sees (a
 * secret's name and keys name its peers).
 */
function scopedBase(d: ClusterBase, e: ClusterEntry, scope: VisibilityScope): ClusterBase {
  if (scope.kind === 'all') return d;
  const remoteSecrets = d.remoteSecrets.filter((s) => s.clusters.every((c) => allows(scope, c)));
  const { ambient: _all, ...rest } = d;
  void _all;
  const ambient = d.ambient && ambientCounts(e.store, scope);
  return { ...rest, source: sourceKind(d.source), counts: scopedCounts(e, scope), remoteSecrets, remoteSecretCount: remoteSecrets.length, ...(ambient ? { ambient } : {}) };
}

/** One cluster as GET /api/v1/clusters/{name} answers it: with ztunnel per node and waypoints, as the scope sees them. */
export function clusterDetail(e: ClusterEntry, scope: VisibilityScope = ALL, now = Date.now()): ClusterDetail {
  return { ...scopedBase(clusterBase(e, now), e, scope), ztunnels: clusterZtunnels(e.store, scope), waypoints: clusterWaypoints(e.store, scope) };
}

/** One cluster's row in the list: without the remote secrets' names (their count only), ztunnels or waypoints. */
export function clusterSummary(e: ClusterEntry, now = Date.now(), scope: VisibilityScope = ALL): ClusterSummary {
  const { remoteSecrets: _list, ...summary } = scopedBase(clusterBase(e, now), e, scope);
  void _list;
  return summary;
}

/** GET /api/v1/clusters: every visible cluster, and the meshes and networks they form; sources and the config file for admins only. */
export function getClusters(model: FleetModel, scope: VisibilityScope): FleetResponse<ClusterList> {
  const items = model.clusters().filter((e) => allows(scope, e.info.name)).map((e) => clusterSummary(e, Date.now(), scope));
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
    // Sources list every cluster they offer and their file paths; the config status names the config file.
    ...(scope.kind === 'all' ? { sources: model.sources(), config: model.configStatus() } : { sources: [] }),
  });
}

/** GET /api/v1/clusters/{name}, or undefined (404). */
export function getCluster(model: FleetModel, scope: VisibilityScope, name: string): FleetResponse<ClusterDetail> | undefined {
  const e = model.cluster(name);
  return e && allows(scope, name) ? envelope(model, scope, clusterDetail(e, scope)) : undefined;
}
