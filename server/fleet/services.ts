import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { Page } from '@/lib/fleet/paging';
import type { ServiceDetail, ServiceDetailQuery, ServiceInstance, ServiceSummary, ServicesQuery } from '@/lib/fleet/services';
import type { SlimConfigObject } from '../clusters/records';
import { serviceEntrySummary, summariseService } from './derive-services';
import { envelope } from './envelope';
import { serviceRoutes } from './gateway-routes';
import type { FleetModel } from './model';
import { ALL, allows, allowsNamespaceSomewhere, type VisibilityScope } from './scope';
import { paginate } from './paginate';
import { scopeKey } from './scoped-rows';

const byCluster = (a: { cluster: string }, b: { cluster: string }) => a.cluster.localeCompare(b.cluster);

/** Items grouped by their cluster's mesh, meshes in code-point order ('' first), each group in cluster order. */
function byMesh<T extends { cluster: string }>(model: FleetModel, items: T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const mesh = model.meshOf(it.cluster);
    const g = groups.get(mesh);
    if (g) g.push(it);
    else groups.set(mesh, [it]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([m, g]) => [m, g.sort(byCluster)]);
}

const splitKey = (key: string) => {
  const slash = key.indexOf('/');
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
};

/** The visible instances of Service `key`, per mesh: namespace sameness merges within a mesh, never across. */
function visibleServiceGroups(model: FleetModel, scope: VisibilityScope, key: string): Array<[string, ServiceInstance[]]> {
  const { namespace } = splitKey(key);
  return byMesh(model, [...model.serviceInstances(key).values()].filter((i) => allows(scope, i.cluster, namespace)));
}

function visibleServiceEntries(model: FleetModel, scope: VisibilityScope, key: string): ServiceSummary[] {
  const { namespace, name } = splitKey(key);
  const objects: Array<{ cluster: string; obj: SlimConfigObject }> = [];
  for (const cluster of model.serviceEntries.get(key) ?? []) {
    if (!allows(scope, cluster, namespace)) continue;
    for (const [id, table] of model.cluster(cluster)?.store.config ?? []) {
      const obj = id.endsWith('/serviceentries') ? table.get(key) : undefined;
      if (obj) objects.push({ cluster, obj });
    }
  }
  return byMesh(model, objects).map(([mesh, objs]) => serviceEntrySummary(mesh, namespace, name, objs));
}

/** A service key's current list rows: per mesh, its Service (merged across that mesh's clusters) and/or its ServiceEntry. */
function rowsFor(model: FleetModel, scope: VisibilityScope, key: string): ServiceSummary[] {
  const { namespace, name } = splitKey(key);
  const out: ServiceSummary[] = [];
  for (const [mesh, instances] of visibleServiceGroups(model, scope, key)) {
    const { instances: _drop, ...summary } = summariseService(mesh, namespace, name, instances);
    void _drop;
    out.push(summary);
  }
  out.push(...visibleServiceEntries(model, scope, key));
  return out;
}

/**
 * GET /api/v1/services: services (namespace sameness within each mesh: one
 * row per mesh, namespace and name) and ServiceEntries, filtered, sorted and
 * paged from the model's incremental index. The index holds the whole fleet's
 * rows, which is what the `all` scope sees; a narrower scope walks the index
 * in order and takes each row of a namespace it may see as rebuilt from the
 * clusters it may see (kept per scope until the service changes), so counts
 * and cluster lists never include what lies outside its workspaces.
 */
export function getServices(model: FleetModel, scope: VisibilityScope, query: ServicesQuery): FleetResponse<Page<ServiceSummary>> {
  model.serviceIndex.refresh((key) => rowsFor(model, ALL, key));
  if (scope.kind === 'all') return envelope(model, scope, model.serviceIndex.query(query));
  const candidates = model.serviceIndex.query({ ...query, cluster: undefined, page: 1, pageSize: Number.MAX_SAFE_INTEGER }).items;
  const rows: ServiceSummary[] = [];
  const sk = scopeKey(scope);
  for (const r of candidates) {
    if (!allowsNamespaceSomewhere(scope, r.namespace)) continue;
    const key = `${r.namespace}/${r.name}`;
    const scoped = model.scopedServiceRows.get(sk, key, () => rowsFor(model, scope, key)).find((s) => s.kind === r.kind && s.mesh === r.mesh);
    if (!scoped || (query.cluster && !scoped.clusters.includes(query.cluster))) continue;
    // The index matched the whole fleet's row; the scope's may lack the mode of a cluster it cannot see.
    if (query.dataplane && !scoped.dataplanes.includes(query.dataplane)) continue;
    rows.push(scoped);
  }
  return envelope(model, scope, paginate(rows, query));
}

/**
 * GET /api/v1/services/{namespace}/{name}: the service in one mesh with each of
 * that mesh's visible clusters' instance, the routes sending traffic to it
 * (HTTPRoute, GRPCRoute, VirtualService, per cluster), and the other meshes that have it;
 * undefined (404) when no visible cluster has it, or not in the mesh asked for.
 * The mesh: `mesh`, else the one holding `cluster`, else the first in mesh order.
 */
export function getService(model: FleetModel, scope: VisibilityScope, namespace: string, name: string, query: ServiceDetailQuery = {}): FleetResponse<ServiceDetail> | undefined {
  const groups = visibleServiceGroups(model, scope, `${namespace}/${name}`);
  const chosen =
    query.mesh !== undefined
      ? groups.find(([m]) => m === query.mesh)
      : ((query.cluster !== undefined ? groups.find(([, is]) => is.some((i) => i.cluster === query.cluster)) : undefined) ?? groups[0]);
  if (!chosen) return undefined;
  const d = summariseService(chosen[0], namespace, name, chosen[1]);
  const routes = serviceRoutes(model, scope, chosen[0], namespace, name);
  return envelope(model, scope, { ...d, meshes: groups.map(([mesh, is]) => ({ mesh, clusters: is.map((i) => i.cluster) })), routes });
}
