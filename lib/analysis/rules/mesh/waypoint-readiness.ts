import type { AnalysisContext } from '../../context';
import { GATEWAY_NAME_LABEL, waypointTrafficType } from '../../../fleet/dataplane';
import { meshFinding, ref } from '../../finding';
import { podsCarry } from '../../pod-labels';
import { list, obj, str } from '../../spec';
import type { ClusterView, ConfigObject, Finding, ObjectRef } from '../../types';
import { clusterUnits, runUnits } from '../../units';
import { serviceNames, shortList, waypointBindings, waypointGateways } from './waypoints';

/** The Gateway's Programmed condition when it is not True ('False (NoResources: ...)'), else undefined. */
function notProgrammed(gw: ConfigObject): string | undefined {
  const c = list(obj(gw.status)?.conditions).map((x) => obj(x) ?? {}).find((x) => x.type === 'Programmed');
  if (!c || c.status !== 'False') return undefined;
  const why = [str(c.reason), str(c.message)].filter(Boolean).join(': ');
  return `Programmed False${why ? ` (${why})` : ''}`;
}

/** MG0022: a waypoint in use with no ready pod, or not Programmed. */
export function checkWaypointReadiness(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkWaypointReadinessIn));
}

/**
 * MG0022 in one cluster: every waypoint Gateway something in the cluster
 * uses needs a ready pod (labelled with the Gateway's name, in its namespace)
 * and Programmed not False. Services bound to it lose their L7 traffic.
 */
export function checkWaypointReadinessIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  const bindings = waypointBindings(ctx, c);
  if (bindings.size === 0) return out;
  const gateways = waypointGateways(ctx, c);
  // "No ready pod" concludes from absence: only in a complete cluster whose pods keep the Gateway name label.
  const judgePods = c.complete && podsCarry(c, [GATEWAY_NAME_LABEL]);
  let ready: Set<string> | undefined;
  for (const [key, b] of bindings) {
    const gw = gateways.get(key);
    if (!gw) continue;
    if (judgePods && !ready) {
      ready = new Set();
      for (const p of c.pods) if (p.ready && p.labels[GATEWAY_NAME_LABEL]) ready.add(`${p.namespace}/${p.labels[GATEWAY_NAME_LABEL]}`);
    }
    const problems = [
      ...(ready && !ready.has(key) ? ['has no ready pod'] : []),
      ...(notProgrammed(gw) ? [`is ${notProgrammed(gw)}`] : []),
    ];
    if (problems.length === 0) continue;
    // A waypoint for workloads only does not take Service traffic: Istio does not bind Services to it.
    const takesServices = waypointTrafficType(gw.labels) === 'service' || waypointTrafficType(gw.labels) === 'all';
    const services = takesServices ? b.services : [];
    if (services.length === 0 && b.namespaces.length === 0) continue;
    const users = [
      ...(services.length ? [`service${services.length > 1 ? 's' : ''} ${shortList(serviceNames(services))}`] : []),
      ...(b.namespaces.length ? [`namespace${b.namespaces.length > 1 ? 's' : ''} ${b.namespaces.join(', ')}`] : []),
    ].join(' and ');
    // Namespaces other than the waypoint's own are named in the message: the caller must see them too.
    const mentions: ObjectRef[] = [
      ...services.map((s) => ref(c.name, 'Service', s.namespace, s.name)),
      ...b.namespaces.filter((ns) => ns !== gw.namespace).map((ns) => ref(c.name, 'Namespace', '', ns)),
    ];
    out.push(meshFinding('MG0022', [ref(c.name, 'Gateway', gw.namespace, gw.name)],
      `Waypoint ${key} in ${c.name} ${problems.join(' and ')}; L7 traffic through it fails for what uses it: ${users}.`,
      { mentions }));
  }
  return out;
}
