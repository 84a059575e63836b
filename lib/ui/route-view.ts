import type { ConditionView } from '../fleet/dataplane-schema';
import type { ServiceRoute } from '../fleet/routes';
import { configKey } from './config-view';

type Status = ConditionView['status'];
type ConditionType = 'Accepted' | 'ResolvedRefs';

/** A condition of one parent that is not True, for the cell's words. */
export interface RouteProblem {
  parent: string;
  type: ConditionType;
  status: Status;
  reason?: string;
  message?: string;
}

/** One route in one cluster: the worst Accepted and ResolvedRefs over its parents there. */
export interface RouteCell {
  cluster: string;
  /** The route exists in this cluster. */
  present: boolean;
  /** Undefined when no parent carries the condition (a VirtualService, or status not written yet). */
  accepted?: Status;
  resolved?: Status;
  problems: RouteProblem[];
}

/** One row of the routes panel. */
export interface RouteRow {
  testId: string;
  route: ServiceRoute;
  /** The object in the config browser, compared cluster by cluster. */
  href: string;
  /** Parents across clusters; `only` names the clusters that have it when not all of them do. */
  parents: { parent: string; only?: string[] }[];
  /** Backends with their share of the weight, when weights are set. */
  backends: { service: string; weight?: number; percent?: number }[];
  cells: RouteCell[];
  /** The clusters holding it disagree (accepted in one, not in another): the row must stand out. */
  differs?: string;
}

const KIND_ORDER: Record<ServiceRoute['kind'], number> = { HTTPRoute: 0, GRPCRoute: 1, VirtualService: 2 };
const GROUP: Record<ServiceRoute['kind'], string> = { HTTPRoute: 'gateway.networking.k8s.io', GRPCRoute: 'gateway.networking.k8s.io', VirtualService: 'networking.istio.io' };
const RANK: Record<Status, number> = { True: 0, Unknown: 1, False: 2 };

/** The worse of two statuses (False over Unknown over True); undefined stays out. */
const worse = (a: Status | undefined, b: Status | undefined): Status | undefined => (a === undefined ? b : b === undefined ? a : RANK[b] > RANK[a] ? b : a);

function cellOf(route: ServiceRoute, cluster: string): RouteCell {
  const rc = route.clusters.find((c) => c.cluster === cluster);
  const cell: RouteCell = { cluster, present: !!rc, problems: [] };
  for (const p of rc?.parents ?? []) {
    for (const [type, cond] of [['Accepted', p.accepted], ['ResolvedRefs', p.resolvedRefs]] as const) {
      if (!cond) continue;
      if (type === 'Accepted') cell.accepted = worse(cell.accepted, cond.status);
      else cell.resolved = worse(cell.resolved, cond.status);
      if (cond.status !== 'True') cell.problems.push({ parent: p.parent, type, status: cond.status, reason: cond.reason, message: cond.message });
    }
  }
  return cell;
}

/**
 * How the clusters that hold the route disagree on its status, or undefined
 * when they agree. A cluster without the route is not a disagreement: an
 * ingress route lives only where its Gateway does.
 */
function disagreement(cells: readonly RouteCell[]): string | undefined {
  const present = cells.filter((c) => c.present);
  const by = (pick: (c: RouteCell) => Status | undefined, name: string) => {
    const values = new Set(present.map(pick));
    return values.size > 1 ? `${name} ${present.map((c) => `${pick(c) ?? 'not reported'} in ${c.cluster}`).join(', ')}` : undefined;
  };
  return [by((c) => c.accepted, 'Accepted'), by((c) => c.resolved, 'ResolvedRefs')].filter(Boolean).join('; ') || undefined;
}

function parentsOf(route: ServiceRoute): RouteRow['parents'] {
  const where = new Map<string, string[]>();
  for (const c of route.clusters) for (const p of c.parents) where.set(p.parent, [...(where.get(p.parent) ?? []), c.cluster]);
  return [...where].map(([parent, cs]) => (cs.length < route.clusters.length ? { parent, only: cs } : { parent }));
}

function backendsOf(route: ServiceRoute): RouteRow['backends'] {
  const total = route.backends.reduce((n, b) => n + (b.weight ?? 0), 0);
  // A backend listed twice has other weights in other clusters: a share of the sum would mean nothing.
  const once = new Set(route.backends.map((b) => b.service)).size === route.backends.length;
  return route.backends.map((b) => (once && b.weight !== undefined && total > 0 ? { ...b, percent: Math.round((b.weight / total) * 1000) / 10 } : { ...b }));
}

/**
 * The routes panel's rows: HTTPRoutes, GRPCRoutes and VirtualServices in that
 * order, one cell per cluster of the service (a route missing from a cluster
 * is a cell too), each with the worst condition over the route's parents there.
 */
export function routeRows(routes: readonly ServiceRoute[], clusters: readonly string[]): RouteRow[] {
  const all = [...new Set([...clusters, ...routes.flatMap((r) => r.clusters.map((c) => c.cluster))])].sort();
  return [...routes]
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .map((route) => {
      const cells = all.map((c) => cellOf(route, c));
      const differs = disagreement(cells);
      return {
        testId: `route-${route.kind}-${route.namespace}-${route.name}`,
        route,
        href: `/config?object=${encodeURIComponent(configKey({ group: GROUP[route.kind], kind: route.kind, namespace: route.namespace, name: route.name }))}`,
        parents: parentsOf(route),
        backends: backendsOf(route),
        cells,
        ...(differs ? { differs } : {}),
      };
    });
}
