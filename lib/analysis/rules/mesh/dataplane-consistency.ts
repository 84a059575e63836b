import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import { namespaceDataplane, podDataplane, type DataplaneMode } from '../../../fleet/dataplane';
import { selects, toFqdn } from '../../hosts';
import { podsCarry } from '../../pod-labels';
import type { ClusterView, Finding, PodView } from '../../types';
import { runUnits, type Unit } from '../../units';
import { isGatewayService, namespaceLabels } from './waypoints';

/** A service's modes in one cluster: those of its pods, or (no pods) what its namespace asks for. */
interface ClusterModes {
  cluster: string;
  namespace: string;
  name: string;
  modes: DataplaneMode[];
  fromNamespace: boolean;
}

/** Pods that have ended hold no traffic. */
const live = (p: PodView) => p.phase !== 'Succeeded' && p.phase !== 'Failed';

/** Per Service host ('ns/name' FQDN): its modes in this cluster. */
function modesIn(ctx: AnalysisContext, c: ClusterView): Map<string, ClusterModes> {
  const out = new Map<string, ClusterModes>();
  const nsLabels = namespaceLabels(ctx, c);
  const pods = new Map<string, Array<{ pod: PodView; mode: DataplaneMode }>>();
  for (const p of c.pods) {
    if (!live(p)) continue;
    let arr = pods.get(p.namespace);
    if (!arr) pods.set(p.namespace, (arr = []));
    arr.push({ pod: p, mode: podDataplane(p, nsLabels.get(p.namespace)) });
  }
  // A namespace whose pods all share a mode gives that mode to every Service selecting any of them.
  const single = new Map<string, DataplaneMode | undefined>();
  for (const [ns, arr] of pods) single.set(ns, arr.every((x) => x.mode === arr[0]!.mode) ? arr[0]!.mode : undefined);
  const services = ctx.meshServices();
  for (const s of c.services) {
    if (!s.selector || Object.keys(s.selector).length === 0 || isGatewayService(s)) continue;
    const fqdn = toFqdn(s.namespace, s.name);
    if (new Set((services.get(fqdn) ?? []).map((x) => x.cluster)).size < 2) continue;
    // Selector keys the source does not keep: no pod can be judged, so neither can the cluster.
    if (!podsCarry(c, Object.keys(s.selector))) continue;
    const inNs = pods.get(s.namespace) ?? [];
    const one = single.get(s.namespace);
    let modes: DataplaneMode[];
    if (one !== undefined) modes = inNs.some((x) => selects(s.selector, x.pod.labels)) ? [one] : [];
    else modes = [...new Set(inNs.filter((x) => selects(s.selector, x.pod.labels)).map((x) => x.mode))].sort();
    if (modes.length > 0) {
      out.set(fqdn, { cluster: c.name, namespace: s.namespace, name: s.name, modes, fromNamespace: false });
      continue;
    }
    // No pods here: the namespace's request counts, unless it asks for nothing (gateways are injected per pod, not per namespace).
    const asked = namespaceDataplane(nsLabels.get(s.namespace));
    if (asked !== 'none') out.set(fqdn, { cluster: c.name, namespace: s.namespace, name: s.name, modes: [asked], fromNamespace: true });
  }
  return out;
}

const describe = (m: ClusterModes) => `${m.modes.join(' and ')} in ${m.cluster}${m.fromNamespace ? ' (namespace label, no pods)' : ''}`;

/** MG0019: a service (namespace sameness) whose pods run ambient in one cluster and with sidecars (or out of the mesh) in another. */
export function checkDataplaneConsistency(ctx: AnalysisContext): Finding[] {
  return runUnits(dataplaneConsistencyUnits(ctx));
}

/**
 * MG0019 a cluster at a time: each complete cluster's unit records the modes
 * of its Services shared with other clusters; the last unit compares them,
 * reading no cluster's objects.
 */
export function dataplaneConsistencyUnits(ctx: AnalysisContext): Unit[] {
  const members = ctx.clusters.filter((c) => c.complete);
  if (members.length < 2) return [];
  const byHost = new Map<string, ClusterModes[]>();
  const units: Unit[] = members.map((c) => ({
    run: () => {
      for (const [fqdn, m] of modesIn(ctx, c)) {
        let arr = byHost.get(fqdn);
        if (!arr) byHost.set(fqdn, (arr = []));
        arr.push(m);
      }
      return [];
    },
  }));
  units.push({
    run: () => {
      const out: Finding[] = [];
      for (const [, all] of [...byHost].sort(([a], [b]) => a.localeCompare(b))) {
        if (new Set(all.map((m) => m.modes.join('+'))).size < 2) continue;
        const { namespace, name } = all[0]!;
        const sorted = [...all].sort((a, b) => a.cluster.localeCompare(b.cluster));
        out.push(meshFinding('MG0019', sorted.map((m) => ref(m.cluster, 'Service', namespace, name)),
          `Service ${namespace}/${name} runs in different data-plane modes across mesh ${ctx.mesh.replace(/^~/, '')}: ${sorted.map(describe).join('; ')}. Its endpoints then differ in how traffic is secured, which policies apply (waypoint or sidecar) and who reports telemetry.`));
      }
      return out;
    },
  });
  return units;
}
