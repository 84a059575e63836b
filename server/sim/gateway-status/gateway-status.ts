/**
 * The status istiod writes on Gateways of its classes (istio, istio-waypoint):
 * Accepted, Programmed (an address assigned and, here, a ready pod behind it),
 * ResolvedRefs, the addresses it reports and one status per listener.
 * Wording follows pilot/pkg/config/kube/gateway (conversion.go, gatewaycommon).
 */
import { WAYPOINT_CLASS } from '../../../lib/fleet/dataplane';
import type { KubeObject } from '../kube/types';
import { podIsReady } from '../telemetry/pod-facts';
import { DOMAIN_SUFFIX, type ClusterView } from './cluster-view';
import { carryTransitions, condition, conditionsOf, type Condition } from './conditions';

export const GATEWAY_CLASS = 'istio';

export interface Listener {
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  allowedRoutes?: { namespaces?: { from?: 'All' | 'Same' | 'Selector'; selector?: { matchLabels?: Record<string, string> } } };
}

export interface GatewayAddress {
  type: 'IPAddress' | 'Hostname';
  value: string;
}

/** Whether the Gateway's data plane serves, and the Programmed condition's words. */
export interface GatewayReadiness {
  programmed: boolean;
  reason: string;
  message: string;
  /** Addresses to report; undefined keeps what was reported before (istiod never removes an address once ready). */
  addresses?: GatewayAddress[];
}

interface GatewaySpec {
  gatewayClassName?: string;
  listeners?: Listener[];
}

interface ServiceFacts {
  spec?: { type?: string; clusterIP?: string; clusterIPs?: string[] };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
}

export const gatewaySpec = (gw: KubeObject): GatewaySpec => (gw.spec ?? {}) as GatewaySpec;
export const gatewayListeners = (gw: KubeObject): Listener[] => gatewaySpec(gw).listeners ?? [];

/** A Gateway istiod manages: class istio (a router it deploys) or istio-waypoint. */
export const isIstioGateway = (gw: KubeObject | undefined): gw is KubeObject => {
  const cls = gw && gatewaySpec(gw).gatewayClassName;
  return cls === GATEWAY_CLASS || cls === WAYPOINT_CLASS;
};

/** The Deployment and Service istiod deploys for a Gateway: `<name>` for waypoints, `<name>-<class>` otherwise. */
export const deployedName = (gw: KubeObject): string => {
  const cls = gatewaySpec(gw).gatewayClassName ?? GATEWAY_CLASS;
  return cls === WAYPOINT_CLASS ? gw.metadata.name : `${gw.metadata.name}-${cls}`;
};

/** Istio's HumanReadableJoin: "a", "a and b", "a, b, and c". */
export function humanJoin(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

/** Programmed for an istio Gateway: its Service must exist and its Deployment have a ready pod. undefined for other classes. */
export function gatewayReadiness(gw: KubeObject, view: ClusterView): GatewayReadiness | undefined {
  if (!isIstioGateway(gw)) return undefined;
  const ns = gw.metadata.namespace ?? 'default';
  const svcName = deployedName(gw);
  const host = `${svcName}.${ns}.svc.${DOMAIN_SUFFIX}`;
  const svc = view.service(ns, svcName) as (KubeObject & ServiceFacts) | undefined;
  if (!svc) return { programmed: false, reason: 'AddressNotUsable', message: `Failed to assign to any requested addresses: hostname "${host}" not found` };
  const ready = view.deployment(ns, svcName) !== undefined && view.gatewayPods(ns, gw.metadata.name).some(podIsReady);
  if (!ready) return { programmed: false, reason: 'AddressNotAssigned', message: `Failed to assign to any requested addresses: no instances found for hostname "${host}"` };

  const ports = [...new Set(gatewayListeners(gw).map((l) => l.port))].sort((a, b) => a - b);
  const internal = ports.map((p) => `${host}:${p}`);
  const external = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname).filter((v): v is string => !!v);
  const kind = (v: string): GatewayAddress['type'] => (/^[\d.]+$|:/.test(v) ? 'IPAddress' : 'Hostname');
  if (svc.spec?.type === 'LoadBalancer' && external.length === 0) {
    return { programmed: false, reason: 'AddressNotAssigned', message: `Assigned to service(s) ${humanJoin(internal)}, but failed to assign to all requested addresses: address pending for hostname "${host}"` };
  }
  let addresses: GatewayAddress[];
  if (external.length) addresses = external.map((value) => ({ type: kind(value), value }));
  else if (gatewaySpec(gw).gatewayClassName === WAYPOINT_CLASS) {
    // The waypoint class reports both kinds (istiod's classInfo AddressType ""); the istio class hostnames only.
    const ips = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
    addresses = [...ips.filter((ip) => ip !== 'None').map((value) => ({ type: 'IPAddress' as const, value })), { type: 'Hostname', value: host }];
  } else addresses = [{ type: 'Hostname', value: host }];
  return { programmed: true, reason: 'Programmed', message: `Resource programmed, assigned to service(s) ${humanJoin(internal)}`, addresses };
}

/** Route kinds a listener takes, by protocol (an HBONE waypoint listener lists none, as istiod writes it). */
function supportedKinds(protocol: string): Array<{ group: string; kind: string }> {
  const g = 'gateway.networking.k8s.io';
  if (protocol === 'HTTP' || protocol === 'HTTPS') return [{ group: g, kind: 'HTTPRoute' }, { group: g, kind: 'GRPCRoute' }];
  if (protocol === 'TCP') return [{ group: g, kind: 'TCPRoute' }];
  if (protocol === 'TLS') return [{ group: g, kind: 'TLSRoute' }];
  return [];
}

/**
 * The Gateway's next status (previous transition times kept for unchanged
 * conditions), or undefined for a Gateway istiod does not manage.
 * `attachedRoutes(listener)` counts the routes accepted on a listener.
 */
export function gatewayStatus(gw: KubeObject, view: ClusterView, attachedRoutes: (listener: string) => number, now: string): Record<string, unknown> | undefined {
  const readiness = gatewayReadiness(gw, view);
  if (!readiness) return undefined;
  const gen = gw.metadata.generation;
  const prev = (gw.status ?? {}) as { addresses?: GatewayAddress[]; listeners?: Array<{ name?: string; conditions?: unknown[] }> };
  const conditions = carryTransitions(conditionsOf(gw.status), [
    condition('Accepted', true, 'Accepted', 'Resource accepted', gen, now),
    condition('Programmed', readiness.programmed, readiness.reason, readiness.message, gen, now),
    condition('ResolvedRefs', true, 'ResolvedRefs', 'All references resolved', gen, now),
  ]);
  const listeners = gatewayListeners(gw).map((l) => {
    const before = prev.listeners?.find((x) => x.name === l.name)?.conditions;
    const fine = (type: string, reason: string): Condition => condition(type, true, reason, 'No errors found', gen, now);
    return {
      attachedRoutes: attachedRoutes(l.name),
      conditions: carryTransitions(before, [fine('Accepted', 'Accepted'), { ...fine('Conflicted', 'NoConflicts'), status: 'False' }, fine('Programmed', 'Programmed'), fine('ResolvedRefs', 'ResolvedRefs')]),
      name: l.name,
      supportedKinds: supportedKinds(l.protocol),
    };
  });
  const addresses = readiness.addresses ?? prev.addresses;
  return { ...(addresses?.length ? { addresses } : {}), conditions, listeners };
}
