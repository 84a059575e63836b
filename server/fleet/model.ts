import 'server-only';
import type { AnyRecord, KindSpec } from '../clusters/kinds';
import type { SlimConfigObject, SlimPod, SlimService } from '../clusters/records';
import type { FleetSink } from '../clusters/fleet-sink';
import type { ClusterEntry, ClusterInfo, ClusterLiveView, ControlPlanePoll } from './cluster-entry';
import { changeKeys, parseChangeKey } from '@/lib/fleet/change-keys';
import type { ServiceInstance } from '@/lib/fleet/services';
import type { Workload } from '@/lib/fleet/workloads';
import type { ConfigStatus, SourceStatus } from '@/lib/fleet/clusters';
import { ChangeFeed } from './change-feed';
import { ClusterStore, setMember } from './cluster-store';
import { clusterMesh, clusterNetwork } from './clusters';
import { serviceInstance } from './derive-services';
import { clusterWorkloads } from './derive-workloads';
import { networksFromGateways, unsyncedProxyKeys } from './derive-proxies';
import { sameRecord } from './same-record';
import { ScopedRowCache } from './scoped-rows';
import { ServiceIndex } from './service-index';

export type { ClusterInfo, ClusterLiveView, ControlPlanePoll, ClusterEntry } from './cluster-entry';

/**
 * Why a record changed: a watch event; a list of a kind listed before (after a 410, a failure or a
 * rebuilt connection: it finds the events missed); the kind's first list in this cluster (the cluster
 * joining, the process starting); or the kind dropped because the cluster stopped serving it or
 * letting us read it (its objects did not go away).
 */
export type RecordCause = 'event' | 'relist' | 'initial' | 'dropped';

/** One record written or deleted in one cluster; `after` undefined is a delete. */
export interface RecordChange {
  cluster: string;
  spec: KindSpec;
  key: string;
  before?: AnyRecord;
  after?: AnyRecord;
  cause: RecordCause;
}

/**
 * Told of the model's writes as they happen (the change history's recorder). Called inside the write,
 * after the store is updated: keep it quick, and never write to the model from it.
 */
export interface FleetObserver {
  recordChanged?(change: RecordChange): void;
  /** A cluster's istiod polls were replaced (only when they differ from the last ones). */
  controlPlanesChanged?(cluster: string, before: ReadonlyMap<string, ControlPlanePoll>, after: ReadonlyMap<string, ControlPlanePoll>): void;
  /** The cluster's connection condition may have changed. */
  clusterChanged?(cluster: string): void;
  /** The cluster left the fleet; no recordChanged is made for its records. */
  clusterRemoved?(cluster: string): void;
}

/** Whether the connection reports the kind forbidden or not served (what empties a kind without its objects going away). */
function unreadable(view: ClusterLiveView, spec: KindSpec): boolean {
  const c = view.condition(Date.now());
  return c.forbiddenKinds.includes(spec.kind) || (c.notServedKinds?.includes(spec.kind) ?? false);
}

const UNKNOWN_VIEW: ClusterLiveView = {
  condition: () => ({ phase: 'connecting', reason: 'connecting', syncedKinds: 0, totalKinds: 0, forbiddenKinds: [], dataAgeSeconds: 0 }),
  skipped: () => ({ count: 0, oversized: 0 }),
  kubernetesVersion: () => undefined,
};

/**
 * The in-memory model of the whole fleet. Connections write slim records into
 * it; every write bumps the revision and names the keys it touched, which go
 * out on the change feed. Read functions (server/fleet/*.ts) only read.
 */
export class FleetModel implements FleetSink {
  private rev = 0;
  readonly feed = new ChangeFeed(() => this.rev);
  private readonly entries = new Map<string, ClusterEntry>();
  /** 'ns/name' -> clusters with a Service of that name (the /services rows split them by mesh, see meshOf). */
  readonly services = new Map<string, Set<string>>();
  /** 'ns/name' -> clusters with a ServiceEntry of that name. */
  readonly serviceEntries = new Map<string, Set<string>>();
  /** Per cluster: the mesh its service rows were last merged under, to see it move (see commit). */
  private readonly meshSeen = new Map<string, string>();
  /** Per service key, per cluster: derived instances, dropped whenever the key is touched. */
  private readonly instanceMemo = new Map<string, Map<string, ServiceInstance>>();
  /** Per cluster: its derived workloads, dropped when a `workloads/<cluster>/...` key (a pod or Deployment) is touched. */
  private readonly workloadMemo = new Map<string, readonly Workload[]>();
  /** Per cluster, per 'ns/kind/name': the workload's pod names; dropped with workloadMemo. */
  private readonly podNameMemo = new Map<string, Map<string, readonly string[]>>();
  /** Derived from the istiod polls; dropped when a poll or a cluster changes. */
  private pollMemo?: { unsynced: Set<string>; gatewayNetworks: Map<string, string> };
  /** The /services list, kept sorted and refreshed from the service keys each commit touches. */
  readonly serviceIndex = new ServiceIndex();
  /** The same rows as workspace scopes see them, dropped per service key like the index's. */
  readonly scopedServiceRows = new ScopedRowCache();

  private readonly observers = new Set<FleetObserver>();

  private sourcesView: () => SourceStatus[] = () => [];
  private configView: () => ConfigStatus | undefined = () => undefined;

  /** The configured cluster sources and their states (set by the ClusterManager). */
  sources(): SourceStatus[] {
    return this.sourcesView();
  }

  setSourcesView(view: () => SourceStatus[]): void {
    this.sourcesView = view;
  }

  /** A source's state or offered clusters changed. */
  sourcesChanged(): void {
    this.commit([changeKeys.sources]);
  }

  /** The config file's reload status (set by the app runtime). */
  configStatus(): ConfigStatus | undefined {
    return this.configView();
  }

  setConfigView(view: () => ConfigStatus | undefined): void {
    this.configView = view;
  }

  get revision(): number {
    return this.rev;
  }

  /** Adds an observer of the model's writes; returns the function that removes it. */
  observe(o: FleetObserver): () => void {
    this.observers.add(o);
    return () => this.observers.delete(o);
  }

  private tell(fn: (o: FleetObserver) => void): void {
    for (const o of this.observers) {
      try {
        fn(o);
      } catch {
        // An observer's bug must not break ingest half-way through a write.
      }
    }
  }

  clusterNames(): string[] {
    return [...this.entries.keys()].sort();
  }

  cluster(name: string): ClusterEntry | undefined {
    return this.entries.get(name);
  }

  clusters(): ClusterEntry[] {
    return this.clusterNames().map((n) => this.entries.get(n)!);
  }

  /** Each cluster's instance of the global service 'namespace/name', memoised until the service's key is touched. */
  serviceInstances(key: string): ReadonlyMap<string, ServiceInstance> {
    let m = this.instanceMemo.get(key);
    if (m) return m;
    m = new Map();
    for (const cluster of this.services.get(key) ?? []) {
      const store = this.entries.get(cluster)?.store;
      const svc = store?.services.get(key);
      if (store && svc) m.set(cluster, serviceInstance(store, svc));
    }
    this.instanceMemo.set(key, m);
    return m;
  }

  /** One cluster's workloads (from its pods, plus Deployments scaled to zero); empty for an unknown cluster. Memoised until one of its workload keys is touched: do not modify. */
  workloads(cluster: string): readonly Workload[] {
    const m = this.workloadMemo.get(cluster);
    if (m) return m;
    const e = this.entries.get(cluster);
    if (!e) return [];
    const w = clusterWorkloads(e.store);
    this.workloadMemo.set(cluster, w);
    return w;
  }

  /** Names of a workload's pods in one cluster (kind as in the pod's owner: Deployment, StatefulSet, ...). */
  workloadPods(cluster: string, namespace: string, kind: string, name: string): readonly string[] {
    const wk = `${namespace}/${kind}/${name}`;
    let memo = this.podNameMemo.get(cluster);
    const hit = memo?.get(wk);
    if (hit) return hit;
    const keys = this.entries.get(cluster)?.store.podsByWorkload.get(wk);
    if (!keys) return [];
    const names = [...keys].map((k) => k.slice(k.indexOf('/') + 1));
    // Health joins ask for every workload's pods on each telemetry refresh; the names only change with a workload key.
    if (!memo) this.podNameMemo.set(cluster, (memo = new Map()));
    memo.set(wk, names);
    return names;
  }

  /** Names of the pods behind one cluster's instance of a service (its workloads' pods). */
  instancePods(cluster: string, namespace: string, name: string): string[] {
    const inst = this.serviceInstances(`${namespace}/${name}`).get(cluster);
    return inst ? inst.workloads.flatMap((w) => this.workloadPods(cluster, namespace, w.kind, w.name)) : [];
  }

  /** How many of these pods' proxies istiod reports STALE or NOT SENT. */
  unsyncedProxies(cluster: string, namespace: string, pods: readonly string[]): number {
    const { unsynced } = this.polls();
    if (unsynced.size === 0) return 0;
    let n = 0;
    for (const p of pods) if (unsynced.has(`${cluster}/${namespace}/${p}`)) n++;
    return n;
  }

  /**
   * The mesh a cluster's services merge in: its mesh ID, or '' without one (clusters without a
   * mesh ID form one group, as Istio defaults them all to one mesh; they sort before named meshes).
   */
  meshOf(cluster: string): string {
    const e = this.entries.get(cluster);
    return (e && clusterMesh(e)) ?? '';
  }

  /** A cluster's network: configured, else the istio-system namespace's `topology.istio.io/network` label, else istiod's networkz gateways. */
  network(cluster: string): string | undefined {
    const e = this.entries.get(cluster);
    return (e && clusterNetwork(e)) ?? this.polls().gatewayNetworks.get(cluster);
  }

  private polls() {
    const entries = [...this.entries.values()];
    return (this.pollMemo ??= { unsynced: unsyncedProxyKeys(entries), gatewayNetworks: networksFromGateways(entries) });
  }

  /** Adds a cluster, or updates how its source describes it. */
  upsertCluster(info: ClusterInfo, view: ClusterLiveView = UNKNOWN_VIEW): void {
    const e = this.entries.get(info.name);
    if (e) {
      e.info = info;
      e.view = view;
    } else {
      this.entries.set(info.name, { info, view, store: new ClusterStore(info.name), controlPlanes: new Map() });
    }
    this.commit([changeKeys.cluster(info.name), changeKeys.meshes, changeKeys.networks]);
  }

  /** Forgets a cluster and everything read from it. */
  removeCluster(name: string): void {
    const e = this.entries.get(name);
    if (!e) return;
    const keys = e.store.allKeys();
    this.entries.delete(name);
    this.dropWorkloads(name);
    this.pollMemo = undefined;
    for (const idx of [this.services, this.serviceEntries]) {
      for (const [k, set] of idx) if (set.delete(name) && set.size === 0) idx.delete(k);
    }
    this.commit([...keys, changeKeys.meshes, changeKeys.networks, changeKeys.identities]);
    if (this.observers.size) this.tell((o) => o.clusterRemoved?.(name));
  }

  /** The cluster's state changed (the record data did not). */
  clusterChanged(name: string): void {
    if (!this.entries.has(name)) return;
    this.commit([changeKeys.cluster(name)]);
    if (this.observers.size) this.tell((o) => o.clusterChanged?.(name));
  }

  /** One watch event: record set, or deleted when undefined. */
  apply(cluster: string, spec: KindSpec, key: string, record: AnyRecord | undefined): void {
    const e = this.entries.get(cluster);
    if (!e) return;
    const before = e.store.get(spec, key);
    const keys = e.store.set(spec, key, record);
    this.index(cluster, spec, before, record);
    this.commit(keys);
    if (this.observers.size && (before || record)) this.tell((o) => o.recordChanged?.({ cluster, spec, key, before, after: record, cause: 'event' }));
  }

  /**
   * A (re)list: the kind's records become exactly `records`. Unchanged records
   * touch nothing, so a relist after a 410 is quiet when nothing was missed.
   * Unchanged is `sameRecord` (resourceVersion, else fields), not a JSON
   * comparison: a cluster's 1,000 pods took 10-230 ms that way at load.
   */
  replaceKind(cluster: string, spec: KindSpec, records: Map<string, AnyRecord>): void {
    const e = this.entries.get(cluster);
    if (!e) return;
    // A kind that became unreadable is emptied through here; checked only then, as it asks the connection.
    const dropped = records.size === 0 && unreadable(e.view, spec);
    if (dropped) e.store.forgetListed(spec.id);
    const cause: RecordCause = dropped ? 'dropped' : e.store.markListed(spec.id) ? 'relist' : 'initial';
    const observed = this.observers.size > 0;
    const keys: string[] = [];
    for (const key of [...e.store.keys(spec)]) {
      if (records.has(key)) continue;
      const before = e.store.get(spec, key);
      keys.push(...e.store.set(spec, key, undefined));
      this.index(cluster, spec, before, undefined);
      if (observed) this.tell((o) => o.recordChanged?.({ cluster, spec, key, before, cause }));
    }
    for (const [key, rec] of records) {
      const before = e.store.get(spec, key);
      if (before && sameRecord(before, rec)) continue;
      keys.push(...e.store.set(spec, key, rec));
      this.index(cluster, spec, before, rec);
      if (observed) this.tell((o) => o.recordChanged?.({ cluster, spec, key, before, after: rec, cause }));
    }
    this.commit(keys);
  }

  /** A config kind the cluster stopped serving. */
  dropConfigKind(cluster: string, spec: KindSpec): void {
    const e = this.entries.get(cluster);
    if (!e) return;
    const held = this.observers.size ? [...e.store.keys(spec)].map((key) => [key, e.store.get(spec, key)!] as const) : undefined;
    for (const key of [...e.store.keys(spec)]) this.index(cluster, spec, e.store.get(spec, key), undefined);
    this.commit(e.store.dropConfigKind(spec.id));
    for (const [key, before] of held ?? []) this.tell((o) => o.recordChanged?.({ cluster, spec, key, before, cause: 'dropped' }));
  }

  /** The latest polls of a cluster's istiod revisions. */
  istiodPods(cluster: string): SlimPod[] | undefined {
    const st = this.entries.get(cluster)?.store;
    return st && [...st.istiodPods].flatMap((k) => st.pods.get(k) ?? []);
  }

  controlPlanesPolled(cluster: string, polls: ControlPlanePoll[]): void {
    const held = this.entries.get(cluster)?.controlPlanes;
    for (const p of polls) {
      const h = held?.get(p.revision);
      if (h) h.lastPolledAt = p.lastPolledAt;
    }
  }

  setControlPlanes(cluster: string, polls: ControlPlanePoll[]): void {
    const e = this.entries.get(cluster);
    if (!e) return;
    const before = e.controlPlanes;
    e.controlPlanes = new Map(polls.map((p) => [p.revision, p]));
    this.pollMemo = undefined;
    this.commit([changeKeys.controlPlanes(cluster), changeKeys.proxies(cluster)]);
    if (this.observers.size) this.tell((o) => o.controlPlanesChanged?.(cluster, before, e.controlPlanes));
  }

  private index(cluster: string, spec: KindSpec, before: AnyRecord | undefined, after: AnyRecord | undefined): void {
    // A delete of a key never held (its object was skipped as malformed) changes no index.
    if (before === undefined && after === undefined) return;
    if (spec.role === 'services') {
      const r = (after ?? before) as SlimService;
      setMember(this.services, `${r.namespace}/${r.name}`, cluster, after !== undefined);
    } else if (spec.role === 'config' && spec.kind === 'ServiceEntry') {
      const r = (after ?? before) as SlimConfigObject;
      setMember(this.serviceEntries, `${r.namespace}/${r.name}`, cluster, after !== undefined);
    }
  }

  private dropWorkloads(cluster: string): void {
    this.workloadMemo.delete(cluster);
    this.podNameMemo.delete(cluster);
  }

  /**
   * The service keys of clusters whose mesh moved (a mesh config or the configured mesh changed,
   * both `clusters/<cluster>` keys): their rows re-merge under the new mesh, and listeners refetch.
   */
  private meshMoves(keys: string[]): string[] {
    const out: string[] = [];
    for (const k of keys) {
      if (!k.startsWith('clusters/')) continue;
      const name = k.slice('clusters/'.length);
      const e = this.entries.get(name);
      if (!e) {
        this.meshSeen.delete(name);
        continue;
      }
      const mesh = clusterMesh(e) ?? '';
      const before = this.meshSeen.get(name);
      this.meshSeen.set(name, mesh);
      if (before !== undefined && before !== mesh) out.push(...e.store.allKeys().filter((x) => x.startsWith('services/')));
    }
    return out;
  }

  private commit(keys: string[]): void {
    if (keys.length === 0) return;
    const moved = this.meshMoves(keys);
    if (moved.length) keys = [...keys, ...moved];
    this.rev++;
    for (const k of keys) {
      const key = parseChangeKey(k);
      if (key.kind === 'services' && key.namespace !== undefined && key.name !== undefined) {
        const id = `${key.namespace}/${key.name}`;
        this.instanceMemo.delete(id);
        this.serviceIndex.markDirty(id);
        this.scopedServiceRows.drop(id);
      } else if (key.kind === 'workloads' && key.cluster) this.dropWorkloads(key.cluster);
    }
    this.feed.touch(keys);
  }
}

