import 'server-only';
import type { SlimDeployment, SlimPod } from '../clusters/records';
import { DATAPLANE_MODE_LABEL, namespaceDataplane, podDataplane, summarizeDataplane, type DataplaneMode, type DataplaneSummary } from '@/lib/fleet/dataplane';
import type { AmbientCounts } from '@/lib/fleet/ambient';
import type { ClusterStore } from './cluster-store';
import { allows, type VisibilityScope } from './scope';
import { waypointCount } from './waypoints';
import { ztunnelCounts } from './ztunnels';

type Labels = Readonly<Record<string, string>> | undefined;

/** A service instance's mode: its pods' ('mixed' when they differ); with no pods, what its namespace asks for. */
export function instanceDataplane(pods: Iterable<SlimPod>, namespaceLabels: Labels): DataplaneSummary {
  const modes = function* () {
    for (const p of pods) yield podDataplane(p, namespaceLabels);
  };
  return summarizeDataplane(modes()) ?? namespaceDataplane(namespaceLabels);
}

/**
 * A workload's mode: the one most of its pods have (the workload schema has
 * no 'mixed'; a rollout between modes shows its majority); without pods,
 * what its pod template and namespace ask for.
 */
export function workloadDataplane(pods: readonly SlimPod[], namespaceLabels: Labels, deployment?: SlimDeployment): DataplaneMode {
  if (pods.length === 0) {
    const labels = deployment?.templateLabels;
    if (labels?.[DATAPLANE_MODE_LABEL] === 'none') return 'none';
    const ns = namespaceDataplane(namespaceLabels);
    return ns === 'sidecar' && labels?.['sidecar.istio.io/inject'] === 'false' ? 'none' : ns;
  }
  const counts = new Map<DataplaneMode, number>();
  let best: DataplaneMode = 'none';
  let most = 0;
  for (const p of pods) {
    const m = podDataplane(p, namespaceLabels);
    const n = (counts.get(m) ?? 0) + 1;
    counts.set(m, n);
    if (n > most) {
      most = n;
      best = m;
    }
  }
  return best;
}

/**
 * Ambient mode in one cluster for its list row, or undefined when it uses
 * none of it (no ztunnel, no ambient namespace, no waypoint). From indexes
 * and a pass over Namespaces and Gateways: no pass over pods.
 */
export function ambientCounts(store: ClusterStore, scope: VisibilityScope): AmbientCounts | undefined {
  let ambientNamespaces = 0;
  for (const ns of store.namespaces.values()) if (namespaceDataplane(ns.labels) === 'ambient' && allows(scope, store.cluster, ns.name)) ambientNamespaces++;
  const waypoints = waypointCount(store, scope);
  const zt = ztunnelCounts(store);
  if (zt.ztunnelNodes === 0 && ambientNamespaces === 0 && waypoints === 0) return undefined;
  return { ...zt, ambientNamespaces, waypoints };
}
