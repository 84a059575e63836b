import { toFqdn, hostsMatch } from './hosts';
import { list, num, obj, str, stringList } from './spec';
import type { AnalysisOptions, ClusterView, ConfigObject, ServiceView } from './types';

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
  private services?: Map<string, Array<{ cluster: string; service: ServiceView }>>;
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
    if (!this.services) {
      this.services = new Map();
      for (const c of this.clusters) {
        for (const s of c.services) {
          const fqdn = toFqdn(s.namespace, s.name);
          let arr = this.services.get(fqdn);
          if (!arr) this.services.set(fqdn, (arr = []));
          arr.push({ cluster: c.name, service: s });
        }
      }
    }
    return this.services;
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
