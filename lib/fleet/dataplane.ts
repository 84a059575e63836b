/**
 * Istio's data-plane modes and how an object declares them: a namespace by
 * its labels, a pod by its sidecar or ztunnel redirection, a service or
 * namespace by the waypoint it uses. Pure functions over labels, shared by
 * the fleet model, telemetry, topology and analysis.
 */

/** How a pod's traffic is captured: an injected sidecar, ztunnel (ambient), or not at all. */
export type DataplaneMode = 'sidecar' | 'ambient' | 'none';
/** A service or workload across pods or clusters: one mode, or several (`mixed`). */
export type DataplaneSummary = DataplaneMode | 'mixed';

export const DATAPLANE_MODES: readonly DataplaneMode[] = ['sidecar', 'ambient', 'none'];

export const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';
export const USE_WAYPOINT_LABEL = 'istio.io/use-waypoint';
export const USE_WAYPOINT_NAMESPACE_LABEL = 'istio.io/use-waypoint-namespace';
export const WAYPOINT_FOR_LABEL = 'istio.io/waypoint-for';
export const AMBIENT_REDIRECTION_ANNOTATION = 'ambient.istio.io/redirection';
export const WAYPOINT_CLASS = 'istio-waypoint';
export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

type Labels = Readonly<Record<string, string>> | undefined;

/** What a namespace asks for: ambient by istio.io/dataplane-mode, sidecar by istio-injection or istio.io/rev. */
export function namespaceDataplane(labels: Labels): DataplaneMode {
  if (labels?.[DATAPLANE_MODE_LABEL] === 'ambient') return 'ambient';
  if (labels?.['istio-injection'] === 'enabled' || (labels?.['istio.io/rev'] !== undefined && labels['istio-injection'] !== 'disabled')) return 'sidecar';
  return 'none';
}

/**
 * Whether a pod is itself Istio's (a gateway, a waypoint, ztunnel, istiod):
 * its proxy, if any, is the workload, not a sidecar capturing someone else's
 * traffic. ztunnel's container is named istio-proxy, so it reads as proxied.
 */
export function isIstioInfrastructurePod(labels: Labels): boolean {
  if (!labels) return false;
  if (labels[GATEWAY_NAME_LABEL] !== undefined || labels.app === 'istiod' || labels.istio === 'pilot' || labels.app === 'ztunnel') return true;
  return /gateway$/.test(labels.istio ?? '');
}

/**
 * A pod's mode. Gateways, waypoints, ztunnel and istiod are `none` (nothing
 * captures their traffic). A sidecar wins (Istio skips ambient redirection for
 * injected pods); then istio-cni's redirection annotation; then what the pod
 * and its namespace ask for, for a pod not yet redirected.
 */
export function podDataplane(pod: { hasProxy: boolean; labels: Labels; annotations?: Labels }, namespaceLabels: Labels): DataplaneMode {
  if (isIstioInfrastructurePod(pod.labels)) return 'none';
  if (pod.hasProxy) return 'sidecar';
  if (pod.annotations?.[AMBIENT_REDIRECTION_ANNOTATION] === 'enabled') return 'ambient';
  const own = pod.labels?.[DATAPLANE_MODE_LABEL];
  if (own === 'none') return 'none';
  if (own === 'ambient') return 'ambient';
  return namespaceDataplane(namespaceLabels) === 'ambient' ? 'ambient' : 'none';
}

/** One mode for several: the common one, `mixed` when they differ, undefined for none at all. */
export function summarizeDataplane(modes: Iterable<DataplaneSummary>): DataplaneSummary | undefined {
  let out: DataplaneSummary | undefined;
  for (const m of modes) {
    if (out === undefined) out = m;
    else if (out !== m) return 'mixed';
  }
  return out;
}

/** A waypoint by namespace and name. */
export interface WaypointRef {
  namespace: string;
  name: string;
}

/**
 * The waypoint a service (or a workload) uses: its own istio.io/use-waypoint
 * label (with istio.io/use-waypoint-namespace), else its namespace's.
 * `none` on the object opts it out of a namespace's waypoint.
 */
export function waypointFor(objectNamespace: string, objectLabels: Labels, namespaceLabels: Labels): WaypointRef | undefined {
  const own = objectLabels?.[USE_WAYPOINT_LABEL];
  if (own === 'none') return undefined;
  if (own) return { namespace: objectLabels?.[USE_WAYPOINT_NAMESPACE_LABEL] || objectNamespace, name: own };
  const ns = namespaceLabels?.[USE_WAYPOINT_LABEL];
  if (!ns || ns === 'none') return undefined;
  return { namespace: namespaceLabels?.[USE_WAYPOINT_NAMESPACE_LABEL] || objectNamespace, name: ns };
}

/** What traffic a waypoint Gateway takes (istio.io/waypoint-for; Istio's default is service). */
export function waypointTrafficType(gatewayLabels: Labels): 'service' | 'workload' | 'all' | 'none' {
  const v = gatewayLabels?.[WAYPOINT_FOR_LABEL];
  return v === 'workload' || v === 'all' || v === 'none' ? v : 'service';
}
