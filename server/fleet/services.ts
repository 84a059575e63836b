import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { Page } from '@/lib/fleet/paging';
import type { ServiceDetail, ServiceSummary, ServicesQuery } from '@/lib/fleet/services';
import type { SlimConfigObject } from '../clusters/records';
import { serviceEntrySummary, summariseService } from './derive-services';
import { envelope } from './envelope';
import type { FleetModel } from './model';
import { ALL, allows, allowsNamespaceSomewhere, type VisibilityScope } from './scope';
import { paginate } from './paginate';
import { scopeKey } from './scoped-rows';

function visibleService(model: FleetModel, scope: VisibilityScope, key: string): ServiceDetail | undefined {
  const slash = key.indexOf('/');
  const namespace = key.slice(0, slash);
  const name = key.slice(slash + 1);
  const visible = [...model.serviceInstances(key).values()].filter((i) => allows(scope, i.cluster, namespace)).sort((a, b) => a.cluster.localeCompare(b.cluster));
  return visible.length ? summariseService(namespace, name, visible) : undefined;
}

function visibleServiceEntry(model: FleetModel, scope: VisibilityScope, key: string): ServiceSummary | undefined {
  const [namespace = '', name = ''] = key.split('/');
  const objects: Array<{ cluster: string; obj: SlimConfigObject }> = [];
  for (const cluster of model.serviceEntries.get(key) ?? []) {
    if (!allows(scope, cluster, namespace)) continue;
    for (const [id, table] of model.cluster(cluster)?.store.config ?? []) {
      const obj = id.endsWith('/serviceentries') ? table.get(key) : undefined;
      if (obj) objects.push({ cluster, obj });
    }
  }
  return objects.length ? serviceEntrySummary(namespace, name, objects.sort((a, b) => a.cluster.localeCompare(b.cluster))) : undefined;
}

/** A service key's current list rows: its Service (merged across clusters) and/or its ServiceEntry. */
function rowsFor(model: FleetModel, scope: VisibilityScope, key: string): ServiceSummary[] {
  const out: ServiceSummary[] = [];
  const d = visibleService(model, scope, key);
  if (d) {
    const { instances: _drop, ...summary } = d;
    void _drop;
    out.push(summary);
  }
  const se = visibleServiceEntry(model, scope, key);
  if (se) out.push(se);
  return out;
}

/**
 * GET /api/v1/services: global services (namespace sameness) and
 * ServiceEntries, filtered, sorted and paged from the model's incremental
 * index. The index holds the whole fleet's rows, which is what the `all`
 * scope sees; a narrower scope walks the index in order and takes each row
 * of a namespace it may see as rebuilt from the clusters it may see (kept
 * per scope until the service changes), so counts and cluster lists never
 * include what lies outside its workspaces.
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
    const scoped = model.scopedServiceRows.get(sk, key, () => rowsFor(model, scope, key)).find((s) => s.kind === r.kind);
    if (scoped && (!query.cluster || scoped.clusters.includes(query.cluster))) rows.push(scoped);
  }
  return envelope(model, scope, paginate(rows, query));
}

/** GET /api/v1/services/{namespace}/{name}: the service with every visible cluster's instance, or undefined (404). */
export function getService(model: FleetModel, scope: VisibilityScope, namespace: string, name: string): FleetResponse<ServiceDetail> | undefined {
  const d = visibleService(model, scope, `${namespace}/${name}`);
  return d ? envelope(model, scope, d) : undefined;
}
