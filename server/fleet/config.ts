import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { ConfigDetail, ConfigQuery, ConfigSummary } from '@/lib/fleet/config';
import { carriesStatus, configStatus } from '@/lib/fleet/config-status';
import type { Page } from '@/lib/fleet/paging';
import type { SlimConfigObject } from '../clusters/records';
import { envelope } from './envelope';
import type { FleetModel } from './model';
import { paginate } from './paginate';
import { allows, type VisibilityScope } from './scope';

const summary = (cluster: string, o: SlimConfigObject): ConfigSummary => ({
  cluster, group: o.group, version: o.version, kind: o.kind, namespace: o.namespace, name: o.name,
  resourceVersion: o.resourceVersion, creationTimestamp: o.creationTimestamp, labels: o.labels,
});

/** The summary with its controller's verdict, for kinds that carry conditions: the list answers the status column itself. */
function withStatus(row: { cluster: string; o: SlimConfigObject }): ConfigSummary {
  const s = summary(row.cluster, row.o);
  const statusSummary = carriesStatus(row.o) ? configStatus(row.o.status, row.o.namespace) : undefined;
  return statusSummary ? { ...s, statusSummary } : s;
}

const byKindClusterName = (a: { cluster: string; o: SlimConfigObject }, b: { cluster: string; o: SlimConfigObject }) =>
  a.o.kind.localeCompare(b.o.kind) || a.cluster.localeCompare(b.cluster) || a.o.namespace.localeCompare(b.o.namespace) || a.o.name.localeCompare(b.o.name);

/** Whether `kind` names the object's kind ('VirtualService', 'virtualservice', 'virtualservices' or 'VirtualService.networking.istio.io'). */
function kindMatches(o: SlimConfigObject, plural: string, kind: string): boolean {
  const k = kind.toLowerCase();
  return k === o.kind.toLowerCase() || k === plural || k === `${o.kind}.${o.group}`.toLowerCase();
}

/** GET /api/v1/config: Istio, Gateway API and Admiral config objects by kind, cluster and namespace (no specs; Gateway API statuses). */
export function getConfigObjects(model: FleetModel, scope: VisibilityScope, query: ConfigQuery): FleetResponse<Page<ConfigSummary>> {
  const q = query.q?.toLowerCase();
  const rows: Array<{ cluster: string; o: SlimConfigObject }> = [];
  for (const e of model.clusters()) {
    if (query.cluster && e.info.name !== query.cluster) continue;
    for (const [id, table] of e.store.config) {
      const plural = id.slice(id.lastIndexOf('/') + 1);
      for (const o of table.values()) {
        if (query.kind && !kindMatches(o, plural, query.kind)) continue;
        if (query.namespace && o.namespace !== query.namespace) continue;
        if (!allows(scope, e.info.name, o.namespace || undefined)) continue;
        if (q && !`${o.namespace}/${o.name}`.toLowerCase().includes(q)) continue;
        rows.push({ cluster: e.info.name, o });
      }
    }
  }
  rows.sort(byKindClusterName);
  // Statuses only for the page answered: a fleet's list may hold many thousands of rows.
  const page = paginate(rows, query);
  return envelope(model, scope, { ...page, items: page.items.map(withStatus) });
}

/** GET /api/v1/config/{cluster}/{group}/{kind}/{namespace}/{name}: one object with its spec, or undefined (404). */
export function getConfigObject(model: FleetModel, scope: VisibilityScope, ref: { cluster: string; group: string; kind: string; namespace: string; name: string }): FleetResponse<ConfigDetail> | undefined {
  const e = model.cluster(ref.cluster);
  const group = ref.group === '-' || ref.group === 'core' ? '' : ref.group;
  const namespace = ref.namespace === '-' ? '' : ref.namespace;
  if (!e || !allows(scope, ref.cluster, namespace || undefined)) return undefined;
  for (const [id, table] of e.store.config) {
    const plural = id.slice(id.lastIndexOf('/') + 1);
    const o = table.get(namespace ? `${namespace}/${ref.name}` : ref.name);
    if (!o || o.group !== group || !kindMatches(o, plural, ref.kind)) continue;
    return envelope(model, scope, { ...summary(ref.cluster, o), generation: o.generation, annotations: o.annotations, spec: o.spec, status: o.status });
  }
  return undefined;
}
