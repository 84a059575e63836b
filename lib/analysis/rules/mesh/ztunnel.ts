import type { AnalysisContext } from '../../context';
import { podDataplane } from '../../../fleet/dataplane';
import { meshFinding, ref } from '../../finding';
import { istioNamespaceOf } from '../../mesh-config';
import { podsCarry } from '../../pod-labels';
import type { ClusterView, Finding, ObjectRef, PodView } from '../../types';
import { clusterUnits, runUnits } from '../../units';
import { namespaceLabels } from './waypoints';

/** ztunnel's pods: the DaemonSet's label in the Istio namespace. */
const isZtunnel = (p: PodView, istioNs: string) => p.namespace === istioNs && p.labels.app === 'ztunnel';

/** MG0023: a node running ambient pods without a ready ztunnel. */
export function checkZtunnelNodes(ctx: AnalysisContext): Finding[] {
  return runUnits(clusterUnits(ctx, checkZtunnelNodesIn));
}

/**
 * MG0023 in one cluster: ztunnel carries all traffic of the ambient pods on
 * its node, so a node whose ztunnel pod is missing or not ready cuts them
 * off. Concludes from absence: complete clusters only.
 */
export function checkZtunnelNodesIn(ctx: AnalysisContext, c: ClusterView): Finding[] {
  const out: Finding[] = [];
  if (!c.complete || !podsCarry(c, ['app'])) return out;
  const istioNs = istioNamespaceOf(c);
  const nsLabels = namespaceLabels(ctx, c);
  const ambient = new Map<string, number>();
  const ztunnels = new Map<string, PodView[]>();
  for (const p of c.pods) {
    if (!p.nodeName || p.phase === 'Succeeded' || p.phase === 'Failed') continue;
    if (isZtunnel(p, istioNs)) ztunnels.set(p.nodeName, [...(ztunnels.get(p.nodeName) ?? []), p]);
    else if (podDataplane(p, nsLabels.get(p.namespace)) === 'ambient') ambient.set(p.nodeName, (ambient.get(p.nodeName) ?? 0) + 1);
  }
  for (const [node, count] of [...ambient].sort(([a], [b]) => a.localeCompare(b))) {
    const zs = ztunnels.get(node) ?? [];
    if (zs.some((z) => z.ready)) continue;
    const objects: ObjectRef[] = [ref(c.name, 'Node', '', node), ...zs.map((z) => ref(c.name, 'Pod', z.namespace, z.name))];
    const state = zs.length
      ? `its ztunnel pod${zs.length > 1 ? 's' : ''} ${zs.map((z) => `${z.namespace}/${z.name}`).join(', ')} ${zs.length > 1 ? 'are' : 'is'} not ready`
      : `no ztunnel pod runs there`;
    out.push(meshFinding('MG0023', objects, `Node ${node} in ${c.name} runs ${count} ambient pod${count > 1 ? 's' : ''} but ${state}; their traffic is cut off until ztunnel is ready on the node.`));
  }
  return out;
}
