import 'server-only';
import type { SlimConfigObject } from '../clusters/records';
import { GATEWAY_API_GROUP } from '../clusters/kinds';
import type { RouteParent, ServiceRoute } from '@/lib/fleet/routes';
import type { ClusterStore } from './cluster-store';
import { conditionOf, configObjects } from './gateway-api';
import { destinationService } from './route-hosts';
import type { FleetModel } from './model';
import { allows, type VisibilityScope } from './scope';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The controller whose status a route parent is read from when several controllers wrote one. */
const ISTIO_CONTROLLER = 'istio.io/gateway-controller';

/** Gateway API route kinds whose backendRefs and parentRefs name Services. */
export const GATEWAY_ROUTE_KINDS: ReadonlySet<string> = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute']);

/** The services a route sends traffic to (Gateway API or VirtualService); empty for other objects. */
export function routeServices(o: SlimConfigObject): Set<string> {
  if (o.group === GATEWAY_API_GROUP && GATEWAY_ROUTE_KINDS.has(o.kind)) return gatewayRoute(o).services;
  if (o.group === 'networking.istio.io' && o.kind === 'VirtualService') return virtualServiceRoute(o).services;
  return new Set();
}

/** One route as one cluster holds it. */
export interface ClusterRoute {
  kind: ServiceRoute['kind'];
  namespace: string;
  name: string;
  parents: RouteParent[];
  backends: ServiceRoute['backends'];
}

const isCore = (group: unknown) => group === undefined || group === '' || group === 'core';

/** A parentRef read with Gateway API defaults: kind Gateway, the route's namespace. */
function parentKey(ref: unknown, routeNamespace: string): { key: string; label: string; service?: string } | undefined {
  const r = obj(ref);
  const name = str(r?.name);
  if (!r || !name) return undefined;
  const kind = str(r.kind) ?? 'Gateway';
  const ns = str(r.namespace) ?? routeNamespace;
  const section = str(r.sectionName);
  const port = num(r.port);
  const suffix = section ? `:${section}` : port !== undefined ? `:${port}` : '';
  const service = kind === 'Service' && isCore(r.group) ? `${ns}/${name}` : undefined;
  return { key: `${kind}/${ns}/${name}/${section ?? ''}/${port ?? ''}`, label: `${kind} ${ns}/${name}${suffix}`, service };
}

/** A backendRef naming a core Service, as 'ns/name' with its weight. */
function backendOf(ref: unknown, routeNamespace: string): { service: string; weight?: number } | undefined {
  const r = obj(ref);
  const name = str(r?.name);
  if (!r || !name || !isCore(r.group) || (r.kind !== undefined && r.kind !== 'Service')) return undefined;
  const weight = num(r.weight);
  return { service: `${str(r.namespace) ?? routeNamespace}/${name}`, ...(weight === undefined ? {} : { weight }) };
}

const sameBackend = (a: { service: string; weight?: number }, b: { service: string; weight?: number }) => a.service === b.service && a.weight === b.weight;

function pushBackend(out: ServiceRoute['backends'], b: { service: string; weight?: number }): void {
  if (!out.some((x) => sameBackend(x, b))) out.push(b);
}

/**
 * An HTTPRoute or GRPCRoute: each spec parentRef with the Accepted and
 * ResolvedRefs conditions its status holds for it (Istio's controller's when
 * several wrote one), its Service backends, and the services it sends traffic
 * to: its backends and its Service parents (GAMMA mesh routing).
 */
export function gatewayRoute(o: SlimConfigObject): { route: ClusterRoute; services: Set<string> } {
  const spec = obj(o.spec) ?? {};
  const statusParents = list(obj(o.status)?.parents).map(obj).filter((p): p is Json => !!p);
  const services = new Set<string>();
  const parents: RouteParent[] = [];
  for (const ref of list(spec.parentRefs)) {
    const pk = parentKey(ref, o.namespace);
    if (!pk) continue;
    if (pk.service) services.add(pk.service);
    const matching = statusParents.filter((p) => parentKey(p.parentRef, o.namespace)?.key === pk.key);
    const st = matching.find((p) => p.controllerName === ISTIO_CONTROLLER) ?? matching[0];
    const parent: RouteParent = { parent: pk.label };
    const accepted = conditionOf(st?.conditions, 'Accepted');
    const resolvedRefs = conditionOf(st?.conditions, 'ResolvedRefs');
    if (accepted) parent.accepted = accepted;
    if (resolvedRefs) parent.resolvedRefs = resolvedRefs;
    parents.push(parent);
  }
  const backends: ServiceRoute['backends'] = [];
  for (const rule of list(spec.rules)) {
    for (const ref of list(obj(rule)?.backendRefs)) {
      const b = backendOf(ref, o.namespace);
      if (!b) continue;
      services.add(b.service);
      pushBackend(backends, b);
    }
  }
  return { route: { kind: o.kind as ClusterRoute['kind'], namespace: o.namespace, name: o.name, parents, backends }, services };
}

/** A VirtualService: its http/tcp/tls route destinations (a Kubernetes host as 'ns/name', else the host), and the services they name. */
export function virtualServiceRoute(o: SlimConfigObject): { route: ClusterRoute; services: Set<string> } {
  const spec = obj(o.spec) ?? {};
  const services = new Set<string>();
  const backends: ServiceRoute['backends'] = [];
  for (const section of ['http', 'tcp', 'tls'] as const) {
    for (const rule of list(spec[section])) {
      for (const r of list(obj(rule)?.route)) {
        const ro = obj(r);
        const host = str(obj(ro?.destination)?.host);
        if (!host) continue;
        const svc = destinationService(host, o.namespace);
        if (svc) services.add(svc);
        const weight = num(ro?.weight);
        pushBackend(backends, { service: svc ?? host, ...(weight === undefined ? {} : { weight }) });
      }
    }
  }
  return { route: { kind: 'VirtualService', namespace: o.namespace, name: o.name, parents: [], backends }, services };
}

const memos = new WeakMap<ClusterStore, { revision: number; index: Map<string, ClusterRoute[]> }>();

/**
 * Service 'ns/name' -> the routes of this cluster sending traffic to it.
 * Rebuilt when a config object of the cluster changes (its config revision),
 * not with pod or endpoint churn.
 */
export function clusterRoutes(store: ClusterStore): ReadonlyMap<string, ClusterRoute[]> {
  const m = memos.get(store);
  if (m && m.revision === store.configRevision) return m.index;
  const index = new Map<string, ClusterRoute[]>();
  const add = ({ route, services }: { route: ClusterRoute; services: Set<string> }) => {
    for (const s of services) {
      const rs = index.get(s);
      if (rs) rs.push(route);
      else index.set(s, [route]);
    }
  };
  for (const kind of ['HTTPRoute', 'GRPCRoute'] as const) for (const o of configObjects(store, GATEWAY_API_GROUP, kind)) add(gatewayRoute(o));
  for (const o of configObjects(store, 'networking.istio.io', 'VirtualService')) add(virtualServiceRoute(o));
  memos.set(store, { revision: store.configRevision, index });
  return index;
}

const KIND_ORDER: Record<ServiceRoute['kind'], number> = { HTTPRoute: 0, GRPCRoute: 1, VirtualService: 2 };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The routes sending traffic to service `namespace/name` across the clusters
 * of one mesh, merged by kind, namespace and name, each with its parents per
 * cluster. Routes in namespaces (or clusters) the caller may not see are left out.
 */
export function serviceRoutes(model: FleetModel, scope: VisibilityScope, mesh: string, namespace: string, name: string): ServiceRoute[] {
  const key = `${namespace}/${name}`;
  const merged = new Map<string, ServiceRoute>();
  for (const e of model.clusters()) {
    const cluster = e.info.name;
    if (model.meshOf(cluster) !== mesh) continue;
    for (const r of clusterRoutes(e.store).get(key) ?? []) {
      if (!allows(scope, cluster, r.namespace)) continue;
      const id = `${r.kind}/${r.namespace}/${r.name}`;
      let out = merged.get(id);
      if (!out) merged.set(id, (out = { kind: r.kind, namespace: r.namespace, name: r.name, clusters: [], backends: [] }));
      out.clusters.push({ cluster, parents: r.parents });
      for (const b of r.backends) pushBackend(out.backends, b);
    }
  }
  // model.clusters() is in name order, so each route's clusters are too.
  return [...merged.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || cmp(a.namespace, b.namespace) || cmp(a.name, b.name));
}
