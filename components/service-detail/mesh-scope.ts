import type { ServiceSignals } from '@/lib/api/telemetry';
import type { ServiceDetail } from '@/lib/fleet/services';
import { globalServiceHealth } from '@/lib/health/global-health';
import { plural } from '@/lib/ui/format';

/** The mesh as the detail page names it. */
export const meshName = (mesh: string) => (mesh ? `mesh ${mesh}` : 'the clusters without a mesh ID');

/**
 * A service's per-cluster signals cut to one mesh's clusters, with the health
 * re-made over them. The signals route answers for every visible cluster with
 * this namespace/name, whatever its mesh; the totals are not re-summed here
 * (percentiles do not add), so `signals` is left to the list row's join.
 */
export function signalsInMesh(s: ServiceSignals, clusters: ReadonlySet<string>): ServiceSignals {
  const mine = s.clusters.filter((c) => clusters.has(c.cluster));
  return { ...s, clusters: mine, health: globalServiceHealth(mine) };
}

/** The other meshes with this namespace/name, as the page links them: "Also in mesh staging (1 cluster)". */
export function otherMeshes(d: ServiceDetail): Array<{ mesh: string; clusters: string[]; label: string }> {
  return (d.meshes ?? [])
    .filter((m) => m.mesh !== d.mesh)
    .map((m) => ({ ...m, label: `Also in ${m.mesh ? `mesh ${m.mesh}` : 'clusters without a mesh ID'} (${plural(m.clusters.length, 'cluster')})` }));
}
