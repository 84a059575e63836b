import 'server-only';
import type { ClusterStatus } from '@/lib/api/envelope';
import type { ReadinessCounts } from '@/lib/health/readiness-health';
import type { AmbientFacts } from '@/lib/topology/ambient';
import { clusterStatuses } from '../fleet/envelope';
import type { FleetModel } from '../fleet/model';
import { ALL, allows, type VisibilityScope } from '../fleet/scope';
import { ambientFacts } from './ambient-facts';

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
  /** The caller's scope these facts were filtered by; telemetry answers apply it to metrics too. */
  scope: VisibilityScope;
  /** Visible clusters and their fleet status. */
  statuses: Record<string, ClusterStatus>;
  clusters(): string[];
  allows(cluster: string, namespace?: string): boolean;
  network(cluster: string): string | undefined;
  /** The mesh a cluster's services merge in (FleetModel.meshOf: '' without a mesh ID). */
  mesh(cluster: string): string;
  /** Services by namespace/name and the clusters that have the Service, whatever their mesh (see `mesh`). */
  services(): Array<{ namespace: string; name: string; clusters: string[] }>;
  serviceReadiness(cluster: string, namespace: string, name: string): ReadinessCounts | undefined;
  /** Every visible workload, or one cluster's (so a long pass can pause between clusters). */
  workloads(cluster?: string): WorkloadFact[];
  /**
   * Which workloads are ambient or waypoints, and the waypoint a Service uses (server/telemetry/ambient-facts.ts),
   * for the whole fleet: they only mark edges and waypoint nodes, which the topology scopes like any node.
   * Absent in hand-built facts (tests): the graph is read as sidecars only.
   */
  ambient?(): AmbientFacts;
  /**
   * A value derived from the whole fleet (unscoped facts), kept until the
   * model's revision moves: every write to the model bumps it, so the value is
   * never stale. Callers apply their scope to the result and must not modify
   * it. Absent in hand-built facts (tests), where callers derive each time.
   */
  fleetMemo?<T>(key: string, derive: (fleet: FleetFacts) => T): T;
}

/**
 * Whether a telemetry answer has nothing to ask: a scoped caller with no
 * visible cluster. Callers must not fan out then, since an empty cluster
 * list means "every cluster" to the Prometheus client.
 */
export function seesNoCluster(facts: FleetFacts, clusters: readonly string[]): boolean {
  return facts.scope.kind !== 'all' && clusters.length === 0;
}

/** Per model: values derived from its unscoped facts at one revision (see FleetFacts.fleetMemo). */
const memos = new WeakMap<FleetModel, { revision: number; values: Map<string, unknown> }>();

function fleetMemo<T>(model: FleetModel, key: string, derive: (fleet: FleetFacts) => T): T {
  let m = memos.get(model);
  // The live revision, not the facts': the derivation reads the live model.
  if (!m || m.revision !== model.revision) memos.set(model, (m = { revision: model.revision, values: new Map() }));
  if (m.values.has(key)) return m.values.get(key) as T;
  const v = derive(fleetFacts(model, ALL));
  m.values.set(key, v);
  return v;
}

/** FleetFacts over the live fleet model for one caller's scope. */
export function fleetFacts(model: FleetModel, scope: VisibilityScope): FleetFacts {
  let statuses: Record<string, ClusterStatus> | undefined;
  return {
    fleetMemo: (key, derive) => fleetMemo(model, key, derive),
    revision: model.revision,
    scope,
    // Made when read: only an answer's envelope reads them, and shared answers make theirs once (every cluster's condition each time).
    get statuses() {
      return (statuses ??= clusterStatuses(model, scope));
    },
    clusters: () => model.clusterNames().filter((c) => allows(scope, c)),
    allows: (c, ns) => allows(scope, c, ns),
    network: (c) => model.network(c),
    ambient: () => ambientFacts(model),
    mesh: (c) => model.meshOf(c),
    services: () =>
      [...model.services].map(([key, set]) => {
        const slash = key.indexOf('/');
        const namespace = key.slice(0, slash);
        return { namespace, name: key.slice(slash + 1), clusters: [...set].filter((c) => allows(scope, c, namespace)).sort() };
      }).filter((s) => s.clusters.length > 0),
    serviceReadiness: (cluster, namespace, name) => {
      const inst = allows(scope, cluster, namespace) ? model.serviceInstances(`${namespace}/${name}`).get(cluster) : undefined;
      if (!inst) return undefined;
      const unsyncedProxies = model.unsyncedProxies(cluster, namespace, model.instancePods(cluster, namespace, name));
      return { desired: inst.endpoints.ready + inst.endpoints.notReady, ready: inst.endpoints.ready, unsyncedProxies };
    },
    workloads: (cluster) =>
      (cluster === undefined ? model.clusterNames() : [cluster]).flatMap((c) =>
        model.workloads(c)
          .filter((w) => allows(scope, w.cluster, w.namespace))
          .map((w) => ({
            cluster: w.cluster,
            namespace: w.namespace,
            name: w.name,
            app: w.canonicalService,
            version: w.canonicalRevision,
            readiness: {
              desired: w.desiredReplicas ?? w.pods,
              ready: w.readyPods,
              unsyncedProxies: model.unsyncedProxies(w.cluster, w.namespace, model.workloadPods(w.cluster, w.namespace, w.kind, w.name)),
            },
          })),
      ),
  };
}
