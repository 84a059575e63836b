import 'server-only';
import type { SlimConfigObject, SlimService } from '../clusters/records';
import { GATEWAY_API_GROUP } from '../clusters/kinds';
import { waypointFor, waypointTrafficType } from '@/lib/fleet/dataplane';
import type { Waypoint } from '@/lib/fleet/ambient';
import type { ServiceInstance } from '@/lib/fleet/services';
import type { ClusterStore } from './cluster-store';
import { isWaypointGateway } from './ambient-keys';
import { conditionOf, configObject, configObjects, statusConditions } from './gateway-api';
import { serviceWaypoint } from './service-waypoint';
import { allows, type VisibilityScope } from './scope';

/** A waypoint Gateway's pods: how many are ready, and how many its Deployment asks for. */
function waypointPods(store: ClusterStore, namespace: string, name: string): { ready: number; desired: number } {
  let ready = 0;
  let found = 0;
  let deployment: string | undefined;
  for (const k of store.gatewayPods.get(`${namespace}/${name}`) ?? []) {
    const p = store.pods.get(k);
    if (!p) continue;
    found++;
    if (p.ready) ready++;
    if (p.workload.kind === 'Deployment') deployment ??= p.workload.name;
  }
  // Istio names a waypoint's Deployment after its Gateway; the pods' owner says so when they exist.
  const d = store.deployments.get(`${namespace}/${deployment ?? name}`);
  return { ready, desired: d ? d.replicas : found };
}

/** Whether waypoint `namespace/name` serves in this cluster: its Gateway exists and a pod of it is ready. */
export function waypointReady(store: ClusterStore, namespace: string, name: string): boolean {
  const gw = configObject(store, GATEWAY_API_GROUP, 'Gateway', `${namespace}/${name}`);
  return isWaypointGateway(gw) && waypointPods(store, namespace, name).ready > 0;
}

/** A Service's waypoint in one cluster, with its readiness and the Service's istio.io/WaypointBound condition. */
export function instanceWaypoint(store: ClusterStore, svc: SlimService): ServiceInstance['waypoint'] {
  const ref = serviceWaypoint(svc, store.namespaces.get(svc.namespace)?.labels);
  if (!ref) return undefined;
  const out: NonNullable<ServiceInstance['waypoint']> = { ...ref, ready: waypointReady(store, ref.namespace, ref.name) };
  const bound = conditionOf(svc.status?.conditions, 'istio.io/WaypointBound');
  if (bound && bound.status !== 'Unknown') out.bound = { ...bound, status: bound.status };
  return out;
}

interface Row {
  waypoint: Omit<Waypoint, 'services' | 'namespaces'>;
  services: Array<{ namespace: string; name: string }>;
  namespaces: string[];
}

const memos = new WeakMap<ClusterStore, { revision: number; rows: Row[] }>();

const programmedOf = (gw: SlimConfigObject): boolean | undefined => {
  const c = conditionOf(statusConditions(gw), 'Programmed');
  return c && c.status !== 'Unknown' ? c.status === 'True' : undefined;
};

/** The cluster's waypoints with what is bound to them, once per store revision (a pass over its Services and Namespaces). */
function waypointRows(store: ClusterStore): Row[] {
  const m = memos.get(store);
  if (m && m.revision === store.revision) return m.rows;
  const rows = new Map<string, Row>();
  for (const gw of configObjects(store, GATEWAY_API_GROUP, 'Gateway')) {
    if (!isWaypointGateway(gw)) continue;
    const programmed = programmedOf(gw);
    rows.set(`${gw.namespace}/${gw.name}`, {
      waypoint: { namespace: gw.namespace, name: gw.name, for: waypointTrafficType(gw.labels), ...waypointPods(store, gw.namespace, gw.name), ...(programmed === undefined ? {} : { programmed }) },
      services: [],
      namespaces: [],
    });
  }
  if (rows.size > 0) {
    for (const s of store.services.values()) {
      const w = serviceWaypoint(s, store.namespaces.get(s.namespace)?.labels);
      if (w) rows.get(`${w.namespace}/${w.name}`)?.services.push({ namespace: s.namespace, name: s.name });
    }
    for (const ns of store.namespaces.values()) {
      const w = waypointFor(ns.name, undefined, ns.labels);
      if (w) rows.get(`${w.namespace}/${w.name}`)?.namespaces.push(ns.name);
    }
  }
  const out = [...rows.values()].sort((a, b) => cmp(a.waypoint.namespace, b.waypoint.namespace) || cmp(a.waypoint.name, b.waypoint.name));
  for (const r of out) {
    r.services.sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.name, b.name));
    r.namespaces.sort(cmp);
  }
  memos.set(store, { revision: store.revision, rows: out });
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The number of waypoints a caller may see in the cluster. */
export function waypointCount(store: ClusterStore, scope: VisibilityScope): number {
  let n = 0;
  for (const gw of configObjects(store, GATEWAY_API_GROUP, 'Gateway')) if (isWaypointGateway(gw) && allows(scope, store.cluster, gw.namespace)) n++;
  return n;
}

/**
 * The cluster's waypoint Gateways (class istio-waypoint): pods ready of
 * desired, Programmed, and the services and namespaces that use each. A
 * scoped caller sees the waypoints, services and namespaces of its own namespaces only.
 */
export function clusterWaypoints(store: ClusterStore, scope: VisibilityScope): Waypoint[] {
  const sees = (ns: string) => allows(scope, store.cluster, ns);
  return waypointRows(store)
    .filter((r) => sees(r.waypoint.namespace))
    .map((r) => ({
      ...r.waypoint,
      services: r.services.filter((s) => sees(s.namespace)).map((s) => `${s.namespace}/${s.name}`),
      namespaces: r.namespaces.filter(sees),
    }));
}
