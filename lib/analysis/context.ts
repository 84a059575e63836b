import { toFqdn, hostsMatch } from './hosts';
import { endpointLabels, nodeIndex } from './pod-labels';
import { list, num, obj, str, stringList } from './spec';
import type { AnalysisOptions, ClusterView, ConfigObject, PodView, ServiceView } from './types';

/** A pod with its labels as istiod sees its endpoint. */
export interface Endpoint {
  pod: PodView;
  labels: Record<string, string>;
}

/** What a destination host resolves to: a Kubernetes Service somewhere in the mesh, or a ServiceEntry in the cluster. */
export interface ResolvedHost {
  ports: number[];
  /** Clusters with a Kubernetes Service of this host (empty for ServiceEntries). */
  serviceClusters: string[];
  /** A ServiceEntry's workloadSelector labels. */
  workloadSelector?: Record<string, string>;
}

/** The config groups Istio's analyzers read. */
export const NETWORKING = 'networking.istio.io';

/**
 * One run's view of a mesh: its clusters plus indexes built lazily and shared
 * by every rule (services by FQDN across the mesh, config by cluster and kind).
 */
export class AnalysisContext {
  private readonly byKind = new Map<string, ConfigObject[]>();
  private readonly services = new Map<string, Array<{ cluster: string; service: ServiceView }>>();
  /** How many clusters (in order) meshServices() holds so far: it is built a cluster at a time. */
  private servicesOf = 0;
  private readonly endpointsOf = new Map<string, Endpoint[]>();
  private readonly memos = new Map<string, unknown>();
  private readonly serviceEntries = new Map<string, Array<{ host: string; se: ConfigObject; ports: number[] }>>();

  constructor(
    /** The mesh ID, or '~<cluster>' for a cluster analysed alone. */
    readonly mesh: string,
    readonly clusters: readonly ClusterView[],
    readonly options: AnalysisOptions = {},
  ) {}

  /** Wall clock of the run. */
  get now(): number {
    return this.options.now ?? Date.now();
  }

  /** Config objects of one kind (optionally one group) in a cluster. */
  config(cluster: ClusterView, kind: string, group = NETWORKING): ConfigObject[] {
    const key = `${cluster.name}\u0000${group}\u0000${kind}`;
    let out = this.byKind.get(key);
    if (!out) {
      out = [];
      for (const o of cluster.config) if (o.kind === kind && o.group === group) out.push(o);
      this.byKind.set(key, out);
    }
    return out;
  }

  /** Kubernetes Services of the whole mesh by FQDN (namespace sameness: one host, several clusters). */
  meshServices(): Map<string, Array<{ cluster: string; service: ServiceView }>> {
    while (this.servicesOf < this.clusters.length) this.indexServices(this.servicesOf + 1);
    return this.services;
  }

  /**
   * Builds meshServices() up to the first `upTo` clusters (in order, so each
   * host lists its clusters as a one-call build would); a sliced run calls it
   * a cluster at a time before any rule reads the index.
   */
  indexServices(upTo: number): void {
    for (; this.servicesOf < Math.min(upTo, this.clusters.length); this.servicesOf++) {
      const c = this.clusters[this.servicesOf]!;
      for (const s of c.services) {
        const fqdn = toFqdn(s.namespace, s.name);
        let arr = this.services.get(fqdn);
        if (!arr) this.services.set(fqdn, (arr = []));
        arr.push({ cluster: c.name, service: s });
      }
    }
  }

  /** A cluster's pods with their endpoint labels (topology labels added), built once per run. */
  endpoints(c: ClusterView): Endpoint[] {
    let out = this.endpointsOf.get(c.name);
    if (!out) {
      const nodes = nodeIndex(c);
      out = [];
      for (const pod of c.pods) out.push({ pod, labels: endpointLabels(c, pod, nodes) });
      this.endpointsOf.set(c.name, out);
    }
    return out;
  }

  /** A value computed once per run and shared by every rule and unit (`key` names what it is). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  private entries(cluster: ClusterView): Array<{ host: string; se: ConfigObject; ports: number[] }> {
    let out = this.serviceEntries.get(cluster.name);
    if (!out) {
      out = [];
      for (const se of this.config(cluster, 'ServiceEntry')) {
        const spec = obj(se.spec);
        const ports = list(spec?.ports).map((p) => num(obj(p)?.number)).filter((n): n is number => n !== undefined);
        for (const h of stringList(spec?.hosts)) out.push({ host: toFqdn(se.namespace, h), se, ports });
      }
      this.serviceEntries.set(cluster.name, out);
    }
    return out;
  }

  /**
   * Resolves a destination host as seen from `namespace` in `cluster`:
   * Kubernetes Services from every cluster of the mesh (istiod merges them),
   * ServiceEntries from the cluster's own config, honouring exportTo.
   */
  resolveHost(cluster: ClusterView, namespace: string, host: string): ResolvedHost | undefined {
    const fqdn = toFqdn(namespace, host);
    const svcs = (this.meshServices().get(fqdn) ?? []).filter((x) => exportedTo(x.service.annotations?.['networking.istio.io/exportTo']?.split(','), x.service.namespace, namespace));
    if (svcs.length) return { ports: [...new Set(svcs.flatMap((x) => x.service.ports.map((p) => p.port)))], serviceClusters: [...new Set(svcs.map((x) => x.cluster))].sort() };
    const visible = this.entries(cluster).filter((e) => exportedTo(stringList(obj(e.se.spec)?.exportTo), e.se.namespace, namespace));
    const exact = visible.find((e) => e.host === fqdn);
    const hit = exact ?? visible.find((e) => e.host.startsWith('*') && hostsMatch(e.host, fqdn));
    if (!hit) return undefined;
    const ws = obj(obj(hit.se.spec)?.workloadSelector)?.labels;
    return { ports: hit.ports, serviceClusters: [], workloadSelector: ws ? Object.fromEntries(Object.entries(obj(ws)!).map(([k, v]) => [k, String(v)])) : undefined };
  }
}

/** Whether an object with `exportTo` in `ownNs` is visible from `fromNs` (empty: everywhere). */
export function exportedTo(exportTo: string[] | undefined, ownNs: string, fromNs: string): boolean {
  if (!exportTo || exportTo.length === 0) return true;
  return exportTo.some((e) => e.trim() === '*' || (e.trim() === '.' ? ownNs === fromNs : e.trim() === fromNs));
}

/** The spec's string field, or ''. */
export function field(o: ConfigObject, name: string): string {
  return str(obj(o.spec)?.[name]) ?? '';
}
