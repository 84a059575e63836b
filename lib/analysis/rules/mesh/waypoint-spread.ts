import type { AnalysisContext } from '../../context';
import { meshFinding, ref } from '../../finding';
import type { Finding, ObjectRef } from '../../types';
import { runUnits, type Unit } from '../../units';
import { serviceNames, shortList, waypointBindings, waypointGateways, waypointKey, type WaypointBinding } from './waypoints';

/** MG0020: something uses a waypoint in a cluster where it does not exist, while other clusters of the mesh have it. */
export function checkWaypointSpread(ctx: AnalysisContext): Finding[] {
  return runUnits(waypointSpreadUnits(ctx));
}

/**
 * MG0020 a cluster at a time: each cluster's unit records its waypoints and
 * (complete clusters only: the rule concludes from absence) what uses which;
 * the last unit compares, reading no cluster's objects. Istio's multicluster
 * ambient mode needs the same waypoint in every cluster: a client's traffic
 * goes through the waypoint of its own cluster.
 */
export function waypointSpreadUnits(ctx: AnalysisContext): Unit[] {
  if (ctx.clusters.length < 2) return [];
  const present = new Map<string, string[]>();
  const used: Array<{ cluster: string; bindings: Map<string, WaypointBinding> }> = [];
  const units: Unit[] = ctx.clusters.map((c) => ({
    run: () => {
      for (const key of waypointGateways(ctx, c).keys()) present.set(key, [...(present.get(key) ?? []), c.name]);
      if (c.complete) used.push({ cluster: c.name, bindings: waypointBindings(ctx, c) });
      return [];
    },
  }));
  units.push({
    run: () => {
      const out: Finding[] = [];
      for (const { cluster, bindings } of used) {
        for (const b of bindings.values()) {
          const key = waypointKey(b.waypoint);
          const elsewhere = (present.get(key) ?? []).filter((x) => x !== cluster).sort();
          if (elsewhere.length === 0 || present.get(key)?.includes(cluster)) continue;
          const objects: ObjectRef[] = [...b.namespaces.map((ns) => ref(cluster, 'Namespace', '', ns)), ...b.services.map((s) => ref(cluster, 'Service', s.namespace, s.name))];
          const users = [
            ...(b.namespaces.length ? [`namespace${b.namespaces.length > 1 ? 's' : ''} ${b.namespaces.join(', ')}`] : []),
            ...(b.services.length ? [`service${b.services.length > 1 ? 's' : ''} ${shortList(serviceNames(b.services))}`] : []),
          ].join(' and ');
          out.push(meshFinding('MG0020', objects,
            `In ${cluster}, ${users} use${b.namespaces.length + b.services.length > 1 ? '' : 's'} waypoint ${key}, which exists in ${elsewhere.join(', ')} but not in ${cluster}; Istio needs the same waypoint in every cluster of the mesh: traffic from ${cluster} to them finds no waypoint there, so their L7 routing and policy are skipped or the requests fail.`,
            { mentions: elsewhere.map((x) => ref(x, 'Gateway', b.waypoint.namespace, b.waypoint.name)) }));
        }
      }
      return out;
    },
  });
  return units;
}
