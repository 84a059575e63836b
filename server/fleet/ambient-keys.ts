import 'server-only';
import type { SlimConfigObject, SlimNamespace, SlimPod, SlimService } from '../clusters/records';
import { GATEWAY_API_GROUP } from '../clusters/kinds';
import { changeKeys } from '@/lib/fleet/change-keys';
import { DATAPLANE_MODE_LABEL, GATEWAY_NAME_LABEL, USE_WAYPOINT_LABEL, USE_WAYPOINT_NAMESPACE_LABEL, WAYPOINT_CLASS } from '@/lib/fleet/dataplane';
import { routeServices } from './gateway-routes';
import { serviceWaypoint } from './service-waypoint';
import type { ClusterStore } from './cluster-store';

/**
 * The change keys of what ambient mode and the Gateway API add to a write:
 * a service instance's data-plane mode and waypoint, and a service's routes,
 * are made from other objects than the Service itself. Each scan here runs
 * only on a write that can change them (a namespace relabelled, a waypoint
 * Gateway or its pods), never on ordinary pod churn.
 */

/** Namespace labels a pod's or service's mode and waypoint are read from. */
const MODE_LABELS = [DATAPLANE_MODE_LABEL, USE_WAYPOINT_LABEL, USE_WAYPOINT_NAMESPACE_LABEL, 'istio-injection', 'istio.io/rev'];

/** Whether a pod is a ztunnel (its namespace is checked where ztunnels are read). */
export function isZtunnelPod(p: SlimPod): boolean {
  return p.labels.app === 'ztunnel';
}

/** 'ns/gateway' of a pod labelled gateway.networking.k8s.io/gateway-name. */
export function gatewayPodKey(p: SlimPod): string | undefined {
  const gw = p.labels[GATEWAY_NAME_LABEL];
  return gw ? `${p.namespace}/${gw}` : undefined;
}

/** Whether a Gateway API object is a waypoint (Gateway of class istio-waypoint). */
export function isWaypointGateway(o: SlimConfigObject | undefined): boolean {
  return !!o && o.group === GATEWAY_API_GROUP && o.kind === 'Gateway' && (o.spec as { gatewayClassName?: unknown } | undefined)?.gatewayClassName === WAYPOINT_CLASS;
}

/** A relabelled namespace: every service and workload of it, when a label its modes or waypoint come from changed. */
export function namespaceModeKeys(store: ClusterStore, old: SlimNamespace | undefined, next: SlimNamespace | undefined): string[] {
  // A namespace coming or going counts as its labels coming or going: one without these labels changes nothing.
  if (MODE_LABELS.every((l) => old?.labels[l] === next?.labels[l])) return [];
  const ns = (next ?? old)!.name;
  const keys: string[] = [];
  for (const s of store.services.values()) if (s.namespace === ns) keys.push(changeKeys.service(ns, s.name));
  const workloads = new Set<string>();
  for (const wk of store.podsByWorkload.keys()) if (wk.startsWith(`${ns}/`)) workloads.add(wk.slice(wk.lastIndexOf('/') + 1));
  for (const d of store.deployments.values()) if (d.namespace === ns) workloads.add(d.name);
  for (const w of workloads) keys.push(changeKeys.workload(store.cluster, ns, w));
  return keys;
}

/** Whether a Service write changes which waypoint it uses. */
export function serviceWaypointChanged(old: SlimService | undefined, next: SlimService | undefined): boolean {
  // A Service coming or going without these labels changes no waypoint's list.
  const w = (s: SlimService | undefined) => `${s?.labels[USE_WAYPOINT_LABEL] ?? ''}/${s?.labels[USE_WAYPOINT_NAMESPACE_LABEL] ?? ''}`;
  return w(old) !== w(next);
}

/** The services of this cluster bound to waypoint 'ns/name' (by their own labels or their namespace's). */
export function boundServiceKeys(store: ClusterStore, waypoint: string): string[] {
  const keys: string[] = [];
  for (const s of store.services.values()) {
    const w = serviceWaypoint(s, store.namespaces.get(s.namespace)?.labels);
    if (w && `${w.namespace}/${w.name}` === waypoint) keys.push(changeKeys.service(s.namespace, s.name));
  }
  return keys;
}

/** A waypoint Gateway written: the cluster (its waypoints) and the services bound to it. */
export function waypointConfigKeys(store: ClusterStore, old: SlimConfigObject | undefined, next: SlimConfigObject | undefined): string[] {
  const o = next ?? old;
  if (!o || !(isWaypointGateway(old) || isWaypointGateway(next))) return [];
  return [changeKeys.cluster(store.cluster), ...boundServiceKeys(store, `${o.namespace}/${o.name}`)];
}

/**
 * A route written (Gateway API or VirtualService): the services of this
 * cluster it sends traffic to, before and after. A host no Service of the
 * cluster has touches nothing: an unknown service key would reach every
 * scoped stream as the bare `services` prefix.
 */
export function routeServiceKeys(store: ClusterStore, old: SlimConfigObject | undefined, next: SlimConfigObject | undefined): string[] {
  const out = new Set<string>();
  for (const x of [old, next]) if (x) for (const s of routeServices(x)) if (store.services.has(s)) out.add(s);
  return [...out].map((s) => {
    const i = s.indexOf('/');
    return changeKeys.service(s.slice(0, i), s.slice(i + 1));
  });
}
