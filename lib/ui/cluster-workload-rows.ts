import type { Workload, WorkloadGroup } from '../fleet/workloads';

/** The workloads of one cluster out of the API's groups (a group spans the mesh's clusters), by namespace then name. */
export function clusterWorkloadRows(groups: readonly WorkloadGroup[], cluster: string): Workload[] {
  return groups
    .flatMap((g) => g.workloads.filter((w) => w.cluster === cluster))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
}
