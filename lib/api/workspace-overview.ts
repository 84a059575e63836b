import { anySelectorMatches, parseSelector, type Selector } from '../access/selector';
import { worse, type HealthStatus } from '../health/health-status';
import type { ServiceSignals } from './telemetry';

/** A workspace as the page shows it: what its selectors match right now, and the health of its services. */
export interface WorkspaceOverview {
  /** Visible clusters a selector reaches into, each with the namespaces (that have services) it covers there. */
  clusters: Array<{ cluster: string; namespaces: string[] }>;
  /** Services (one per mesh, namespace and name) with an instance in the workspace; health is the worst of those instances only. */
  services: Array<{ mesh: string; namespace: string; name: string; clusters: string[]; health: HealthStatus }>;
  /** How many services are in each health status. */
  health: Partial<Record<HealthStatus, number>>;
}

/** Parsed selectors; one the server let through but this build cannot parse matches nothing rather than everything. */
export function parseSelectors(texts: readonly string[]): Selector[] {
  return texts.flatMap((t) => {
    try {
      return [parseSelector(t)];
    } catch {
      return [];
    }
  });
}

/**
 * Joins a workspace's selectors with the clusters the caller sees and the
 * service signals it gets (both already scoped by the server): the same
 * matching rules the server enforces (lib/access/selector.ts).
 */
export function workspaceOverview(selectorTexts: readonly string[], clusterNames: readonly string[], services: ReadonlyArray<ServiceSignals & { mesh?: string }>): WorkspaceOverview {
  const selectors = parseSelectors(selectorTexts);
  const namespaces = new Map<string, Set<string>>(clusterNames.filter((c) => anySelectorMatches(selectors, c)).sort().map((c) => [c, new Set()]));
  const rows: WorkspaceOverview['services'] = [];
  const health: WorkspaceOverview['health'] = {};
  for (const s of services) {
    const mine = s.clusters.filter((c) => anySelectorMatches(selectors, c.cluster, s.namespace));
    if (mine.length === 0) continue;
    for (const c of mine) (namespaces.get(c.cluster) ?? namespaces.set(c.cluster, new Set()).get(c.cluster)!).add(s.namespace);
    const status = mine.map((c) => c.health.status).reduce(worse);
    rows.push({ mesh: s.mesh ?? '', namespace: s.namespace, name: s.name, clusters: mine.map((c) => c.cluster), health: status });
    health[status] = (health[status] ?? 0) + 1;
  }
  return {
    clusters: [...namespaces].sort((a, b) => a[0].localeCompare(b[0])).map(([cluster, ns]) => ({ cluster, namespaces: [...ns].sort() })),
    services: rows.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name) || (a.mesh < b.mesh ? -1 : a.mesh > b.mesh ? 1 : 0)),
    health,
  };
}

/** The topology page filtered to a workspace's clusters and namespaces. */
export function workspaceTopologyHref(o: Pick<WorkspaceOverview, 'clusters'>): string {
  const s = new URLSearchParams();
  const clusters = o.clusters.filter((c) => c.namespaces.length > 0).map((c) => c.cluster);
  const namespaces = [...new Set(o.clusters.flatMap((c) => c.namespaces))].sort();
  if (clusters.length) s.set('clusters', clusters.join(','));
  if (namespaces.length) s.set('namespaces', namespaces.join(','));
  const q = s.toString();
  return q ? `/topology?${q}` : '/topology';
}
