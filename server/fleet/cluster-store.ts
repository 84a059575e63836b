import 'server-only';
import type { AnyRecord, KindSpec } from '../clusters/kinds';
import { changeKeys } from '@/lib/fleet/change-keys';
import { admiralKeys, podGlobalName } from './admiral';
import { boundServiceKeys, gatewayPodKey, isZtunnelPod, namespaceModeKeys, routeServiceKeys, serviceWaypointChanged, waypointConfigKeys } from './ambient-keys';
import type {
  SlimConfigObject, SlimDeployment, SlimMeshConfig, SlimEndpointSlice, SlimNamespace, SlimNode, SlimPod, SlimRootCert, SlimSecretMeta, SlimService,
} from '../clusters/records';

const k2 = (ns: string, name: string) => `${ns}/${name}`;

/**
 * One cluster's slim records with the indexes the read functions need. Every
 * write returns the fleet keys it touched, and costs in proportion to the
 * object written (plus its endpoints), never to the size of the cluster.
 */
export class ClusterStore {
  readonly namespaces = new Map<string, SlimNamespace>();
  readonly services = new Map<string, SlimService>();
  readonly slices = new Map<string, SlimEndpointSlice>();
  readonly pods = new Map<string, SlimPod>();
  readonly deployments = new Map<string, SlimDeployment>();
  readonly nodes = new Map<string, SlimNode>();
  readonly rootCerts = new Map<string, SlimRootCert>();
  readonly secrets = new Map<string, SlimSecretMeta>();
  readonly meshConfigs = new Map<string, SlimMeshConfig>();
  /** By kind spec id ('networking.istio.io/v1/virtualservices'), then 'namespace/name'. */
  readonly config = new Map<string, Map<string, SlimConfigObject>>();
  /** 'ns/service' -> keys of its EndpointSlices. */
  readonly slicesByService = new Map<string, Set<string>>();
  /**
   * Namespace -> pod name -> the services whose slices list the pod: a bare
   * service name when one slice of one service lists it (nearly every pod),
   * else service name -> how many slices. Keyed by the endpoint's own pod-name
   * string, so the index adds no string per pod (was a 'ns/pod' key and a Map
   * per pod: ~300 bytes a pod).
   */
  readonly podServices = new Map<string, Map<string, PodServiceRefs>>();
  /** 'ns/kind/name' of a workload -> its pod keys. */
  readonly podsByWorkload = new Map<string, Set<string>>();
  /** Admiral global name ('stage.greeting.global') -> keys of the pods carrying that identity. */
  readonly podsByIdentity = new Map<string, Set<string>>();
  /** Keys of istiod pods (app=istiod or istio=pilot), so the cluster summary never walks every pod. */
  readonly istiodPods = new Set<string>();
  /** Keys of east-west gateway Services (istio=eastwestgateway), so the summary never walks every Service. */
  readonly eastWestGateways = new Set<string>();
  /** Keys of ztunnel pods (app=ztunnel), so ztunnel state per node never walks every pod. */
  readonly ztunnelPods = new Set<string>();
  /** 'ns/gateway' -> keys of the pods labelled gateway.networking.k8s.io/gateway-name (waypoint and gateway pods). */
  readonly gatewayPods = new Map<string, Set<string>>();
  /** Spec ids of the kinds whose first list has been applied: a later list is a relist, which may find missed events. */
  private readonly listed = new Set<string>();
  private rev = 0;
  private configRev = 0;

  constructor(readonly cluster: string) {}

  /** Bumped by every write that changes a record of this cluster: what per-cluster memos are keyed by. */
  get revision(): number {
    return this.rev;
  }

  /** Bumped by config object writes only: memos of routes, which pod churn must not rebuild. */
  get configRevision(): number {
    return this.configRev;
  }

  /** Keys every record of the cluster touches when the cluster goes away. */
  allKeys(): string[] {
    const keys = new Set<string>(changeKeys.wholeCluster(this.cluster));
    for (const s of this.services.values()) keys.add(changeKeys.service(s.namespace, s.name));
    for (const t of this.config.values()) for (const o of t.values()) if (o.kind === 'ServiceEntry') keys.add(changeKeys.service(o.namespace, o.name));
    return [...keys];
  }

  /** Marks a kind as listed; returns whether it had been listed before (a relist) or not (its first list). */
  markListed(specId: string): boolean {
    if (this.listed.has(specId)) return true;
    this.listed.add(specId);
    return false;
  }

  /** A kind dropped (not served, not readable): its next list is a first one again. */
  forgetListed(specId: string): void {
    this.listed.delete(specId);
  }

  /** Current record of a kind, by key ('ns/name' or 'name'). */
  get(spec: KindSpec, key: string): AnyRecord | undefined {
    return this.table(spec).get(key);
  }

  /** All keys currently held for a kind. */
  keys(spec: KindSpec): IterableIterator<string> {
    return this.table(spec).keys();
  }

  private table(spec: KindSpec): Map<string, AnyRecord> {
    switch (spec.role) {
      case 'namespaces': return this.namespaces;
      case 'services': return this.services;
      case 'endpointslices': return this.slices;
      case 'pods': return this.pods;
      case 'deployments': return this.deployments;
      case 'nodes': return this.nodes;
      case 'rootcerts': return this.rootCerts;
      case 'secrets': return this.secrets;
      case 'meshconfigs': return this.meshConfigs;
      case 'config': {
        let t = this.config.get(spec.id);
        if (!t) this.config.set(spec.id, (t = new Map()));
        return t as Map<string, AnyRecord>;
      }
    }
  }

  /** Writes (record) or deletes (undefined) one object; returns the touched keys. */
  set(spec: KindSpec, key: string, record: AnyRecord | undefined): string[] {
    const table = this.table(spec);
    const old = table.get(key);
    if (!old && !record) return [];
    this.rev++;
    if (record) table.set(key, record);
    else table.delete(key);
    const c = this.cluster;
    switch (spec.role) {
      case 'namespaces':
        return [changeKeys.namespace(c, key), changeKeys.cluster(c), ...namespaceModeKeys(this, old as SlimNamespace | undefined, record as SlimNamespace | undefined)];
      case 'services': {
        const s = (record ?? old) as SlimService;
        const keys = [changeKeys.service(s.namespace, s.name)];
        // The cluster's waypoints list the services bound to them.
        if (serviceWaypointChanged(old as SlimService | undefined, record as SlimService | undefined)) keys.push(changeKeys.cluster(c));
        const isGateway = (record as SlimService | undefined)?.labels.istio === 'eastwestgateway';
        if ((old as SlimService | undefined)?.labels.istio === 'eastwestgateway' || isGateway) keys.push(changeKeys.cluster(c));
        if (isGateway) this.eastWestGateways.add(key);
        else this.eastWestGateways.delete(key);
        return keys;
      }
      case 'endpointslices':
        return this.indexSlice(key, old as SlimEndpointSlice | undefined, record as SlimEndpointSlice | undefined);
      case 'pods':
        return this.indexPod(key, old as SlimPod | undefined, record as SlimPod | undefined);
      case 'deployments': {
        const d = (record ?? old) as SlimDeployment;
        return [changeKeys.workload(c, d.namespace, d.name)];
      }
      case 'nodes':
      case 'secrets':
      case 'meshconfigs':
        return [changeKeys.cluster(c)];
      case 'rootcerts':
        return [changeKeys.controlPlanes(c)];
      case 'config': {
        this.configRev++;
        const o = (record ?? old) as SlimConfigObject;
        const keys = [changeKeys.config(c, o)];
        if (o.kind === 'ServiceEntry') keys.push(changeKeys.service(o.namespace, o.name));
        // Routes show on the services they send traffic to; a waypoint's state on the services bound to it.
        keys.push(...routeServiceKeys(this, old as SlimConfigObject | undefined, record as SlimConfigObject | undefined));
        keys.push(...waypointConfigKeys(this, old as SlimConfigObject | undefined, record as SlimConfigObject | undefined));
        if (o.group === 'admiral.io') for (const x of [old, record] as Array<SlimConfigObject | undefined>) if (x) keys.push(...admiralKeys(x));
        return [...new Set(keys)];
      }
    }
  }

  /** Drops a config kind the cluster no longer serves. */
  dropConfigKind(specId: string): string[] {
    this.listed.delete(specId);
    const t = this.config.get(specId);
    if (!t) return [];
    this.rev++;
    this.configRev++;
    this.config.delete(specId);
    return [...t.values()].map((o) => changeKeys.config(this.cluster, o));
  }

  private indexSlice(key: string, old: SlimEndpointSlice | undefined, next: SlimEndpointSlice | undefined): string[] {
    const keys = new Set<string>();
    for (const [s, delta] of [[old, -1], [next, 1]] as const) {
      if (!s) continue;
      const svcKey = k2(s.namespace, s.service);
      keys.add(changeKeys.service(s.namespace, s.service));
      let set = this.slicesByService.get(svcKey);
      if (delta > 0) {
        if (!set) this.slicesByService.set(svcKey, (set = new Set()));
        set.add(key);
      } else if (set && (!next || next.service !== s.service)) {
        set.delete(key);
        if (set.size === 0) this.slicesByService.delete(svcKey);
      }
      let byPod = this.podServices.get(s.namespace);
      if (!byPod) this.podServices.set(s.namespace, (byPod = new Map()));
      for (const e of s.endpoints) {
        if (!e.pod) continue;
        const refs = addServiceRef(byPod.get(e.pod), s.service, delta);
        if (refs === undefined) byPod.delete(e.pod);
        else byPod.set(e.pod, refs);
      }
      if (byPod.size === 0) this.podServices.delete(s.namespace);
    }
    return [...keys];
  }

  private indexPod(key: string, old: SlimPod | undefined, next: SlimPod | undefined): string[] {
    const keys = new Set<string>();
    for (const p of [old, next]) {
      if (!p) continue;
      const wk = `${p.namespace}/${p.workload.kind}/${p.workload.name}`;
      keys.add(changeKeys.workload(this.cluster, p.namespace, p.workload.name));
      if (isIstiod(p)) keys.add(changeKeys.controlPlanes(this.cluster));
      const identity = podGlobalName(p.labels, p.annotations);
      if (identity) {
        keys.add(changeKeys.identity(identity));
        setMember(this.podsByIdentity, identity, key, p === next);
      }
      let set = this.podsByWorkload.get(wk);
      if (p === next) {
        if (!set) this.podsByWorkload.set(wk, (set = new Set()));
        set.add(key);
      } else if (set && (!next || `${next.namespace}/${next.workload.kind}/${next.workload.name}` !== wk)) {
        set.delete(key);
        if (set.size === 0) this.podsByWorkload.delete(wk);
      }
    }
    if (next && isIstiod(next)) this.istiodPods.add(key);
    else this.istiodPods.delete(key);
    for (const k of this.indexAmbientPod(key, old, next)) keys.add(k);
    const p = (next ?? old)!;
    const refs = this.podServices.get(p.namespace)?.get(p.name);
    if (typeof refs === 'string') keys.add(changeKeys.service(p.namespace, refs));
    else for (const svc of refs?.keys() ?? []) keys.add(changeKeys.service(p.namespace, svc));
    return [...keys];
  }

  /** ztunnel and gateway pod indexes; the keys of what shows them (the cluster, the services bound to a waypoint). */
  private indexAmbientPod(key: string, old: SlimPod | undefined, next: SlimPod | undefined): string[] {
    const keys: string[] = [];
    if (next && isZtunnelPod(next)) this.ztunnelPods.add(key);
    else this.ztunnelPods.delete(key);
    if ((old && isZtunnelPod(old)) || (next && isZtunnelPod(next))) keys.push(changeKeys.cluster(this.cluster));
    const gwOld = old && gatewayPodKey(old);
    const gwNext = next && gatewayPodKey(next);
    if (gwOld && gwOld !== gwNext) setMember(this.gatewayPods, gwOld, key, false);
    if (gwNext) setMember(this.gatewayPods, gwNext, key, true);
    // A waypoint's readiness moves with its pods coming, going or turning (not) ready, not with every status write.
    if ((gwOld || gwNext) && (gwOld !== gwNext || old?.ready !== next?.ready)) {
      keys.push(changeKeys.cluster(this.cluster));
      for (const gw of new Set([gwOld, gwNext])) if (gw) keys.push(...boundServiceKeys(this, gw));
    }
    return keys;
  }
}

/** The services listing one pod: a bare name (one slice of one service), else name -> slice count. */
export type PodServiceRefs = string | Map<string, number>;

/** `refs` with `delta` slices of `service` added (or removed); undefined when none is left. */
export function addServiceRef(refs: PodServiceRefs | undefined, service: string, delta: number): PodServiceRefs | undefined {
  if (refs === undefined) return delta === 1 ? service : undefined;
  const m = typeof refs === 'string' ? new Map([[refs, 1]]) : refs;
  const n = (m.get(service) ?? 0) + delta;
  if (n > 0) m.set(service, n);
  else m.delete(service);
  if (m.size === 0) return undefined;
  if (m.size === 1) {
    const [only, count] = m.entries().next().value as [string, number];
    if (count === 1) return only;
  }
  return m;
}

/** Whether a pod is an istiod (control plane) pod. */
export function isIstiod(p: SlimPod): boolean {
  return p.labels.app === 'istiod' || p.labels.istio === 'pilot';
}

/** Adds or removes `member` from the set at `key`, dropping empty sets. */
export function setMember(index: Map<string, Set<string>>, key: string, member: string, present: boolean): void {
  let set = index.get(key);
  if (present) {
    if (!set) index.set(key, (set = new Set()));
    set.add(member);
  } else if (set) {
    set.delete(member);
    if (set.size === 0) index.delete(key);
  }
}
