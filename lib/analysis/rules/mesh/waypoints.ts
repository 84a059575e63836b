import type { AnalysisContext } from '../../context';
import { GATEWAY_NAME_LABEL, WAYPOINT_CLASS, waypointFor, type WaypointRef } from '../../../fleet/dataplane';
import { obj, str } from '../../spec';
import type { ClusterView, ConfigObject, ServiceView } from '../../types';

/** The Gateway API group (Gateways, HTTPRoutes, GRPCRoutes). */
export const GATEWAY_API = 'gateway.networking.k8s.io';

const MANAGED_LABEL = 'gateway.istio.io/managed';
/** Istio's controllers of waypoints and east-west gateways: their Services never use a waypoint. */
const MANAGED_BY_ISTIO: ReadonlySet<string> = new Set(['istio.io-mesh-controller', 'istio.io-eastwest-controller']);

/** 'namespace/name' of a waypoint. */
export const waypointKey = (w: WaypointRef): string => `${w.namespace}/${w.name}`;

/**
 * Whether a Service fronts a gateway rather than an application: Istio's
 * managed waypoints and east-west gateways (as istiod tells them), or any
 * Service selecting a Gateway API gateway's pods. Such Services neither use a
 * waypoint nor have a data-plane mode of their own.
 */
export function isGatewayService(s: ServiceView): boolean {
  const managed = s.labels[MANAGED_LABEL] ?? s.selector?.[MANAGED_LABEL];
  return (managed !== undefined && MANAGED_BY_ISTIO.has(managed)) || s.selector?.[GATEWAY_NAME_LABEL] !== undefined;
}

/** Waypoint Gateways (class istio-waypoint) of a cluster by 'namespace/name'. */
export function waypointGateways(ctx: AnalysisContext, c: ClusterView): Map<string, ConfigObject> {
  return ctx.memo(`waypoint-gateways:${c.name}`, () => {
    const out = new Map<string, ConfigObject>();
    for (const g of ctx.config(c, 'Gateway', GATEWAY_API)) if (str(obj(g.spec)?.gatewayClassName) === WAYPOINT_CLASS) out.set(`${g.namespace}/${g.name}`, g);
    return out;
  });
}

/** What uses one waypoint in a cluster: Services (their own label or their namespace's) and namespaces (their label). */
export interface WaypointBinding {
  waypoint: WaypointRef;
  services: ServiceView[];
  namespaces: string[];
}

/** Namespace labels of a cluster by name, built once per run. */
export function namespaceLabels(ctx: AnalysisContext, c: ClusterView): Map<string, Record<string, string>> {
  return ctx.memo(`namespace-labels:${c.name}`, () => new Map([...c.namespaces].map((n) => [n.name, n.labels])));
}

/** Every waypoint something in the cluster uses, by 'namespace/name', with what uses it (sorted). */
export function waypointBindings(ctx: AnalysisContext, c: ClusterView): Map<string, WaypointBinding> {
  return ctx.memo(`waypoint-bindings:${c.name}`, () => {
    const nsLabels = namespaceLabels(ctx, c);
    const out = new Map<string, WaypointBinding>();
    const entry = (w: WaypointRef): WaypointBinding => {
      const key = waypointKey(w);
      let b = out.get(key);
      if (!b) out.set(key, (b = { waypoint: w, services: [], namespaces: [] }));
      return b;
    };
    for (const [name, labels] of nsLabels) {
      const w = waypointFor(name, undefined, labels);
      if (w) entry(w).namespaces.push(name);
    }
    for (const s of c.services) {
      if (isGatewayService(s)) continue;
      const w = waypointFor(s.namespace, s.labels, nsLabels.get(s.namespace));
      if (w) entry(w).services.push(s);
    }
    for (const b of out.values()) {
      b.namespaces.sort();
      b.services.sort((x, y) => x.namespace.localeCompare(y.namespace) || x.name.localeCompare(y.name));
    }
    return out;
  });
}

/** 'ns/name' of each Service, for messages. */
export const serviceNames = (services: readonly ServiceView[]): string[] => services.map((s) => `${s.namespace}/${s.name}`);

/** A short list for a message: the first few, then how many more. */
export function shortList(items: readonly string[], max = 5): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
