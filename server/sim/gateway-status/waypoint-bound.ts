/** The istio.io/WaypointBound condition istiod writes on Services that use a waypoint. */
import type { KubeObject } from '../kube/types';
import { waypointFor, WAYPOINT_CLASS, type WaypointRef } from '../../../lib/fleet/dataplane';
import type { ClusterView } from './cluster-view';
import { carryTransitions, condition, conditionsOf } from './conditions';
import { gatewayReadiness, gatewaySpec } from './gateway-status';

export const WAYPOINT_BOUND = 'istio.io/WaypointBound';

/** gateway.istio.io/managed values of what istiod deploys for waypoints and east-west gateways: those Services use no waypoint. */
const SELF_MANAGED = new Set(['istio.io-mesh-controller', 'istio.io-eastwest-controller']);

/** The waypoint a Service is bound to (its labels, else its namespace's). */
export function serviceWaypointRef(svc: KubeObject, view: ClusterView): WaypointRef | undefined {
  if (SELF_MANAGED.has(svc.metadata.labels?.['gateway.istio.io/managed'] ?? '')) return undefined;
  const ns = svc.metadata.namespace ?? 'default';
  return waypointFor(ns, svc.metadata.labels, view.namespaceLabels(ns));
}

/** Whether a waypoint Gateway exists and is Programmed (computed, not read from its status). */
export function waypointServes(ref: WaypointRef, view: ClusterView): boolean {
  const gw = view.gateway(ref.namespace, ref.name);
  return !!gw && gatewaySpec(gw).gatewayClassName === WAYPOINT_CLASS && gatewayReadiness(gw, view)?.programmed === true;
}

/**
 * The Service's next status: WaypointBound True (WaypointAccepted) or False
 * (WaypointIsNotReady) while it uses a waypoint, removed when it uses none;
 * other status fields and conditions kept.
 */
export function serviceStatus(svc: KubeObject, view: ClusterView, now: string): Record<string, unknown> {
  const status = { ...((svc.status ?? {}) as Record<string, unknown>) };
  const others = conditionsOf(svc.status).filter((c) => (c as { type?: string } | null)?.type !== WAYPOINT_BOUND);
  const ref = serviceWaypointRef(svc, view);
  const gen = svc.metadata.generation;
  const bound = ref
    ? waypointServes(ref, view)
      ? condition(WAYPOINT_BOUND, true, 'WaypointAccepted', `Successfully attached to waypoint ${ref.namespace}/${ref.name}`, gen, now)
      : condition(WAYPOINT_BOUND, false, 'WaypointIsNotReady', `waypoint "${ref.namespace}/${ref.name}" is not ready`, gen, now)
    : undefined;
  const conditions = [...others, ...(bound ? carryTransitions(conditionsOf(svc.status), [bound]) : [])];
  if (conditions.length) status.conditions = conditions;
  else delete status.conditions;
  return status;
}
