/**
 * The status istiod writes on HTTPRoutes and GRPCRoutes: one entry per parent
 * it manages (an istio Gateway, or a Service for GAMMA mesh routing) with
 * Accepted and ResolvedRefs. Reasons and messages as in
 * pilot/pkg/config/kube/gateway (conversion.go referenceAllowed, buildDestination).
 */
import type { KubeObject } from '../kube/types';
import { DOMAIN_SUFFIX, type ClusterView } from './cluster-view';
import { carryTransitions, condition, conditionsOf } from './conditions';
import { gatewayListeners, isIstioGateway, type Listener } from './gateway-status';

export const CONTROLLER_NAME = 'istio.io/gateway-controller';
const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export interface ParentRef {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
}

interface BackendRef {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
}

interface RouteSpec {
  parentRefs?: ParentRef[];
  rules?: Array<{ backendRefs?: BackendRef[] }>;
}

interface ParentStatus {
  parentRef: ParentRef;
  controllerName: string;
  conditions: unknown[];
}

interface Refusal {
  reason: string;
  message: string;
}

/** The next status of a route and the Gateway listeners it is accepted on (`namespace/gateway/listener`). */
export interface RouteStatusResult {
  status: { parents: ParentStatus[] };
  attached: string[];
}

const isService = (r: { group?: string; kind?: string }) => r.kind === 'Service' && (r.group ?? '') === '';
const isGateway = (r: ParentRef) => (r.kind ?? 'Gateway') === 'Gateway' && (r.group ?? GATEWAY_GROUP) === GATEWAY_GROUP;

/** Whether a listener lets routes from `routeNamespace` attach (allowedRoutes.namespaces; Same by default). */
function allows(l: Listener, gatewayNamespace: string, routeNamespace: string, view: ClusterView): boolean {
  const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return gatewayNamespace === routeNamespace;
  const want = l.allowedRoutes?.namespaces?.selector?.matchLabels ?? {};
  const labels = view.namespaceLabels(routeNamespace);
  return Object.entries(want).every(([k, v]) => labels?.[k] === v);
}

/** Why a parent does not take the route (undefined: accepted), and the listeners it attaches to. */
function parentVerdict(ref: ParentRef, routeNamespace: string, view: ClusterView): { refusal?: Refusal; listeners: string[] } | undefined {
  const ns = ref.namespace ?? routeNamespace;
  if (isService(ref)) {
    return view.service(ns, ref.name) ? { listeners: [] } : { refusal: { reason: 'NoMatchingParent', message: `parent service: "${ref.name}" not found` }, listeners: [] };
  }
  if (!isGateway(ref)) return undefined;
  const gw = view.gateway(ns, ref.name);
  // istiod writes no entry for a Gateway it does not know; the simulator reports it, so a missing parent is visible.
  if (!gw) return { refusal: { reason: 'NoMatchingParent', message: `parent gateway: "${ns}/${ref.name}" not found` }, listeners: [] };
  if (!isIstioGateway(gw)) return undefined;
  let candidates = gatewayListeners(gw);
  if (ref.port !== undefined) {
    candidates = candidates.filter((l) => l.port === ref.port);
    if (!candidates.length) return { refusal: { reason: 'NoMatchingParent', message: `port ${ref.port} not found` }, listeners: [] };
  }
  if (ref.sectionName) {
    candidates = candidates.filter((l) => l.name === ref.sectionName);
    if (!candidates.length) return { refusal: { reason: 'NoMatchingParent', message: `sectionName "${ref.sectionName}" not found` }, listeners: [] };
  }
  const allowed = candidates.filter((l) => allows(l, ns, routeNamespace, view));
  if (!allowed.length) {
    const host = candidates[0]?.hostname ?? '*';
    return { refusal: { reason: 'NotAllowedByListeners', message: `hostnames matched parent hostname "${host}", but namespace "${routeNamespace}" is not allowed by the parent` }, listeners: [] };
  }
  return { listeners: allowed.map((l) => `${ns}/${ref.name}/${l.name}`) };
}

/** A ReferenceGrant in the backend's namespace lets this route kind from its namespace reach the Service. */
function granted(view: ClusterView, routeKind: string, routeNamespace: string, backend: BackendRef, backendNamespace: string): boolean {
  return view.referenceGrants(backendNamespace).some((g) => {
    const spec = (g.spec ?? {}) as { from?: Array<{ group?: string; kind?: string; namespace?: string }>; to?: Array<{ group?: string; kind?: string; name?: string }> };
    const from = (spec.from ?? []).some((f) => f.group === GATEWAY_GROUP && f.kind === routeKind && f.namespace === routeNamespace);
    const to = (spec.to ?? []).some((t) => (t.group ?? '') === '' && t.kind === 'Service' && (!t.name || t.name === backend.name));
    return from && to;
  });
}

/** The first unresolvable backendRef of the route, in rule order (istiod reports one error per route). */
function backendError(route: KubeObject, view: ClusterView): Refusal | undefined {
  const ns = route.metadata.namespace ?? 'default';
  for (const rule of ((route.spec ?? {}) as RouteSpec).rules ?? []) {
    for (const b of rule.backendRefs ?? []) {
      if (!isService({ group: b.group, kind: b.kind ?? 'Service' })) continue;
      const toNs = b.namespace ?? ns;
      if (toNs !== ns && !granted(view, route.kind, ns, b, toNs)) {
        return { reason: 'RefNotPermitted', message: `backendRef ${b.name}/${toNs} not accessible to a ${route.kind} in namespace "${ns}" (missing a ReferenceGrant?)` };
      }
      if (!view.service(toNs, b.name)) return { reason: 'BackendNotFound', message: `backend(${b.name}.${toNs}.svc.${DOMAIN_SUFFIX}) not found` };
    }
  }
  return undefined;
}

const sameRef = (a: ParentRef, b: ParentRef) =>
  (a.group ?? GATEWAY_GROUP) === (b.group ?? GATEWAY_GROUP) && (a.kind ?? 'Gateway') === (b.kind ?? 'Gateway') && a.namespace === b.namespace && a.name === b.name && a.sectionName === b.sectionName && a.port === b.port;

/**
 * The route's next status: entries of other controllers kept, then one per
 * parentRef istiod manages, with transition times kept for unchanged conditions.
 */
export function routeStatus(route: KubeObject, view: ClusterView, now: string): RouteStatusResult {
  const ns = route.metadata.namespace ?? 'default';
  const gen = route.metadata.generation;
  const previous = (((route.status ?? {}) as { parents?: ParentStatus[] }).parents ?? []).filter((p) => p && typeof p === 'object');
  const refError = backendError(route, view);
  const attached: string[] = [];
  const ours: ParentStatus[] = [];
  for (const ref of ((route.spec ?? {}) as RouteSpec).parentRefs ?? []) {
    const verdict = parentVerdict(ref, ns, view);
    if (!verdict) continue;
    if (!verdict.refusal) attached.push(...verdict.listeners);
    const before = previous.find((p) => p.controllerName === CONTROLLER_NAME && sameRef(p.parentRef, ref));
    ours.push({
      parentRef: ref,
      controllerName: CONTROLLER_NAME,
      conditions: carryTransitions(conditionsOf(before), [
        verdict.refusal ? condition('Accepted', false, verdict.refusal.reason, verdict.refusal.message, gen, now) : condition('Accepted', true, 'Accepted', 'Route was valid', gen, now),
        refError ? condition('ResolvedRefs', false, refError.reason, refError.message, gen, now) : condition('ResolvedRefs', true, 'ResolvedRefs', 'All references resolved', gen, now),
      ]),
    });
  }
  return { status: { parents: [...previous.filter((p) => p.controllerName !== CONTROLLER_NAME), ...ours] }, attached };
}
