import 'server-only';
import type { SlimService } from '../clusters/records';
import { waypointFor, type WaypointRef } from '@/lib/fleet/dataplane';

const MANAGED_LABEL = 'gateway.istio.io/managed';
/** Services istiod deploys for a waypoint or an east-west gateway: Istio gives them no waypoint of their own. */
const GATEWAY_CONTROLLERS: ReadonlySet<string> = new Set(['istio.io-mesh-controller', 'istio.io-eastwest-controller']);

/**
 * The waypoint a Service uses (its labels, else its namespace's), as istiod
 * binds it: a waypoint's own Service and an east-west gateway's use none.
 */
export function serviceWaypoint(svc: Pick<SlimService, 'namespace' | 'labels'>, namespaceLabels: Readonly<Record<string, string>> | undefined): WaypointRef | undefined {
  if (GATEWAY_CONTROLLERS.has(svc.labels[MANAGED_LABEL] ?? '')) return undefined;
  return waypointFor(svc.namespace, svc.labels, namespaceLabels);
}
