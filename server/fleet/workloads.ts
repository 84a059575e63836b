import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { Page } from '@/lib/fleet/paging';
import type { WorkloadGroup, WorkloadsQuery } from '@/lib/fleet/workloads';
import { envelope } from './envelope';
import type { FleetModel } from './model';
import { paginate } from './paginate';
import { allows, type VisibilityScope } from './scope';

/** GET /api/v1/workloads: workloads grouped by namespace, canonical service and revision across clusters. */
export function getWorkloads(model: FleetModel, scope: VisibilityScope, query: WorkloadsQuery): FleetResponse<Page<WorkloadGroup>> {
  const q = query.q?.toLowerCase();
  const groups = new Map<string, WorkloadGroup>();
  for (const e of model.clusters()) {
    if (query.cluster && e.info.name !== query.cluster) continue;
    for (const w of model.workloads(e.info.name)) {
      if (!allows(scope, w.cluster, w.namespace)) continue;
      if (query.namespace && w.namespace !== query.namespace) continue;
      if (q && !`${w.namespace}/${w.name} ${w.canonicalService}`.toLowerCase().includes(q)) continue;
      const key = `${w.namespace}/${w.canonicalService}/${w.canonicalRevision}`;
      const g = groups.get(key) ?? { namespace: w.namespace, canonicalService: w.canonicalService, canonicalRevision: w.canonicalRevision, clusters: [], workloads: [] };
      g.workloads.push(w);
      if (!g.clusters.includes(w.cluster)) g.clusters.push(w.cluster);
      groups.set(key, g);
    }
  }
  const rows = [...groups.values()].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.canonicalService.localeCompare(b.canonicalService) || a.canonicalRevision.localeCompare(b.canonicalRevision));
  for (const g of rows) {
    g.clusters.sort();
    g.workloads.sort((a, b) => a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name));
  }
  return envelope(model, scope, paginate(rows, query));
}
