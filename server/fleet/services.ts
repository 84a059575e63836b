import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { Page } from '@/lib/fleet/paging';
import type { ServiceDetail, ServiceInstance, ServiceSummary, ServicesQuery } from '@/lib/fleet/services';
import type { SlimConfigObject } from '../clusters/records';
import { serviceEntrySummary, serviceInstance, summariseService } from './derive-services';
import { envelope } from './envelope';
import type { FleetModel } from './model';
import { paginate } from './paginate';
import { allows, type VisibilityScope } from './scope';

/** Instances of one service in every cluster, memoised until the service's key is touched. */
function instances(model: FleetModel, key: string): Map<string, ServiceInstance> {
  let m = model.instanceMemo.get(key);
  if (m) return m;
  m = new Map();
  for (const cluster of model.services.get(key) ?? []) {
    const store = model.cluster(cluster)?.store;
    const svc = store?.services.get(key);
    if (store && svc) m.set(cluster, serviceInstance(store, svc));
  }
  model.instanceMemo.set(key, m);
  return m;
}

function visibleService(model: FleetModel, scope: VisibilityScope, key: string): ServiceDetail | undefined {
  const slash = key.indexOf('/');
  const namespace = key.slice(0, slash);
  const name = key.slice(slash + 1);
  const visible = [...instances(model, key).values()].filter((i) => allows(scope, i.cluster, namespace)).sort((a, b) => a.cluster.localeCompare(b.cluster));
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

const SORTS: Record<string, (a: ServiceSummary, b: ServiceSummary) => number> = {
  name: (a, b) => a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace),
  namespace: (a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
  clusters: (a, b) => a.clusters.length - b.clusters.length || a.name.localeCompare(b.name),
  endpoints: (a, b) => a.endpoints.ready - b.endpoints.ready || a.name.localeCompare(b.name),
};

/** GET /api/v1/services: global services (namespace sameness) and ServiceEntries, filtered, sorted and paged. */
export function getServices(model: FleetModel, scope: VisibilityScope, query: ServicesQuery): FleetResponse<Page<ServiceSummary>> {
  const q = query.q?.toLowerCase();
  const rows: ServiceSummary[] = [];
  const consider = (key: string, make: (k: string) => ServiceSummary | undefined) => {
    const ns = key.slice(0, key.indexOf('/'));
    if (query.namespace && ns !== query.namespace) return;
    if (q && !key.toLowerCase().includes(q)) return;
    const row = make(key);
    if (!row) return;
    if (query.cluster && !row.clusters.includes(query.cluster)) return;
    if (q && !`${row.namespace}/${row.name} ${row.hosts.join(' ')}`.toLowerCase().includes(q)) return;
    rows.push(row);
  };
  if (query.kind !== 'ServiceEntry') {
    for (const key of model.services.keys()) {
      consider(key, (k) => {
        const d = visibleService(model, scope, k);
        if (!d) return undefined;
        const { instances: _drop, ...summary } = d;
        void _drop;
        return summary;
      });
    }
  }
  if (query.kind !== 'Service') for (const key of model.serviceEntries.keys()) consider(key, (k) => visibleServiceEntry(model, scope, k));
  const desc = query.sort.startsWith('-');
  const cmp = SORTS[query.sort.replace(/^-/, '')]!;
  rows.sort(desc ? (a, b) => cmp(b, a) : cmp);
  return envelope(model, scope, paginate(rows, query));
}

/** GET /api/v1/services/{namespace}/{name}: the service with every visible cluster's instance, or undefined (404). */
export function getService(model: FleetModel, scope: VisibilityScope, namespace: string, name: string): FleetResponse<ServiceDetail> | undefined {
  const d = visibleService(model, scope, `${namespace}/${name}`);
  return d ? envelope(model, scope, d) : undefined;
}
