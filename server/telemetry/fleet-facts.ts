import 'server-only';
import type { ClusterStatus } from '@/lib/api/envelope';
import type { ReadinessCounts } from '@/lib/health/readiness-health';
import { clusterWorkloads } from '../fleet/derive-workloads';
import { serviceInstance } from '../fleet/derive-services';
import { clusterStatuses } from '../fleet/envelope';
import type { FleetModel } from '../fleet/model';
import { allows, type VisibilityScope } from '../fleet/scope';

/** A workload as health and the topology need it. */
export interface WorkloadFact {
  cluster: string;
  namespace: string;
  name: string;
  app: string;
  version: string;
  readiness: ReadinessCounts;
}

/**
 * What telemetry answers need from the fleet model, already filtered by the
 * caller's scope. An interface so that the signal and topology code can be
 * tested with plain objects and the fleet model stays read-only here.
 */
export interface FleetFacts {
  revision: number;
  /** Visible clusters and their fleet status. */
  statuses: Record<string, ClusterStatus>;
  clusters(): string[];
  allows(cluster: string, namespace?: string): boolean;
  network(cluster: string): string | undefined;
  /** Global services: namespace/name and the clusters that have the Service. */
  services(): Array<{ namespace: string; name: string; clusters: string[] }>;
  serviceReadiness(cluster: string, namespace: string, name: string): ReadinessCounts | undefined;
  workloads(): WorkloadFact[];
}

/** Proxies whose config is STALE or NOT SENT, by 'cluster/namespace/pod'. */
function unsyncedPods(model: FleetModel): Set<string> {
  const out = new Set<string>();
  for (const e of model.clusters()) {
    for (const poll of e.controlPlanes.values()) {
      for (const p of poll.proxies) if (p.overall !== 'SYNCED') out.add(`${p.cluster || e.info.name}/${p.namespace}/${p.pod}`);
    }
  }
  return out;
}

/** FleetFacts over the live fleet model for one caller's scope. */
export function fleetFacts(model: FleetModel, scope: VisibilityScope): FleetFacts {
  let unsynced: Set<string> | undefined;
  const unsyncedOf = (cluster: string, namespace: string, pods: string[]) => {
    unsynced ??= unsyncedPods(model);
    return pods.filter((p) => unsynced!.has(`${cluster}/${namespace}/${p}`)).length;
  };
  const networks = new Map<string, string>();
  for (const e of model.clusters()) {
    if (e.info.network) networks.set(e.info.name, e.info.network);
    for (const poll of e.controlPlanes.values()) for (const g of poll.gateways) if (!networks.has(g.cluster)) networks.set(g.cluster, g.network);
  }
  return {
    revision: model.revision,
    statuses: clusterStatuses(model, scope),
    clusters: () => model.clusterNames().filter((c) => allows(scope, c)),
    allows: (c, ns) => allows(scope, c, ns),
    network: (c) => networks.get(c),
    services: () =>
      [...model.services].map(([key, set]) => {
        const slash = key.indexOf('/');
        const namespace = key.slice(0, slash);
        return { namespace, name: key.slice(slash + 1), clusters: [...set].filter((c) => allows(scope, c, namespace)).sort() };
      }).filter((s) => s.clusters.length > 0),
    serviceReadiness: (cluster, namespace, name) => {
      const store = model.cluster(cluster)?.store;
      const svc = store?.services.get(`${namespace}/${name}`);
      if (!store || !svc || !allows(scope, cluster, namespace)) return undefined;
      const inst = model.instanceMemo.get(`${namespace}/${name}`)?.get(cluster) ?? serviceInstance(store, svc);
      const pods: string[] = [];
      for (const w of inst.workloads) for (const pk of store.podsByWorkload.get(`${namespace}/${w.kind}/${w.name}`) ?? []) pods.push(pk.slice(pk.indexOf('/') + 1));
      return { desired: inst.endpoints.ready + inst.endpoints.notReady, ready: inst.endpoints.ready, unsyncedProxies: unsyncedOf(cluster, namespace, pods) };
    },
    workloads: () =>
      model.clusters().flatMap((e) =>
        clusterWorkloads(e.store)
          .filter((w) => allows(scope, w.cluster, w.namespace))
          .map((w) => {
            const pods = [...(e.store.podsByWorkload.get(`${w.namespace}/${w.kind}/${w.name}`) ?? [])].map((k) => k.slice(k.indexOf('/') + 1));
            return {
              cluster: w.cluster,
              namespace: w.namespace,
              name: w.name,
              app: w.canonicalService,
              version: w.canonicalRevision,
              readiness: { desired: w.desiredReplicas ?? w.pods, ready: w.readyPods, unsyncedProxies: unsyncedOf(w.cluster, w.namespace, pods) },
            };
          }),
      ),
  };
}
