import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { Page } from '@/lib/fleet/paging';
import type { WorkloadGroup, WorkloadsQuery } from '@/lib/fleet/workloads';
import { envelope } from './envelope';
import type { FleetModel } from './model';
import { paginate } from './paginate';
import { allows, type VisibilityScope } from './scope';

// Code-point order, as the services list: '' (clusters without a mesh ID) before named meshes.
const str = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * GET /api/v1/workloads: workloads grouped by mesh, namespace, canonical service
 * and revision, across the clusters of each mesh (namespace sameness holds within
 * a mesh only, as for /services). One service's groups in several meshes sit side
 * by side: ordered by namespace, canonical service, mesh, then revision.
 * `dataplane` keeps the workloads in that mode (a group holds only those).
 */
export function getWorkloads(model: FleetModel, scope: VisibilityScope, query: WorkloadsQuery): FleetResponse<Page<WorkloadGroup>> {
  const q = query.q?.toLowerCase();
  const groups = new Map<string, WorkloadGroup>();
  for (const e of model.clusters()) {
    if (query.cluster && e.info.name !== query.cluster) continue;
    const mesh = model.meshOf(e.info.name);
    if (query.mesh !== undefined && mesh !== query.mesh) continue;
    for (const w of model.workloads(e.info.name)) {
      if (!allows(scope, w.cluster, w.namespace)) continue;
      if (query.namespace && w.namespace !== query.namespace) continue;
      if (query.dataplane && w.dataplane !== query.dataplane) continue;
      if (q && !`${w.namespace}/${w.name} ${w.canonicalService}`.toLowerCase().includes(q)) continue;
      const key = `${mesh}\u0000${w.namespace}/${w.canonicalService}/${w.canonicalRevision}`;
      const g = groups.get(key) ?? { mesh, namespace: w.namespace, canonicalService: w.canonicalService, canonicalRevision: w.canonicalRevision, clusters: [], workloads: [] };
      g.workloads.push(w);
      if (!g.clusters.includes(w.cluster)) g.clusters.push(w.cluster);
      groups.set(key, g);
    }
  }
  const rows = [...groups.values()].sort(
    (a, b) => a.namespace.localeCompare(b.namespace) || a.canonicalService.localeCompare(b.canonicalService) || str(a.mesh, b.mesh) || a.canonicalRevision.localeCompare(b.canonicalRevision),
  );
  for (const g of rows) {
    g.clusters.sort();
    g.workloads.sort((a, b) => a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name));
  }
  return envelope(model, scope, paginate(rows, query));
}
