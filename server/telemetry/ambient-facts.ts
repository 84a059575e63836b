import 'server-only';
import { GATEWAY_NAME_LABEL, podDataplane, WAYPOINT_CLASS, waypointFor } from '@/lib/fleet/dataplane';
import type { AmbientFacts } from '@/lib/topology/ambient';
import type { ClusterStore } from '../fleet/cluster-store';
import type { FleetModel } from '../fleet/model';

/** Istio's deployment controller labels the pods of the waypoints it manages so (gateway class istio-waypoint). */
const MANAGED_LABEL = 'gateway.istio.io/managed';
const MESH_CONTROLLER = 'istio.io-mesh-controller';
const GATEWAY_CLASS_LABEL = 'gateway.networking.k8s.io/gateway-class-name';

/** One cluster's ambient workloads and waypoint workloads, by 'namespace/workload'. */
export interface ClusterAmbient {
  ambient: ReadonlySet<string>;
  waypoints: ReadonlySet<string>;
}

/** The namespace/name of every Gateway of class istio-waypoint (any served version of the Gateway API). */
function waypointGateways(store: ClusterStore): Set<string> {
  const out = new Set<string>();
  for (const table of store.config.values()) {
    for (const o of table.values()) {
      if (o.kind !== 'Gateway' || o.group !== 'gateway.networking.k8s.io') continue;
      if ((o.spec as { gatewayClassName?: unknown } | undefined)?.gatewayClassName === WAYPOINT_CLASS) out.add(`${o.namespace}/${o.name}`);
    }
  }
  return out;
}

/**
 * Which workloads of a cluster are ambient (podDataplane of any of their pods,
 * the rule the fleet model uses) and which are waypoints: pods of a Gateway
 * of class istio-waypoint (gateway-name label), or Deployments Istio manages
 * as waypoints (their pod template's labels), which also covers clusters whose
 * Gateway API kinds are not read. One pass over the cluster's pods.
 */
export function clusterAmbient(store: ClusterStore): ClusterAmbient {
  const gateways = waypointGateways(store);
  const ambient = new Set<string>();
  const waypoints = new Set<string>();
  for (const pod of store.pods.values()) {
    const key = `${pod.namespace}/${pod.workload.name}`;
    const gw = pod.labels[GATEWAY_NAME_LABEL];
    if (gw !== undefined && gateways.has(`${pod.namespace}/${gw}`)) waypoints.add(key);
    else if (podDataplane(pod, store.namespaces.get(pod.namespace)?.labels) === 'ambient') ambient.add(key);
  }
  for (const d of store.deployments.values()) {
    const t = d.templateLabels;
    if (t[MANAGED_LABEL] === MESH_CONTROLLER || t[GATEWAY_CLASS_LABEL] === WAYPOINT_CLASS || d.labels[GATEWAY_CLASS_LABEL] === WAYPOINT_CLASS) waypoints.add(`${d.namespace}/${d.name}`);
  }
  for (const w of waypoints) ambient.delete(w);
  return { ambient, waypoints };
}

/** Per cluster store: its ambient facts at one store revision (a store's revision moves only with its own records, not with istiod polls). */
const perCluster = new WeakMap<ClusterStore, { revision: number; facts: ClusterAmbient }>();

function cached(store: ClusterStore): ClusterAmbient {
  const hit = perCluster.get(store);
  if (hit && hit.revision === store.revision) return hit.facts;
  const facts = clusterAmbient(store);
  perCluster.set(store, { revision: store.revision, facts });
  return facts;
}

const EMPTY: ClusterAmbient = { ambient: new Set(), waypoints: new Set() };

/** Per model: the facts at one model revision (each cluster's part kept by its store's revision). */
const perModel = new WeakMap<FleetModel, { revision: number; facts: AmbientFacts }>();

/**
 * The fleet's ambient facts for the topology (lib/topology/ambient.ts), from
 * the model's stores with the data-plane rules of lib/fleet/dataplane.ts, so
 * the graph and the fleet model agree on what is ambient and which waypoint a
 * Service uses. Unscoped: the topology applies the caller's scope to nodes
 * afterwards, and these only mark edges. Kept per model revision; each
 * cluster's pass over its pods is kept per store revision.
 */
export function ambientFacts(model: FleetModel): AmbientFacts {
  const hit = perModel.get(model);
  if (hit && hit.revision === model.revision) return hit.facts;
  const of = (cluster: string): ClusterAmbient => {
    const store = model.cluster(cluster)?.store;
    return store ? cached(store) : EMPTY;
  };
  const any = model.clusterNames().some((c) => {
    const f = of(c);
    return f.ambient.size > 0 || f.waypoints.size > 0;
  });
  const facts: AmbientFacts = {
    any,
    isWaypoint: (c, ns, w) => of(c).waypoints.has(`${ns}/${w}`),
    isAmbient: (c, ns, w) => of(c).ambient.has(`${ns}/${w}`),
    waypointOf: (c, ns, name) => {
      const store = model.cluster(c)?.store;
      const svc = store?.services.get(`${ns}/${name}`);
      return svc ? waypointFor(ns, svc.labels, store!.namespaces.get(ns)?.labels) : undefined;
    },
  };
  perModel.set(model, { revision: model.revision, facts });
  return facts;
}
